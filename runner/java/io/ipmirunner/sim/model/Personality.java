package io.ipmirunner.sim.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of machine a simulated BMC pretends to be: what Get Device ID (IPMI v2.0 §20.1) and the FRU
 * say. Manufacturer ids are IANA enterprise numbers, so ipmitool and FreeIPMI print the vendor's name.
 * Immutable and shared by every BMC of the kind.
 */
public record Personality(String key, String manufacturer, int iana, int productId, String productName,
                          String boardName, int firmwareMajor, int firmwareMinorBcd, int auxFirmware,
                          String partNumberPrefix) {
    public static final Personality GENERIC = new Personality("generic", "ipmi-runner", 0, 0x0001,
            "Simulated Server", "SIM-MB-1", 1, 0x20, 0x00000001, "SIM");
    public static final Personality DELL = new Personality("dell", "Dell Inc.", 674, 0x0100,
            "PowerEdge R650", "0CRT1G", 6, 0x10, 0x00000300, "DL");
    public static final Personality HPE = new Personality("hpe", "HPE", 11, 0x2000,
            "ProLiant DL380 Gen10", "P01367-001", 2, 0x72, 0x00000000, "HP");
    public static final Personality SUPERMICRO = new Personality("supermicro", "Supermicro", 10876, 0x1B0A,
            "SYS-1029P-WTR", "X11DPU", 1, 0x73, 0x00000011, "SM");
    public static final Personality LENOVO = new Personality("lenovo", "Lenovo", 19046, 0x04E4,
            "ThinkSystem SR650", "SB27A42862", 5, 0x30, 0x00000000, "LN");

    public static final List<Personality> ALL = List.of(GENERIC, DELL, HPE, SUPERMICRO, LENOVO);
    /** Not a personality: "mixed" gives BMC i the personality {@code ALL[i % ALL.size()]}. */
    public static final String MIXED = "mixed";

    public static Optional<Personality> named(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.key.equals(k)).findFirst();
    }

    public static List<String> keys() {
        return ALL.stream().map(Personality::key).toList();
    }
}
