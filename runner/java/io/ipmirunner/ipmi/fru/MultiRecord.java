package io.ipmirunner.ipmi.fru;

/**
 * One record of the FRU multi-record area (Platform Management FRU Information Storage Definition v1.0
 * §16, record types §18). Voltages are volts, currents amperes; a field the record marks "not specified"
 * is null. Types the runner does not decode are kept as {@link Other} with their bytes in hex.
 */
public sealed interface MultiRecord {
    int type();

    /** §18.1 Power Supply Information (type 00h). */
    record PowerSupply(int capacityWatts, Integer peakVa, Integer inrushAmps, Integer inrushMillis,
                       double inputLow1, double inputHigh1, double inputLow2, double inputHigh2,
                       int frequencyLowHz, int frequencyHighHz, int dropoutToleranceMillis, boolean predictiveFail,
                       boolean powerFactorCorrection, boolean autoswitch, boolean hotSwap, boolean tachometer,
                       int peakWatts, int holdUpSeconds, int combinedVoltage1, int combinedVoltage2,
                       int combinedWatts, int predictiveFailRps) implements MultiRecord {
        @Override
        public int type() {
            return 0x00;
        }
    }

    /** §18.2 DC Output (type 01h). */
    record DcOutput(int output, boolean standby, double nominalVolts, double maxNegativeVolts,
                    double maxPositiveVolts, int rippleMillivolts, double minimumAmps, double maximumAmps)
            implements MultiRecord {
        @Override
        public int type() {
            return 0x01;
        }
    }

    /** §18.4 Management Access Record (type 03h): one sub-record, a URL, name, ping address or GUID. */
    record ManagementAccess(String subType, String value) implements MultiRecord {
        @Override
        public int type() {
            return 0x03;
        }
    }

    /** Any other type (DC load, compatibility, OEM ...), or a record too short for its type. */
    record Other(int type, String dataHex) implements MultiRecord {}
}
