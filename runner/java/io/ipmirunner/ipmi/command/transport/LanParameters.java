package io.ipmirunner.ipmi.command.transport;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of LAN configuration parameters (IPMI v2.0 Table 23-4), read into plain values. A
 * parameter shorter than the table says is a {@link MalformedPacketException}; longer ones are read as far
 * as the table goes (BMCs pad).
 */
public final class LanParameters {
    /** Parameter 4, bits 3:0. */
    public static final List<String> IP_SOURCES = List.of("unspecified", "static", "dhcp", "bios", "other");
    public static final int SOURCE_STATIC = 1;
    public static final int SOURCE_DHCP = 2;
    /** Parameter 2: one byte per privilege level, in this order (bit n = v1.5 auth type n). */
    public static final List<String> AUTH_PRIVILEGES = List.of("callback", "user", "operator", "admin", "oem");
    /** v1.5 auth type bits (§22.13, Table 22-15 byte 2): 0 none, 1 MD2, 2 MD5, 4 straight password, 5 OEM. */
    private static final Map<Integer, String> AUTH_TYPE_NAMES = Map.of(0, "none", 1, "md2", 2, "md5",
            4, "password", 5, "oem");

    private LanParameters() {}

    /** Parameter 4 bits 3:0, by name; codes past "other" print as hex. */
    public static String ipSource(byte[] d) throws MalformedPacketException {
        int code = need(d, 1, "IP address source")[0] & 0x0F;
        return code < IP_SOURCES.size() ? IP_SOURCES.get(code) : "0x%x".formatted(code);
    }

    /** Parameters 3, 6, 12: an IPv4 address, most significant byte first. */
    public static String ipv4(byte[] d, String what) throws MalformedPacketException {
        need(d, 4, what);
        return (d[0] & 0xFF) + "." + (d[1] & 0xFF) + "." + (d[2] & 0xFF) + "." + (d[3] & 0xFF);
    }

    /** Parameter 5: six bytes, printed as ipmitool does (lower case, colons). */
    public static String mac(byte[] d) throws MalformedPacketException {
        need(d, 6, "MAC address");
        return HexFormat.ofDelimiter(":").formatHex(d, 0, 6);
    }

    /** Parameter 20: bits 11:0 the VLAN id, bit 15 enabled (LS byte first). */
    public record Vlan(boolean enabled, int id) {}

    public static Vlan vlan(byte[] d) throws MalformedPacketException {
        need(d, 2, "802.1q VLAN ID");
        int v = d[0] & 0xFF | (d[1] & 0xFF) << 8;
        return new Vlan((v & 0x8000) != 0, v & 0x0FFF);
    }

    /** Names of the auth types set in one byte of parameter 1 or 2. */
    public static List<String> authTypes(int bits) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            if ((bits & 1 << b) != 0) {
                out.add(AUTH_TYPE_NAMES.getOrDefault(b, "bit" + b));
            }
        }
        return out;
    }

    /** Parameter 2: the enabled auth types for each privilege level. */
    public static Map<String, List<String>> authTypeEnables(byte[] d) throws MalformedPacketException {
        need(d, AUTH_PRIVILEGES.size(), "authentication type enables");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < AUTH_PRIVILEGES.size(); i++) {
            out.put(AUTH_PRIVILEGES.get(i), authTypes(d[i] & 0x3F));
        }
        return out;
    }

    /** Parameter 22 bits 4:0: how many entries parameters 23 and 24 hold. */
    public static int cipherSuiteCount(byte[] d) throws MalformedPacketException {
        return need(d, 1, "cipher suite entry count")[0] & 0x1F;
    }

    /** Parameter 23: byte 1 reserved, then one cipher suite id per entry; {@code count} from parameter 22. */
    public static List<Integer> cipherSuiteEntries(byte[] d, int count) throws MalformedPacketException {
        need(d, 1 + count, "cipher suite entries");
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(d[1 + i] & 0xFF);
        }
        return ids;
    }

    /**
     * Parameter 24: byte 1 reserved, then a nibble per entry of parameter 23, entry 0 in byte 2 bits 3:0
     * (16 entries in 8 bytes). The nibble is the highest privilege a session with that suite may take; 0 means
     * the entry is unused.
     */
    public static List<String> cipherSuitePrivileges(byte[] d, int count) throws MalformedPacketException {
        need(d, 1 + (count + 1) / 2, "cipher suite privilege levels");
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int nibble = d[1 + k / 2] >> (k % 2) * 4 & 0x0F;
            out.add(privilegeName(nibble));
        }
        return out;
    }

    /** The privilege names used in results: callback .. administrator, "unused" for 0, "oem" for 5. */
    public static String privilegeName(int code) {
        if (code == 0) {
            return "unused";
        }
        return Privilege.fromCode(code).map(p -> p == Privilege.ADMINISTRATOR ? "administrator" : p.label())
                .orElse("0x%x".formatted(code));
    }

    /** Parses "a.b.c.d" into four bytes, or fails with the text. */
    public static byte[] parseIpv4(String s) {
        String[] parts = s.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + s + "'");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v;
            try {
                v = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: '" + s + "'");
            }
            if (v < 0 || v > 255 || parts[i].length() > 3) {
                throw new IllegalArgumentException("not an IPv4 address: '" + s + "'");
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] need(byte[] d, int n, String what) throws MalformedPacketException {
        if (d.length < n) {
            throw new MalformedPacketException(what + ": " + d.length + " bytes, expected " + n);
        }
        return d;
    }
}
