package io.ipmirunner.ipmi.sdr;

import java.util.List;

/** Names of sensor types (IPMI v2.0 §42.2 Table 42-3) and units (§43.17 Table 43-15), as ipmitool words them. */
public final class SensorNames {
    private static final List<String> TYPES = List.of("Reserved", "Temperature", "Voltage", "Current", "Fan",
            "Physical Security", "Platform Security", "Processor", "Power Supply", "Power Unit", "Cooling Device",
            "Other Units-based Sensor", "Memory", "Drive Slot (Bay)", "POST Memory Resize",
            "System Firmware Progress", "Event Logging Disabled", "Watchdog 1", "System Event",
            "Critical Interrupt", "Button / Switch", "Module / Board", "Microcontroller / Coprocessor",
            "Add-in Card", "Chassis", "Chip Set", "Other FRU", "Cable / Interconnect", "Terminator",
            "System Boot / Restart Initiated", "Boot Error", "Base OS Boot / Installation Status",
            "OS Stop / Shutdown", "Slot / Connector", "System ACPI Power State", "Watchdog 2", "Platform Alert",
            "Entity Presence", "Monitor ASIC / IC", "LAN", "Management Subsystem Health", "Battery",
            "Session Audit", "Version Change", "FRU State");
    private static final List<String> UNITS = List.of("unspecified", "degrees C", "degrees F", "degrees K",
            "Volts", "Amps", "Watts", "Joules", "Coulombs", "VA", "Nits", "lumen", "lux", "Candela", "kPa", "PSI",
            "Newton", "CFM", "RPM", "Hz", "microsecond", "millisecond", "second", "minute", "hour", "day", "week",
            "mil", "inches", "feet", "cu in", "cu feet", "mm", "cm", "m", "cu cm", "cu m", "liters",
            "fluid ounce", "radians", "steradians", "revolutions", "cycles", "gravities", "ounce", "pound",
            "ft-lb", "oz-in", "gauss", "gilberts", "henry", "millihenry", "farad", "microfarad", "ohms",
            "siemens", "mole", "becquerel", "PPM", "reserved", "Decibels", "DbA", "DbC", "gray", "sievert",
            "color temp deg K", "bit", "kilobit", "megabit", "gigabit", "byte", "kilobyte", "megabyte",
            "gigabyte", "word", "dword", "qword", "line", "hit", "miss", "retry", "reset", "overflow",
            "underrun", "collision", "packets", "messages", "characters", "error", "correctable error",
            "uncorrectable error", "fatal error", "grams");

    private SensorNames() {}

    public static String type(int code) {
        if (code < TYPES.size()) {
            return TYPES.get(code);
        }
        return code >= 0xC0 ? "OEM 0x%02x".formatted(code) : "Unknown 0x%02x".formatted(code);
    }

    public static String unit(int code) {
        return code < UNITS.size() ? UNITS.get(code) : "unit 0x%02x".formatted(code);
    }
}
