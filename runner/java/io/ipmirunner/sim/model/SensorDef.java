package io.ipmirunner.sim.model;

import java.util.List;

/**
 * An analog threshold sensor of a simulated BMC, in engineering units. Readings are linear with
 * B = 0: value = M × raw × 10^rExp (IPMI v2.0 §36.3), so one raw step is {@link #step()} units.
 * {@code offValue} NaN means the reading is unavailable while the host is off (CPU temperatures, fans).
 * {@code thresholdMask} says which thresholds exist (bit 0 lower non-critical ... bit 5 upper
 * non-recoverable, the layout of the SDR's readable threshold mask, Table 43-1 byte 19).
 */
public record SensorDef(int number, String name, int sensorType, int unit, int entityId, int entityInstance, int m,
                        int rExp, double onValue, double offValue, double swing, double noise, double lnr,
                        double lc, double lnc, double unc, double uc, double unr, int thresholdMask) {
    public static final int TEMPERATURE = 0x01;
    public static final int VOLTAGE = 0x02;
    public static final int FAN = 0x04;
    public static final int OTHER_UNITS = 0x0B;
    public static final int DEGREES_C = 1;
    public static final int VOLTS = 4;
    public static final int WATTS = 6;
    public static final int RPM = 18;
    private static final int UPPER = 0x38;
    private static final int ALL = 0x3F;

    /** The sensors every simulated BMC has; {@code Sys Power} also feeds the DCMI power reading. */
    public static final List<SensorDef> STANDARD = List.of(
            new SensorDef(0x01, "Inlet Temp", TEMPERATURE, DEGREES_C, 0x37, 1, 1, 0, 24, 22, 2, 0.5,
                    0, 0, 0, 40, 45, 50, UPPER),
            new SensorDef(0x02, "CPU1 Temp", TEMPERATURE, DEGREES_C, 0x03, 1, 1, 0, 48, Double.NaN, 6, 1.5,
                    0, 0, 0, 85, 90, 95, UPPER),
            new SensorDef(0x03, "CPU2 Temp", TEMPERATURE, DEGREES_C, 0x03, 2, 1, 0, 46, Double.NaN, 6, 1.5,
                    0, 0, 0, 85, 90, 95, UPPER),
            new SensorDef(0x04, "Fan1", FAN, RPM, 0x1D, 1, 60, 0, 7200, Double.NaN, 600, 120,
                    300, 600, 900, 13800, 14400, 15000, ALL),
            new SensorDef(0x05, "Fan2", FAN, RPM, 0x1D, 2, 60, 0, 7080, Double.NaN, 600, 120,
                    300, 600, 900, 13800, 14400, 15000, ALL),
            new SensorDef(0x06, "12V", VOLTAGE, VOLTS, 0x07, 1, 6, -2, 12.06, 12.0, 0.06, 0.03,
                    10.2, 10.8, 11.4, 12.6, 13.2, 13.8, ALL),
            new SensorDef(0x07, "3.3V", VOLTAGE, VOLTS, 0x07, 1, 2, -2, 3.32, 3.3, 0.02, 0.01,
                    2.8, 2.96, 3.12, 3.48, 3.64, 3.8, ALL),
            new SensorDef(0x08, "Sys Power", OTHER_UNITS, WATTS, 0x07, 1, 4, 0, 240, 8, 60, 10,
                    0, 0, 0, 800, 900, 1000, UPPER));

    /** Engineering units per raw count. */
    public double step() {
        return m * Math.pow(10, rExp);
    }

    /** The raw byte nearest to {@code value}, clamped to 0..255. */
    public int raw(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value / step())));
    }

    public boolean has(int thresholdBit) {
        return (thresholdMask & thresholdBit) != 0;
    }
}
