package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.sensor.SensorReading;

/**
 * Sensor values as a pure function of (fleet seed, BMC index, sensor, power state, time): a slow swing
 * with a per-BMC phase plus a small step that changes every ten seconds. Nothing is stored per BMC, and a
 * reading repeated within the same ten seconds is stable, as a real sensor's scan period makes it.
 */
public final class SensorModel {
    private static final long NOISE_STEP_MILLIS = 10_000;
    private static final double SWING_PERIOD_MILLIS = 600_000;
    /** Sensor numbers in {@link SensorDef#STANDARD}. */
    private static final int CPU1_TEMP = 0x02;
    private static final int FAN1 = 0x04;

    private SensorModel() {}

    /** The value in engineering units, or NaN when unavailable. */
    public static double value(SensorDef s, long seed, int bmc, boolean on, long now) {
        double base = on ? s.onValue() : s.offValue();
        if (Double.isNaN(base)) {
            return Double.NaN;
        }
        long h = mix(seed, bmc, s.number());
        double phase = (h & 0xFFFF) / 65536.0 * 2 * Math.PI;
        double swing = on ? s.swing() * Math.sin(2 * Math.PI * now / SWING_PERIOD_MILLIS + phase) : 0;
        long tick = Math.floorDiv(now, NOISE_STEP_MILLIS);
        double noise = ((mix(h, tick, 0) >>> 11) / (double) (1L << 53) * 2 - 1) * s.noise();
        return base + swing + noise;
    }

    public static SensorReading reading(SensorDef s, long seed, int bmc, boolean on, long now) {
        return reading(s, seed, bmc, on, now, false);
    }

    /** {@code failedFan}: the failed-fan quirk, Fan1 stopped and CPU1 Temp past its upper critical threshold. */
    public static SensorReading reading(SensorDef s, long seed, int bmc, boolean on, long now, boolean failedFan) {
        double v = value(s, seed, bmc, on, now);
        if (failedFan && on && s.number() == FAN1) {
            v = 0;
        } else if (failedFan && on && s.number() == CPU1_TEMP) {
            v = s.uc() + (s.unr() - s.uc()) / 2;
        }
        if (Double.isNaN(v)) {
            return new SensorReading(0, true, true, true, 0);
        }
        int raw = s.raw(v);
        return new SensorReading(raw, true, true, false, thresholdState(s, raw));
    }

    /** Threshold comparison bits as Get Sensor Reading byte 3 reports them (IPMI v2.0 §35.14). */
    static int thresholdState(SensorDef s, int raw) {
        int state = 0;
        state |= s.has(SensorReading.BELOW_LNC) && raw <= s.raw(s.lnc()) ? SensorReading.BELOW_LNC : 0;
        state |= s.has(SensorReading.BELOW_LC) && raw <= s.raw(s.lc()) ? SensorReading.BELOW_LC : 0;
        state |= s.has(SensorReading.BELOW_LNR) && raw <= s.raw(s.lnr()) ? SensorReading.BELOW_LNR : 0;
        state |= s.has(SensorReading.ABOVE_UNC) && raw >= s.raw(s.unc()) ? SensorReading.ABOVE_UNC : 0;
        state |= s.has(SensorReading.ABOVE_UC) && raw >= s.raw(s.uc()) ? SensorReading.ABOVE_UC : 0;
        state |= s.has(SensorReading.ABOVE_UNR) && raw >= s.raw(s.unr()) ? SensorReading.ABOVE_UNR : 0;
        return state;
    }

    /** SplitMix64 finaliser over three inputs: cheap, stateless, well spread. */
    static long mix(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + c * 0x94D049BB133111EBL;
        z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
        z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
        return z ^ z >>> 31;
    }
}
