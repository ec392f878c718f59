package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.command.transport.SolConfig;
import io.ipmirunner.sim.model.SolSettings;

/**
 * Get SOL Configuration Parameters (IPMI v2.0 §26.3, Table 26-5): parameters 0-8, from the LAN channel's
 * {@link SolSettings} and from what the simulated SOL really does (it sends what its host printed every
 * 20 ms tick, at most 196 characters a packet, resends every 300 ms: 20 times, more than the 3-bit count can
 * say, so 7), its serial port at 115200 bit/s, on the session's own UDP port.
 */
final class SolConfigHandlers {
    private static final int TICK_5MS_UNITS = 4;
    private static final int SEND_THRESHOLD = 196;
    private static final SolConfig.Retry RETRY = new SolConfig.Retry(7, 300);
    private static final int BIT_RATE = 115200;

    private SolConfigHandlers() {}

    static Answer get(CommandContext c, LanConfig.GetRequest q) {
        if (!AppHandlers.lan(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        if (q.revisionOnly()) {
            return Answer.ok(new LanConfig.GetResponse(LanConfig.REVISION, new byte[0]));
        }
        SolSettings s = c.bmc().lan().sol();
        byte[] data = switch (q.parameter()) {
            case SolConfig.SET_IN_PROGRESS -> new byte[] {0};
            case SolConfig.ENABLE -> new byte[] {(byte) (s.enabled() ? 1 : 0)};
            case SolConfig.AUTHENTICATION -> new byte[] {new SolConfig.Authentication(s.forceEncryption(),
                    s.forceAuthentication(), s.privilege().code()).encode()};
            case SolConfig.ACCUMULATE -> new byte[] {TICK_5MS_UNITS, (byte) SEND_THRESHOLD};
            case SolConfig.RETRY -> RETRY.encode();
            case SolConfig.NON_VOLATILE_BIT_RATE, SolConfig.VOLATILE_BIT_RATE ->
                    new byte[] {(byte) SolConfig.bitRateCode(BIT_RATE)};
            case SolConfig.PAYLOAD_CHANNEL -> new byte[] {(byte) AppHandlers.LAN_CHANNEL};
            case SolConfig.PAYLOAD_PORT -> new byte[] {(byte) c.port(), (byte) (c.port() >> 8)};
            default -> null;
        };
        return data == null ? Answer.code(LanConfig.CC_PARAMETER_NOT_SUPPORTED)
                : Answer.ok(new LanConfig.GetResponse(LanConfig.REVISION, data));
    }
}
