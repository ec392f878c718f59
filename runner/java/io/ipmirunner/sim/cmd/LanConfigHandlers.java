package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.model.LanState;
import java.util.Arrays;
import java.util.List;

/**
 * Get and Set LAN Configuration Parameters (IPMI v2.0 §23.1-23.2, parameters in Table 23-4). Until set,
 * a static address (the one the simulated BMC is bound to), a /24 mask and a .254 gateway; a MAC derived
 * from the fleet seed; the auth types and cipher suites the BMC really accepts. Set takes parameter 0 (the
 * handshake), 3, 4, 6 and 12; the others it knows are read-only (0x82), the rest unsupported (0x80).
 */
final class LanConfigHandlers {
    private static final int STATIC_ADDRESS = 0x01;
    private static final byte[] MASK_24 = {(byte) 255, (byte) 255, (byte) 255, 0};

    private LanConfigHandlers() {}

    static Answer get(CommandContext c, LanConfig.GetRequest q) {
        if (!AppHandlers.lan(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        if (q.revisionOnly()) {
            return Answer.ok(new LanConfig.GetResponse(LanConfig.REVISION, new byte[0]));
        }
        byte[] data = parameter(c, q.parameter());
        return data == null ? Answer.code(LanConfig.CC_PARAMETER_NOT_SUPPORTED)
                : Answer.ok(new LanConfig.GetResponse(LanConfig.REVISION, data));
    }

    static Answer set(CommandContext c, LanConfig.SetRequest q) {
        if (!AppHandlers.lan(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        byte[] d = q.data();
        LanState lan = c.bmc().lan();
        int need = switch (q.parameter()) {
            case LanConfig.SET_IN_PROGRESS, LanConfig.IP_SOURCE -> 1;
            case LanConfig.IP_ADDRESS, LanConfig.SUBNET_MASK, LanConfig.DEFAULT_GATEWAY -> 4;
            default -> 0;
        };
        if (need == 0) {
            return parameter(c, q.parameter()) == null ? Answer.code(LanConfig.CC_PARAMETER_NOT_SUPPORTED)
                    : Answer.code(LanConfig.CC_READ_ONLY);
        }
        if (d.length != need) {
            return Answer.LENGTH_INVALID;
        }
        switch (q.parameter()) {
            case LanConfig.SET_IN_PROGRESS -> {
                if ((d[0] & 0x03) == 0x03) {
                    return Answer.INVALID_FIELD;
                }
                return lan.setState(d[0] & 0x03) ? Answer.OK : Answer.code(LanConfig.CC_SET_IN_PROGRESS);
            }
            case LanConfig.IP_SOURCE -> {
                if ((d[0] & 0x0F) > 4) {
                    return Answer.INVALID_FIELD;
                }
                lan.source(d[0] & 0x0F);
            }
            case LanConfig.IP_ADDRESS -> lan.address(d);
            case LanConfig.SUBNET_MASK -> lan.netmask(d);
            default -> lan.gateway(d);
        }
        return Answer.OK;
    }

    private static byte[] parameter(CommandContext c, int p) {
        BmcProfile profile = c.bmc().profile();
        LanState lan = c.bmc().lan();
        int authTypes = profile.v15AuthTypes() & 0x37;
        byte[] bound = c.address() == null ? new byte[4] : c.address().getAddress();
        byte[] ip = lan.address() != null ? lan.address() : bound;
        List<Integer> suites = profile.cipherSuites();
        return switch (p) {
            case LanConfig.SET_IN_PROGRESS -> new byte[] {(byte) lan.setState()};
            case LanConfig.AUTH_TYPE_SUPPORT -> new byte[] {(byte) authTypes};
            case LanConfig.AUTH_TYPE_ENABLES -> filled(5, authTypes);
            case LanConfig.IP_ADDRESS -> ip;
            case LanConfig.IP_SOURCE -> new byte[] {(byte) (lan.source() != null ? lan.source() : STATIC_ADDRESS)};
            case LanConfig.MAC_ADDRESS -> c.bmc().identity().mac();
            case LanConfig.SUBNET_MASK -> lan.netmask() != null ? lan.netmask() : MASK_24.clone();
            case LanConfig.DEFAULT_GATEWAY -> lan.gateway() != null ? lan.gateway()
                    : new byte[] {bound[0], bound[1], bound[2], (byte) 254};
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
