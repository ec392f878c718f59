package io.ipmirunner.ipmi.sdr;

import java.util.OptionalDouble;

/**
 * Raw reading to value, IPMI v2.0 §36.3: y = L[(M·x + B·10^Bexp)·10^Rexp], with x read per the analog data
 * format (§43.1 byte 21 bits 7:6) and L the linearization function (byte 24, Table 43-1).
 */
public record Conversion(int analogFormat, int m, int b, int bExp, int rExp, int linearization) {
    public static final int UNSIGNED = 0;
    public static final int ONES_COMPLEMENT = 1;
    public static final int TWOS_COMPLEMENT = 2;
    /** Format 3: the sensor has no numeric reading. */
    public static final int NO_ANALOG = 3;

    /** Empty when the sensor has no analog reading or uses an OEM non-linear formula (0x70..0x7F). */
    public OptionalDouble apply(int raw) {
        double x = switch (analogFormat) {
            case UNSIGNED -> raw & 0xff;
            case ONES_COMPLEMENT -> (raw & 0x80) != 0 ? -((~raw) & 0x7f) : raw & 0x7f;
            case TWOS_COMPLEMENT -> (byte) raw;
            default -> Double.NaN;
        };
        if (Double.isNaN(x)) {
            return OptionalDouble.empty();
        }
        double y = (m * x + b * Math.pow(10, bExp)) * Math.pow(10, rExp);
        double v = switch (linearization) {
            case 0 -> y;
            case 1 -> Math.log(y);
            case 2 -> Math.log10(y);
            case 3 -> Math.log(y) / Math.log(2);
            case 4 -> Math.exp(y);
            case 5 -> Math.pow(10, y);
            case 6 -> Math.pow(2, y);
            case 7 -> 1 / y;
            case 8 -> y * y;
            case 9 -> y * y * y;
            case 10 -> Math.sqrt(y);
            case 11 -> Math.cbrt(y);
            default -> Double.NaN;
        };
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Sign-extends the low {@code bits} bits of {@code v}: M and B are 10-bit, the exponents 4-bit. */
    static int signed(int v, int bits) {
        int shift = 32 - bits;
        return v << shift >> shift;
    }
}
