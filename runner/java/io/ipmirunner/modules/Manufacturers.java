package io.ipmirunner.modules;

import java.util.Map;

/** Names for the IANA enterprise numbers BMCs report most often in Get Device ID (IANA PEN registry). */
final class Manufacturers {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(2, "IBM"),
            Map.entry(11, "Hewlett-Packard"),
            Map.entry(42, "Sun Microsystems"),
            Map.entry(343, "Intel"),
            Map.entry(674, "Dell"),
            Map.entry(2011, "Huawei"),
            Map.entry(5771, "Cisco"),
            Map.entry(7244, "Quanta"),
            Map.entry(8554, "Raritan"),
            Map.entry(10368, "Fujitsu"),
            Map.entry(10876, "Supermicro"),
            Map.entry(15370, "Giga-Byte"),
            Map.entry(19046, "Lenovo"),
            Map.entry(20301, "IBM (xSeries)"),
            Map.entry(20974, "American Megatrends"),
            Map.entry(28458, "NEC"),
            Map.entry(40092, "Wiwynn"),
            Map.entry(47196, "Hewlett Packard Enterprise"),
            Map.entry(49622, "OpenBMC"),
            Map.entry(52538, "Inspur"),
            Map.entry(57264, "Nvidia"));

    private Manufacturers() {}

    static String name(int id) {
        return NAMES.getOrDefault(id, "unknown");
    }
}
