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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A host's serial console over LAN: a session of its own to the BMC (the SOL payload instance belongs to the
 * session that activates it, and the shared session stays free for chassis control), the payload checked and
 * activated (IPMI v2.0 §24.8, §24.4, §24.1), then characters both ways through {@link SolLink}. Closing
 * deactivates the payload (§24.2) and closes the session. Blocking calls: meant for virtual threads.
 */
public final class SolConsole implements AutoCloseable {
    /** What to do when SOL is already active on another session (one instance per BMC, §24.1). */
    public enum WhenActive { FAIL, STEAL }

    /** The payload instance: SOL has one per BMC. */
    static final int INSTANCE = 1;
    /** Characters per packet when the BMC reports an inbound size that cannot be right (< header + 1). */
    static final int FALLBACK_CHARS = 32;
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final int QUEUE_BYTES = 4096;

    private final Bmc own;
    private final BmcSession session;
    private final SolLink link;
    private final PayloadMessages.Activated activated;
    private boolean closed;

    private SolConsole(Bmc own, BmcSession session, SolLink link, PayloadMessages.Activated activated) {
        this.own = own;
        this.session = session;
        this.link = link;
        this.activated = activated;
    }

    /** Opens a console to the BMC behind {@code bmc}, through a new session with the same login. */
    public static SolConsole open(Bmc bmc, WhenActive policy) throws IpmiException {
        Bmc own = bmc.loginWith(c -> c);
        if (!(own instanceof BmcSession session)) {
            own.close();
            throw new IpmiException.ProtocolError(bmc.host(), Phase.COMMAND, "this connection cannot carry SOL");
        }
        try {
            // The first request logs in; only then is the session's version and cipher suite known. Get Channel
            // Payload Support (§24.8) is not asked: OpenIPMI's ipmi_sim 2.0.33 dies on it, and Activate Payload's
            // completion code says as much (0x81: SOL disabled).
            var status = own.send(Commands.GET_PAYLOAD_ACTIVATION_STATUS,
                    new PayloadMessages.TypeRequest(PayloadType.SOL));
            CipherSuite suite = onLoop(session, () -> session.driver().payloadSuite()).orElseThrow(() ->
                    new IpmiException.ProtocolError(bmc.host(), Phase.COMMAND, "SOL needs an IPMI v2.0 (RMCP+) session"));
            SolLink link = new SolLink(session.driver(), session.client().loop(), BUFFER_BYTES);
            onLoop(session, () -> {
                session.driver().attachPayloadPort(link);
                return null;
            });
            PayloadMessages.Activated a = activate(own, policy, status.active(INSTANCE), aux(suite));
            if (a.port() != 0 && a.port() != session.driver().target().address().getPort()) {
                deactivate(own);
                throw new IpmiException.ProtocolError(bmc.host(), Phase.COMMAND, "the BMC serves SOL on UDP port "
                        + a.port() + ", not the session's; a separate SOL port is not supported");
            }
            SolMachine.Limits limits = limits(a);
            onLoop(session, () -> {
                link.start(limits);
                return null;
            });
            return new SolConsole(own, session, link, a);
        } catch (IpmiException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    private static PayloadMessages.Activated activate(Bmc own, WhenActive policy, boolean taken, int aux)
            throws IpmiException {
        if (taken && policy == WhenActive.STEAL) {
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
    private static void deactivate(Bmc own) throws IpmiException {
        var spec = Commands.DEACTIVATE_PAYLOAD;
        IpmiResponse r = own.raw(spec.name(), spec.netFn(), spec.cmd(),
                new InstanceRequest(PayloadType.SOL, INSTANCE, 0).toBytes());
        int cc = r.completionCode().code();
        if (cc != 0 && cc != PayloadMessages.CC_ALREADY_DEACTIVATED) {
            throw new IpmiException.CompletionCodeError(own.host(), Phase.COMMAND, spec.name() + " (SOL)",
                    CompletionCode.of(cc));
        }
    }

    /** Activation asks for the protection the session has (§24.1 SOL auxiliary data, byte 1). */
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
     * Characters per packet from the BMC's inbound payload size, which counts the SOL header: at most 255
     * (the accepted character count is one byte), and {@link #FALLBACK_CHARS} when the size leaves no room
     * for a character (BMCs have been seen reporting 0, or the two bytes swapped into a tiny number).
     */
    static SolMachine.Limits limits(PayloadMessages.Activated a) {
        int chars = a.inboundSize() - SolPacket.HEADER_LENGTH;
        chars = chars < 1 ? FALLBACK_CHARS : Math.min(chars, 255);
        return new SolMachine.Limits(chars, QUEUE_BYTES, 500, 200, 12, 300);
    }

    private interface LoopCall<T> {
        T call();
    }

    private static <T> T onLoop(BmcSession s, LoopCall<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        s.client().execute(() -> f.complete(call.call()));
        return f.join();
    }

    public String host() {
        return own.host();
    }

    /** What Activate Payload answered: sizes, port. */
    public PayloadMessages.Activated activated() {
        return activated;
    }

    /** The host's output: count read, 0 when nothing came within {@code waitMillis}, -1 once the link ended. */
    public int read(byte[] buf, long waitMillis) throws InterruptedException {
        return link.read(buf, waitMillis);
    }

    /** Types characters; returns how many were queued within {@code waitMillis} (fewer once the link ended). */
    public int write(byte[] chars, long waitMillis) throws InterruptedException {
        return link.write(chars, waitMillis);
    }

    /**
     * A serial break on the host's port (IPMI v2.0 §15.9 operation bit 4; Linux takes a break and the next key
     * as a magic SysRq), after what was typed so far. False once the link has ended.
     */
    public boolean sendBreak() {
        return link.sendBreak();
    }

    /** Why the link ended (the BMC deactivated it, stopped acknowledging, the session was lost), if it did. */
    public Optional<String> ended() {
        return Optional.ofNullable(link.endReason());
    }

    /** Deactivates the payload (best effort: the BMC may be gone) and closes the session. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean live = link.endReason() == null;
        onLoop(session, () -> {
            link.end("console closed");
            return null;
        });
        try {
            if (live) {
                deactivate(own);
            }
        } catch (IpmiException e) {
            // The session closes next, and a BMC deactivates the payload of a closed session (§24.2).
        } finally {
            own.close();
        }
    }
}
