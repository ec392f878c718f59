package io.ipmirunner.ipmi.sel;

import java.util.List;

/**
 * Words for an event's offset (IPMI v2.0 §42.1 Table 42-2 generic and Table 42-3 sensor-specific), for
 * every generic type and the sensor-specific types fleets see most; any other offset is named by number.
 */
public final class EventText {
    /** Event/reading type 0x01, threshold; ipmitool's wording. */
    private static final List<String> THRESHOLD = List.of("Lower Non-critical going low",
            "Lower Non-critical going high", "Lower Critical going low", "Lower Critical going high",
            "Lower Non-recoverable going low", "Lower Non-recoverable going high", "Upper Non-critical going low",
            "Upper Non-critical going high", "Upper Critical going low", "Upper Critical going high",
            "Upper Non-recoverable going low", "Upper Non-recoverable going high");
    /** Sensor-specific (event/reading type 0x6F) offsets of a few sensor types fleets see most. */
    private static final List<String> PHYSICAL_SECURITY = List.of("General Chassis intrusion", "Drive Bay intrusion",
            "I/O Card area intrusion", "Processor area intrusion", "System unplugged from LAN",
            "Unauthorized dock", "FAN area intrusion");
    private static final List<String> POWER_SUPPLY = List.of("Presence detected", "Failure detected",
            "Predictive failure", "Power Supply AC lost", "AC lost or out-of-range", "AC out-of-range, but present",
            "Config Error");
    private static final List<String> MEMORY = List.of("Correctable ECC", "Uncorrectable ECC", "Parity",
            "Memory Scrub Failed", "Memory Device Disabled", "Correctable ECC logging limit reached",
            "Presence Detected", "Configuration Error", "Spare", "Throttled", "Critical Overtemperature");
    private static final List<String> EVENT_LOGGING = List.of("Correctable memory error logging disabled",
            "Event logging disabled", "Log area reset/cleared", "All event logging disabled", "Log full",
            "Log almost full");
    private static final List<String> PROCESSOR = List.of("IERR", "Thermal Trip", "FRB1/BIST failure",
            "FRB2/Hang in POST failure", "FRB3/Processor startup/init failure", "Configuration Error",
            "SM BIOS Uncorrectable CPU-complex Error", "Presence detected", "Disabled", "Terminator presence detected",
            "Throttled");

    private static final List<String> POWER_UNIT = List.of("Power off/down", "Power cycle", "240VA power down",
            "Interlock power down", "AC lost", "Soft-power control failure", "Failure detected", "Predictive failure");
    private static final List<String> DRIVE_SLOT = List.of("Drive Present", "Drive Fault", "Predictive Failure",
            "Hot Spare", "Parity Check In Progress", "In Critical Array", "In Failed Array", "Rebuild In Progress",
            "Rebuild Aborted");
    private static final List<String> SYSTEM_EVENT = List.of("System Reconfigured", "OEM System boot event",
            "Undetermined system hardware failure", "Entry added to auxiliary log", "PEF Action",
            "Timestamp Clock Sync");
    private static final List<String> BOOT_INITIATED = List.of("Initiated by power up", "Initiated by hard reset",
            "Initiated by warm reset", "User requested PXE boot", "Automatic boot to diagnostic",
            "OS initiated hard reset", "OS initiated warm reset", "System Restart");
    private static final List<String> ACPI_STATE = List.of("S0/G0: working",
            "S1: sleeping with system hw & processor context maintained", "S2: sleeping, processor context lost",
            "S3: sleeping, processor & hw context lost, memory retained", "S4: non-volatile sleep/suspend-to-disk",
            "S5/G2: soft-off", "S4/S5: soft-off", "G3: mechanical off", "Sleeping in S1/S2/S3 state",
            "G1: sleeping", "S5: entered by override", "Legacy ON state", "Legacy OFF state");
    private static final List<String> WATCHDOG_2 = List.of("Timer expired", "Hard reset", "Power down",
            "Power cycle", "reserved", "reserved", "reserved", "reserved", "Timer interrupt");

    /**
     * Generic event/reading types 02h-0Ch (Table 42-2), indexed by type - 2, in ipmitool's words (where the
     * table offers two, one of them): what `ipmitool sdr elist` prints, so operators' filters carry over.
     */
    private static final List<List<String>> GENERIC = List.of(
            List.of("Transition to Idle", "Transition to Active", "Transition to Busy"),
            List.of("State Deasserted", "State Asserted"),
            List.of("Predictive Failure Deasserted", "Predictive Failure Asserted"),
            List.of("Limit Not Exceeded", "Limit Exceeded"),
            List.of("Performance Met", "Performance Lags"),
            List.of("Transition to OK", "Transition to Non-critical from OK",
                    "Transition to Critical from less severe", "Transition to Non-recoverable from less severe",
                    "Transition to Non-critical from more severe", "Transition to Critical from Non-recoverable",
                    "Transition to Non-recoverable", "Monitor", "Informational"),
            List.of("Device Absent", "Device Present"),
            List.of("Device Disabled", "Device Enabled"),
            List.of("Transition to Running", "Transition to In Test", "Transition to Power Off",
                    "Transition to On Line", "Transition to Off Line", "Transition to Off Duty",
                    "Transition to Degraded", "Transition to Power Save", "Install Error"),
            List.of("Fully Redundant", "Redundancy Lost", "Redundancy Degraded",
                    "Non-Redundant: Sufficient from Redundant", "Non-Redundant: Sufficient from Insufficient",
                    "Non-Redundant: Insufficient Resources", "Redundancy Degraded from Fully Redundant",
                    "Redundancy Degraded from Non-Redundant"),
            List.of("D0 Power State", "D1 Power State", "D2 Power State", "D3 Power State"));

    private EventText() {}

    public static String of(SelEntry.SystemEvent e) {
        return offset(e.eventType(), e.sensorType(), e.offset());
    }

    /**
     * The words for state {@code offset} of a sensor with this event/reading type and sensor type: a SEL
     * event's offset, or a bit of a discrete sensor's present state (§35.14), which count alike.
     */
    public static String offset(int eventReadingType, int sensorType, int offset) {
        List<String> words = switch (eventReadingType) {
            case 0x01 -> THRESHOLD;
            case 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C -> GENERIC.get(eventReadingType - 2);
            case 0x6F -> switch (sensorType) {
                case 0x05 -> PHYSICAL_SECURITY;
                case 0x07 -> PROCESSOR;
                case 0x08 -> POWER_SUPPLY;
                case 0x09 -> POWER_UNIT;
                case 0x0C -> MEMORY;
                case 0x0D -> DRIVE_SLOT;
                case 0x10 -> EVENT_LOGGING;
                case 0x12 -> SYSTEM_EVENT;
                case 0x1D -> BOOT_INITIATED;
                case 0x22 -> ACPI_STATE;
                case 0x23 -> WATCHDOG_2;
                default -> List.of();
            };
            default -> List.of();
        };
        return offset < words.size() ? words.get(offset)
                : "event type 0x%02x offset 0x%x".formatted(eventReadingType, offset);
    }
}
