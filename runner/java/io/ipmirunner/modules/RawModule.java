package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code raw netfn=N cmd=N [data="0x01 0x02"]}: any request, answered whatever its completion code. Like
 * Ansible's command module it reports changed, since it cannot know what the command did.
 */
public final class RawModule implements Module<RawModule.Args> {
    record Args(int netFn, int cmd, byte[] data) {}

    @Override
    public String name() {
        return "raw";
    }

    /** A raw request can be anything (a BMC cold reset, a user or LAN change): assume the worst. */
    @Override
    public boolean destructive(Map<String, String> args) {
        return true;
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        if (!Set.of("netfn", "cmd", "data").containsAll(args.keySet()) || !args.containsKey("netfn")
                || !args.containsKey("cmd")) {
            throw new ModuleArgumentException("raw takes netfn=N cmd=N [data=BYTES], got " + args.keySet());
        }
        return new Args(number(args, "netfn", 0x3f), number(args, "cmd", 0xff), bytes(args.getOrDefault("data", "")));
    }

    private static int number(Map<String, String> args, String key, int max) throws ModuleArgumentException {
        try {
            int n = Integer.decode(args.get(key));
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("raw: %s must be 0..0x%x, got '%s'".formatted(key, max, args.get(key)));
        }
    }

    /** Bytes as "0x01 0x02", "01 02" or "0102" (ipmitool raw's spelling and plain hex). */
    static byte[] bytes(String s) throws ModuleArgumentException {
        String hex = s.replace("0x", "").replace("0X", "").replace(" ", "").replace(",", "");
        if (s.contains(" ")) {
            StringBuilder b = new StringBuilder();
            for (String part : s.trim().split("[ ,]+")) {
                String p = part.replaceFirst("^0[xX]", "");
                b.append(p.length() == 1 ? "0" + p : p);
            }
            hex = b.toString();
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ModuleArgumentException("raw: data must be hex bytes such as \"0x01 0x02\", got '" + s + "'");
        }
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        IpmiResponse r = bmc.raw("raw", a.netFn(), a.cmd(), a.data());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completion_code", r.completionCode().code());
        m.put("data", HexFormat.of().formatHex(r.data()));
        return new ModuleResult(true, m);
    }
}
