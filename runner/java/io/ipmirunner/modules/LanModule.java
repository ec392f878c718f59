package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.command.transport.LanParameters;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code lan [channel=N] [source=static|dhcp] [address=] [netmask=] [gateway=]}: reads the LAN configuration
 * of the given channel, or of the first 802.3 LAN channel; with any of the four settings, writes those that
 * differ inside the set-in-progress handshake (IPMI v2.0 §23.2 parameter 0), reads back, and reports
 * {@code verified: false} with {@code not_kept} when the BMC did not keep a value.
 */
public final class LanModule implements CheckableModule<LanModule.Args> {
    private static final Set<String> KEYS = Set.of("channel", "source", "address", "netmask", "gateway");
    /** Parameter 0 values (Table 23-4): 00b set complete, 01b set in progress, 10b commit write. */
    private static final byte[] SET_IN_PROGRESS = {0x01};
    private static final byte[] COMMIT_WRITE = {0x02};
    private static final byte[] SET_COMPLETE = {0x00};

    /** The wanted values in the result's words; null when not asked for. */
    record Args(Integer channel, String source, String address, String netmask, String gateway) {
        boolean writes() {
            return source != null || address != null || netmask != null || gateway != null;
        }
    }

    @Override
    public String name() {
        return "lan";
    }

    /** A wrong address, netmask or gateway takes the BMC off the network: only a crash cart brings it back. */
    @Override
    public boolean destructive(Map<String, String> args) {
        return args.keySet().stream().anyMatch(k -> !k.equals("channel"));
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ModuleArgumentException("lan: unknown argument '" + k + "' (" + String.join(", ",
                        new TreeSet<>(KEYS)) + ")");
            }
        }
        String source = args.get("source");
        if (source != null && !source.equals("static") && !source.equals("dhcp")) {
            throw new ModuleArgumentException("lan: source must be static or dhcp, got '" + source + "'");
        }
        if ("dhcp".equals(source) && (args.containsKey("address") || args.containsKey("netmask")
                || args.containsKey("gateway"))) {
            throw new ModuleArgumentException("lan: source=dhcp takes no address, netmask or gateway");
        }
        return new Args(LanChannels.parse("lan", args.get("channel")), source, ip(args, "address"),
                ip(args, "netmask"), ip(args, "gateway"));
    }

    private static String ip(Map<String, String> args, String key) throws ModuleArgumentException {
        String v = args.get(key);
        if (v == null) {
            return null;
        }
        try {
            byte[] b = LanParameters.parseIpv4(v);
            return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
        } catch (IllegalArgumentException e) {
            throw new ModuleArgumentException("lan: " + key + " " + e.getMessage());
        }
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        return apply(bmc, a, false);
    }

    @Override
    public ModuleResult check(Bmc bmc, Args a) throws IpmiException {
        return apply(bmc, a, true);
    }

    private static ModuleResult apply(Bmc s, Args a, boolean dryRun) throws IpmiException {
        int ch = LanChannels.pick(s, a.channel());
        Map<String, Object> before = LanReading.read(s, ch).toMap();
        List<String> changes = differences(a, before);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("channel", ch);
        if (changes.isEmpty() || dryRun) {
            r.putAll(before);
            if (a.writes()) {
                r.put("changes", changes);
            }
            return new ModuleResult(!changes.isEmpty(), r);
        }
        setInProgress(s, ch, SET_IN_PROGRESS);
        try {
            for (String key : changes) {
                s.send(Commands.SET_LAN_CONFIG, request(ch, key, a));
            }
            // A BMC with rollback (ipmi_sim) discards what was written unless "commit write" comes first.
            setInProgress(s, ch, COMMIT_WRITE);
        } finally {
            setInProgress(s, ch, SET_COMPLETE);
        }
        Map<String, Object> after = LanReading.read(s, ch).toMap();
        r.putAll(after);
        r.put("changes", changes);
        List<String> notKept = differences(a, after);
        r.put("verified", notKept.isEmpty());
        if (!notKept.isEmpty()) {
            r.put("not_kept", notKept);
        }
        return new ModuleResult(true, r);
    }

    /** The asked-for settings that {@code now} does not have, source first: some BMCs refuse an address under DHCP. */
    static List<String> differences(Args a, Map<String, Object> now) {
        List<String> d = new ArrayList<>();
        if (a.source() != null && !a.source().equals(now.get("ip_source"))) {
            d.add("source");
        }
        if (a.address() != null && !a.address().equals(now.get("address"))) {
            d.add("address");
        }
        if (a.netmask() != null && !a.netmask().equals(now.get("netmask"))) {
            d.add("netmask");
        }
        if (a.gateway() != null && !Objects.equals(a.gateway(), now.get("gateway"))) {
            d.add("gateway");
        }
        return d;
    }

    private static LanConfig.SetRequest request(int ch, String key, Args a) {
        return switch (key) {
            case "source" -> new LanConfig.SetRequest(ch, LanConfig.IP_SOURCE, new byte[] {(byte) ("dhcp".equals(
                    a.source()) ? LanParameters.SOURCE_DHCP : LanParameters.SOURCE_STATIC)});
            case "address" -> new LanConfig.SetRequest(ch, LanConfig.IP_ADDRESS, LanParameters.parseIpv4(a.address()));
            case "netmask" -> new LanConfig.SetRequest(ch, LanConfig.SUBNET_MASK, LanParameters.parseIpv4(a.netmask()));
            case "gateway" -> new LanConfig.SetRequest(ch, LanConfig.DEFAULT_GATEWAY,
                    LanParameters.parseIpv4(a.gateway()));
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * The handshake is optional (§23.2): a BMC without parameter 0 answers 0x80, one without commit write
     * 0xCC, and the set goes ahead.
     */
    private static void setInProgress(Bmc s, int ch, byte[] state) throws IpmiException {
        try {
            s.send(Commands.SET_LAN_CONFIG, new LanConfig.SetRequest(ch, LanConfig.SET_IN_PROGRESS, state));
        } catch (IpmiException.CompletionCodeError e) {
            int cc = e.code().code();
            if (cc != LanConfig.CC_PARAMETER_NOT_SUPPORTED && cc != CompletionCode.INVALID_DATA_FIELD.code()) {
                throw e;
            }
        }
    }
}
