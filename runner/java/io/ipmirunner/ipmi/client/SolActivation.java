package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.command.app.PayloadMessages.InstanceRequest;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm;
import io.ipmirunner.ipmi.crypto.IntegrityAlgorithm;
import io.ipmirunner.ipmi.sol.SolMachine;
import io.ipmirunner.ipmi.sol.SolPacket;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;

/**
 * The payload commands a console sends for SOL (IPMI v2.0 §24.1 Activate Payload, §24.2 Deactivate Payload),
 * their completion codes told in words, and how Activate Payload's answer is read: the sizes (with a fallback
 * for sizes no BMC can mean) and the SOL port (see {@link #solPort}).
 */
final class SolActivation {
    /** The payload instance: SOL has one per BMC. */
    static final int INSTANCE = 1;
    /**
     * Characters per packet when the BMC reports a size out of the range the SOL header allows (1-255
     * characters): FreeIPMI's {@code solpayloadsize} uses 32 too, and assumes no byte order either.
     */
    static final int FALLBACK_CHARS = 32;
    private static final int QUEUE_BYTES = 4096;

    private SolActivation() {}

    /**
     * Activates SOL; {@code taken}: Get Payload Activation Status said it is active already (false when that
     * command is not answered: FreeIPMI's {@code solstatus} BMCs refuse it).
     */
    static PayloadMessages.Activated activate(Bmc own, SolConsole.WhenActive policy, boolean taken, int aux)
            throws IpmiException {
        if (taken && policy == SolConsole.WhenActive.STEAL) {
            deactivate(own);
            taken = false;
        }
        IpmiResponse r = activateRaw(own, aux);
        if (r.completionCode().code() == PayloadMessages.CC_ALREADY_ACTIVE && !taken) {
            // Free a moment ago: our own first Activate ran and its reply was lost, so the resend found the
            // instance active. Deactivating and activating again gets the sizes that reply carried; if that
            // reply is lost too, the instance is still ours, and the sizes fall back to ones every BMC takes.
            deactivate(own);
            r = activateRaw(own, aux);
            if (r.completionCode().code() == PayloadMessages.CC_ALREADY_ACTIVE) {
                int size = FALLBACK_CHARS + SolPacket.HEADER_LENGTH;
                return new PayloadMessages.Activated(aux, size, size, 0, 0xFFFF);
            }
        }
        if (r.completionCode().code() == PayloadMessages.CC_ALREADY_ACTIVE) {
            throw new IpmiException.CompletionCodeError(own.host(), Phase.COMMAND, "Activate Payload (SOL is already "
                    + "active on another session; console policy is fail, policy=steal takes it over)",
                    r.completionCode());
        }
        if (!r.completionCode().isOk()) {
            String why = switch (r.completionCode().code()) {
                case PayloadMessages.CC_TYPE_DISABLED -> " (SOL is disabled on this BMC)";
                case PayloadMessages.CC_ACTIVATION_LIMIT -> " (SOL activation limit reached)";
                case PayloadMessages.CC_CANNOT_ENCRYPT -> " (SOL cannot be encrypted; use a cipher suite without"
                        + " confidentiality)";
                case PayloadMessages.CC_MUST_ENCRYPT -> " (SOL must be encrypted; use a cipher suite with AES)";
                case 0xD4 -> " (SOL needs a higher privilege than this session's; see sol_config's privilege)";
                default -> " (SOL)";
            };
            throw new IpmiException.CompletionCodeError(own.host(), Phase.COMMAND, "Activate Payload" + why,
                    r.completionCode());
        }
        try {
            return Commands.ACTIVATE_PAYLOAD.decodeResponse(r.data());
        } catch (MalformedPacketException e) {
            throw new IpmiException.ProtocolError(own.host(), Phase.COMMAND, "bad Activate Payload response: "
                    + e.getMessage());
        }
    }

    private static IpmiResponse activateRaw(Bmc own, int aux) throws IpmiException {
        var spec = Commands.ACTIVATE_PAYLOAD;
        return own.raw(spec.name(), spec.netFn(), spec.cmd(),
                new InstanceRequest(PayloadType.SOL, INSTANCE, aux).toBytes());
    }

    /** Deactivate Payload; an instance already inactive (0x80) is as good as deactivated. */
    static void deactivate(Bmc own) throws IpmiException {
        var spec = Commands.DEACTIVATE_PAYLOAD;
        IpmiResponse r = own.raw(spec.name(), spec.netFn(), spec.cmd(),
                new InstanceRequest(PayloadType.SOL, INSTANCE, 0).toBytes());
        int cc = r.completionCode().code();
        if (cc != 0 && cc != PayloadMessages.CC_ALREADY_DEACTIVATED) {
            throw new IpmiException.CompletionCodeError(own.host(), Phase.COMMAND, spec.name() + " (SOL)",
                    CompletionCode.of(cc));
        }
    }

    /**
     * Activation asks for the protection the session has (§24.1 SOL auxiliary data, byte 1), and serial alerts
     * deferred while SOL is active: what FreeIPMI's {@code serialalertsdeferred} asks for, since boards sharing
     * the serial port with IPMI over serial stop taking SOL input when alerts are to fail.
     */
    static int aux(CipherSuite suite) {
        int aux = InstanceRequest.AUX_DEFER_ALERTS;
        if (suite.confidentiality() != ConfidentialityAlgorithm.NONE) {
            aux |= InstanceRequest.AUX_ENCRYPT;
        }
        if (suite.integrity() != IntegrityAlgorithm.NONE) {
            aux |= InstanceRequest.AUX_AUTHENTICATE;
        }
        return aux;
    }

    /**
     * Characters per packet from the BMC's inbound payload size, which counts the SOL header. A size outside
     * header + 1 to header + 255 (the accepted character count is one byte) cannot be meant: BMCs have been
     * seen reporting 0 or the two bytes swapped; then {@link #FALLBACK_CHARS}, as FreeIPMI's solpayloadsize.
     * {@code bumpStuckSequence}: the host's {@code ipmi_workarounds} has {@code solpacketseq}.
     */
    static SolMachine.Limits limits(PayloadMessages.Activated a, boolean bumpStuckSequence) {
        int chars = a.inboundSize() - SolPacket.HEADER_LENGTH;
        chars = chars < 1 || chars > 255 ? FALLBACK_CHARS : chars;
        return new SolMachine.Limits(chars, QUEUE_BYTES, 500, 200, 12, 300, bumpStuckSequence);
    }

    /**
     * The port SOL's packets use, from Activate Payload's "Payload UDP Port Number" (§24.1, Table 24-2):
     * the session's when it names none (0), names the session's, or names it with its two bytes swapped
     * (ipmitool's check; FreeIPMI does the same for 623 alone, Supermicro X8DTH-iF); the session's too when the
     * host's {@code ipmi_workarounds} has {@code solport} (FreeIPMI's -W solport: the BMC reports a port that
     * nothing answers on); otherwise the reported one, where the console opens a session of its own.
     */
    static int solPort(int reported, int sessionPort, boolean ignoreReported) {
        boolean swapped = (Integer.reverseBytes(reported) >>> 16) == sessionPort;
        return reported == 0 || reported == sessionPort || swapped || ignoreReported ? sessionPort : reported;
    }
}
