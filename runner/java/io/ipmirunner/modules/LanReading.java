package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.command.transport.LanParameters;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One read of a channel's LAN configuration (IPMI v2.0 §23.2): the parameters asked for go out together;
 * one the BMC does not support (0x80) or sends malformed is left out of the result and named under
 * {@code unsupported} or {@code warnings}, instead of failing the read.
 */
final class LanReading {
    private static final int[] PARAMETERS = {LanConfig.AUTH_TYPE_ENABLES, LanConfig.IP_ADDRESS, LanConfig.IP_SOURCE,
        LanConfig.MAC_ADDRESS, LanConfig.SUBNET_MASK, LanConfig.DEFAULT_GATEWAY, LanConfig.VLAN_ID,
        LanConfig.CIPHER_SUITE_SUPPORT, LanConfig.CIPHER_SUITE_ENTRIES, LanConfig.CIPHER_SUITE_PRIVILEGES};

    private final Map<Integer, byte[]> data = new HashMap<>();
    private final List<String> unsupported = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private LanReading() {}

    static LanReading read(Bmc s, int channel) throws IpmiException {
        Map<Integer, CompletableFuture<LanConfig.GetResponse>> asks = new LinkedHashMap<>();
        for (int p : PARAMETERS) {
            asks.put(p, s.sendAsync(Commands.GET_LAN_CONFIG, new LanConfig.GetRequest(channel, false, p, 0, 0)));
        }
        LanReading r = new LanReading();
        for (var e : asks.entrySet()) {
            try {
                r.data.put(e.getKey(), Bmc.await(e.getValue()).data());
            } catch (IpmiException.CompletionCodeError cc) {
                r.unsupported.add("parameter " + e.getKey() + " (" + cc.code() + ")");
            }
        }
        return r;
    }

    /** The result map: ip_source, address, netmask, gateway, mac, vlan, auth_types, cipher_suites. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "ip_source", LanConfig.IP_SOURCE, LanParameters::ipSource);
        put(m, "address", LanConfig.IP_ADDRESS, d -> LanParameters.ipv4(d, "IP address"));
        put(m, "netmask", LanConfig.SUBNET_MASK, d -> LanParameters.ipv4(d, "subnet mask"));
        put(m, "gateway", LanConfig.DEFAULT_GATEWAY, d -> LanParameters.ipv4(d, "default gateway"));
        put(m, "mac", LanConfig.MAC_ADDRESS, LanParameters::mac);
        put(m, "vlan", LanConfig.VLAN_ID, d -> {
            LanParameters.Vlan v = LanParameters.vlan(d);
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("enabled", v.enabled());
            vm.put("id", v.id());
            return vm;
        });
        put(m, "auth_types", LanConfig.AUTH_TYPE_ENABLES, LanParameters::authTypeEnables);
        put(m, "cipher_suites", LanConfig.CIPHER_SUITE_SUPPORT, d -> cipherSuites(LanParameters.cipherSuiteCount(d)));
        if (!unsupported.isEmpty()) {
            m.put("unsupported", unsupported);
        }
        if (!warnings.isEmpty()) {
            m.put("warnings", warnings);
        }
        return m;
    }

    /** Parameter 23's ids, each with its privilege from parameter 24 when the BMC has that parameter. */
    private List<Map<String, Object>> cipherSuites(int count) throws MalformedPacketException {
        byte[] entries = data.get(LanConfig.CIPHER_SUITE_ENTRIES);
        if (entries == null) {
            return List.of();
        }
        List<Integer> ids = LanParameters.cipherSuiteEntries(entries, count);
        byte[] privs = data.get(LanConfig.CIPHER_SUITE_PRIVILEGES);
        List<String> levels = privs == null ? null : LanParameters.cipherSuitePrivileges(privs, count);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", ids.get(i));
            e.put("max_privilege", levels == null ? null : levels.get(i));
            out.add(e);
        }
        return out;
    }

    @FunctionalInterface
    private interface Decode {
        Object apply(byte[] d) throws MalformedPacketException;
    }

    private void put(Map<String, Object> m, String key, int parameter, Decode decode) {
        byte[] d = data.get(parameter);
        if (d == null) {
            return;
        }
        try {
            m.put(key, decode.apply(d));
        } catch (MalformedPacketException e) {
            warnings.add(key + ": " + e.getMessage());
        }
    }

    /** The raw bytes of a parameter that was read, or null. */
    byte[] raw(int parameter) {
        byte[] d = data.get(parameter);
        return d == null ? null : d.clone();
    }
}
