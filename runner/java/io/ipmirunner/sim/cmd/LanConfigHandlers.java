package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.sim.BmcProfile;
import java.util.Arrays;
import java.util.List;

/**
 * Get LAN Configuration Parameters (IPMI v2.0 §23.2, parameters in Table 23-4), read-only: a static
 * address (the one the simulated BMC is bound to), a MAC derived from the fleet seed, the auth types and
 * cipher suites the BMC really accepts. Parameters not listed answer 0x80 (not supported).
 */
final class LanConfigHandlers {
    private static final int STATIC_ADDRESS = 0x01;
    private static final byte[] MASK_24 = {(byte) 255, (byte) 255, (byte) 255, 0};

    private LanConfigHandlers() {}

    static Answer get(CommandContext c, LanConfig.GetRequest q) {
        if (q.channel() != AppHandlers.LAN_CHANNEL && q.channel() != ChannelAuthCapabilities.CURRENT_CHANNEL) {
            return Answer.INVALID_FIELD;
        }
        if (q.revisionOnly()) {
            return Answer.ok(new LanConfig.GetResponse(LanConfig.REVISION, new byte[0]));
        }
        byte[] data = parameter(c, q.parameter());
        return data == null ? Answer.code(LanConfig.CC_PARAMETER_NOT_SUPPORTED)
                : Answer.ok(new LanConfig.GetResponse(LanConfig.REVISION, data));
    }

    private static byte[] parameter(CommandContext c, int p) {
        BmcProfile profile = c.bmc().profile();
        int authTypes = profile.settings().v15AuthTypes() & 0x37;
        byte[] ip = c.address() == null ? new byte[4] : c.address().getAddress();
        List<Integer> suites = profile.cipherSuites();
        return switch (p) {
            case LanConfig.SET_IN_PROGRESS -> new byte[] {0};
            case LanConfig.AUTH_TYPE_SUPPORT -> new byte[] {(byte) authTypes};
            case LanConfig.AUTH_TYPE_ENABLES -> filled(5, authTypes);
            case LanConfig.IP_ADDRESS -> ip;
            case LanConfig.IP_SOURCE -> new byte[] {STATIC_ADDRESS};
            case LanConfig.MAC_ADDRESS -> c.bmc().identity().mac();
            case LanConfig.SUBNET_MASK -> MASK_24.clone();
            case LanConfig.DEFAULT_GATEWAY -> new byte[] {ip[0], ip[1], ip[2], (byte) 254};
            case LanConfig.DEFAULT_GATEWAY_MAC -> new byte[6];
            case LanConfig.VLAN_ID -> new byte[2];
            case LanConfig.CIPHER_SUITE_SUPPORT -> new byte[] {(byte) suites.size()};
            case LanConfig.CIPHER_SUITE_ENTRIES -> suiteEntries(suites);
            case LanConfig.CIPHER_SUITE_PRIVILEGES -> suitePrivileges(suites.size());
            default -> null;
        };
    }

    private static byte[] suiteEntries(List<Integer> suites) {
        byte[] b = new byte[1 + suites.size()];
        for (int i = 0; i < suites.size(); i++) {
            b[i + 1] = (byte) (int) suites.get(i);
        }
        return b;
    }

    /**
     * Byte 1 reserved, then one nibble per entry of parameter 23, low nibble first (entry 0 in byte 2 bits
     * 3:0); every suite allows up to administrator (4), unused entries are 0.
     */
    private static byte[] suitePrivileges(int entries) {
        byte[] b = new byte[9];
        for (int k = 0; k < Math.min(entries, 16); k++) {
            b[1 + k / 2] |= (byte) (4 << (k % 2) * 4);
        }
        return b;
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }
}
