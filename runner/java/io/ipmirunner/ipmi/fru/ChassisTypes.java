package io.ipmirunner.ipmi.fru;

import java.util.List;

/**
 * Chassis type names of the FRU chassis info area: the FRU spec defers to SMBIOS System Enclosure types
 * (SMBIOS 3.x §7.4.1), with the same wording ipmitool prints.
 */
final class ChassisTypes {
    private static final List<String> NAMES = List.of("Unspecified", "Other", "Unknown", "Desktop",
            "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower", "Portable", "LapTop", "Notebook",
            "Hand Held", "Docking Station", "All in One", "Sub Notebook", "Space-saving", "Lunch Box",
            "Main Server Chassis", "Expansion Chassis", "SubChassis", "Bus Expansion Chassis",
            "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC", "Multi-system Chassis",
            "CompactPCI", "AdvancedTCA", "Blade", "Blade Enclosure", "Tablet", "Convertible", "Detachable",
            "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC");

    private ChassisTypes() {}

    static String name(int type) {
        return type < NAMES.size() ? NAMES.get(type) : "OEM type 0x%02x".formatted(type);
    }
}
