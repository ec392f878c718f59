package io.ipmirunner.modules;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names for the IANA enterprise numbers (Private Enterprise Numbers) BMCs report in Get Device ID (IPMI v2.0
 * §20.1 bytes 7-9). Common BMC makers come from the table below, short and the same on every machine, each
 * number checked against the registry; any other number is looked up in IANA's registry file where Debian's
 * ipmitool installs it, the file ipmitool names manufacturers from, else it is "unknown".
 */
final class Manufacturers {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(2, "IBM"),
            Map.entry(11, "Hewlett-Packard"),
            Map.entry(42, "Sun Microsystems"),
            Map.entry(111, "Oracle"),
            Map.entry(119, "NEC"),
            Map.entry(343, "Intel"),
            Map.entry(674, "Dell"),
            Map.entry(2011, "Huawei"),
            Map.entry(3704, "Advanced Micro Devices"),
            Map.entry(4753, "MontaVista Software"),
            Map.entry(5703, "NVIDIA"),
            Map.entry(5771, "Cisco"),
            Map.entry(6653, "Tyan"),
            Map.entry(7244, "Quanta"),
            Map.entry(10368, "Fujitsu"),
            Map.entry(10876, "Supermicro"),
            Map.entry(13742, "Raritan"),
            Map.entry(15370, "Giga-Byte"),
            Map.entry(19046, "Lenovo"),
            Map.entry(20301, "IBM eServer X"),
            Map.entry(20974, "American Megatrends"),
            Map.entry(37945, "Inspur"),
            Map.entry(40092, "Wiwynn"),
            Map.entry(47196, "Hewlett Packard Enterprise"),
            Map.entry(49622, "ASRock Rack"),
            Map.entry(49871, "OpenBMC"),
            Map.entry(52538, "Ampere Computing"));

    /** IANA's registry as Debian's ipmitool package installs it (https://www.iana.org/assignments/enterprise-numbers). */
    static final Path REGISTRY = Path.of("/usr/share/misc/enterprise-numbers.txt");
    /** The registry is about 5 MB; a larger file is not it. */
    private static final long REGISTRY_MAX_BYTES = 32L << 20;
    private static final Map<Integer, String> LOOKED_UP = new ConcurrentHashMap<>();

    private Manufacturers() {}

    static String name(int id) {
        // §20.1: 000000h is "unspecified" and 0FFFFFh reserved; IANA lists 0 as "Reserved".
        if (id == 0 || id == 0xFFFFF) {
            return "unknown";
        }
        String known = NAMES.get(id);
        return known != null ? known : LOOKED_UP.computeIfAbsent(id, n -> registered(REGISTRY, n));
    }

    /** The table's own names, for the test that holds them against the registry. */
    static Map<Integer, String> table() {
        return NAMES;
    }

    /**
     * The organisation {@code registry} lists under {@code id}: a line holding the number alone, the name on
     * the next, indented two spaces. The numbers run in order, so the scan stops past {@code id}.
     */
    static String registered(Path registry, int id) {
        try {
            if (!Files.isRegularFile(registry) || Files.size(registry) > REGISTRY_MAX_BYTES) {
                return "unknown";
            }
            String wanted = Integer.toString(id);
            try (BufferedReader r = Files.newBufferedReader(registry, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.equals(wanted)) {
                        String name = r.readLine();
                        return name == null || name.isBlank() ? "unknown" : name.strip();
                    }
                    if (!line.isEmpty() && line.chars().allMatch(Character::isDigit) && line.length() < 10
                            && Integer.parseInt(line) > id) {
                        return "unknown";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable or undecodable registry names nothing; the number is still in the result.
        }
        return "unknown";
    }
}
