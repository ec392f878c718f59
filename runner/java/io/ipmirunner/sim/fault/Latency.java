package io.ipmirunner.sim.fault;

import java.util.random.RandomGenerator;

/**
 * How long a simulated BMC takes to answer, drawn per reply. Parsed from {@code 50} (fixed),
 * {@code 20-200} (uniform) or {@code exp:50} (exponential with that mean, the long tail busy BMCs show).
 */
public sealed interface Latency {
    long sampleMillis(RandomGenerator random);

    Latency NONE = new Fixed(0);

    record Fixed(long millis) implements Latency {
        @Override
        public long sampleMillis(RandomGenerator random) {
            return millis;
        }
    }

    record Uniform(long min, long max) implements Latency {
        @Override
        public long sampleMillis(RandomGenerator random) {
            return max > min ? random.nextLong(min, max + 1) : min;
        }
    }

    record Exponential(double meanMillis) implements Latency {
        @Override
        public long sampleMillis(RandomGenerator random) {
            return Math.round(-meanMillis * Math.log(1 - random.nextDouble()));
        }
    }

    static Latency parse(String text) {
        String s = text.trim();
        try {
            if (s.startsWith("exp:")) {
                double mean = Double.parseDouble(s.substring(4));
                return positive(mean) ? new Exponential(mean) : fail(text);
            }
            int dash = s.indexOf('-', 1);
            if (dash > 0) {
                long a = Long.parseLong(s.substring(0, dash).trim());
                long b = Long.parseLong(s.substring(dash + 1).trim());
                return a >= 0 && b >= a ? new Uniform(a, b) : fail(text);
            }
            long ms = Long.parseLong(s);
            return ms >= 0 ? new Fixed(ms) : fail(text);
        } catch (NumberFormatException e) {
            return fail(text);
        }
    }

    private static boolean positive(double d) {
        return d > 0 && Double.isFinite(d);
    }

    private static Latency fail(String text) {
        throw new IllegalArgumentException("latency '" + text + "': use MS, MIN-MAX or exp:MEAN (milliseconds)");
    }
}
