package io.ipmirunner.ipmi.sdr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
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
    /** More places than a double carries are noise. */
    private static final int MAX_PLACES = 15;

    /**
     * The value of raw reading {@code raw}, with the digits the conversion can tell apart; empty when the
     * sensor has no analog reading, uses an OEM non-linear formula (0x70..0x7F) or the formula has no value.
     * Linear (L = identity): (M·x + B·10^Bexp)·10^Rexp is a decimal with at most -Rexp or -(Bexp + Rexp)
     * places, given exactly (ipmitool's sensor list prints 3 places, FreeIPMI 2, whatever the sensor).
     * Otherwise rounded one place below the leading digit of the step one raw count makes at this reading
     * (the smaller one to a neighbour): a 1/x reading of 0.000125 keeps its digits.
     */
    public Optional<BigDecimal> decimal(int raw) {
        double x = x(raw);
        if (Double.isNaN(x) || linearization > 11) {
            return Optional.empty();
        }
        if (linearization == 0) {
            BigDecimal y = BigDecimal.valueOf(m).multiply(BigDecimal.valueOf((long) x))
                    .add(BigDecimal.valueOf(b).scaleByPowerOfTen(bExp)).scaleByPowerOfTen(rExp);
            return Optional.of(y.stripTrailingZeros());
        }
        OptionalDouble v = at(x);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        double step = Double.POSITIVE_INFINITY;
        for (double neighbour : new double[] {x - 1, x + 1}) {
            OptionalDouble n = at(neighbour);
            double d = n.isPresent() ? Math.abs(n.getAsDouble() - v.getAsDouble()) : 0;
            if (d > 0 && d < step) {
                step = d;
            }
        }
        int places = Double.isInfinite(step) ? 3
                : Math.clamp(1 - (long) Math.floor(Math.log10(step)), 0, MAX_PLACES);
        return Optional.of(BigDecimal.valueOf(v.getAsDouble()).setScale(places, RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }

    /** The raw byte read per the analog data format, or NaN when there is no analog reading. */
    private double x(int raw) {
        return switch (analogFormat) {
            case UNSIGNED -> raw & 0xff;
            case ONES_COMPLEMENT -> (raw & 0x80) != 0 ? -((~raw) & 0x7f) : raw & 0x7f;
            case TWOS_COMPLEMENT -> (byte) raw;
            default -> Double.NaN;
        };
    }

    private OptionalDouble at(double x) {
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
