package io.ipmirunner.yaml;

import java.math.BigInteger;
import java.util.Optional;

/** Turns resolved YAML 1.1 scalar text into values, as PyYAML's SafeConstructor does. */
final class ScalarValues {
    private ScalarValues() {}

    /** Decimal, 0b binary, 0x hex, leading-0 octal, and base-60 {@code 1:30}; underscores ignored. */
    static Optional<Number> integer(String text) {
        String v = text.replace("_", "");
        int sign = 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            sign = v.charAt(0) == '-' ? -1 : 1;
            v = v.substring(1);
        }
        try {
            BigInteger n;
            if (v.equals("0")) {
                n = BigInteger.ZERO;
            } else if (v.startsWith("0b")) {
                n = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                n = new BigInteger(v.substring(2), 16);
            } else if (v.startsWith("0")) {
                n = new BigInteger(v.substring(1), 8);
            } else if (v.contains(":")) {
                n = BigInteger.ZERO;
                for (String digit : v.split(":")) {
                    n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
                }
            } else {
                n = new BigInteger(v);
            }
            n = sign < 0 ? n.negate() : n;
            return Optional.of(n.bitLength() < 64 ? (Number) n.longValue() : n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Double> floating(String text) {
        String v = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        double sign = v.startsWith("-") ? -1 : 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            if (v.equals(".inf")) {
                return Optional.of(sign * Double.POSITIVE_INFINITY);
            } else if (v.equals(".nan")) {
                return Optional.of(Double.NaN);
            } else if (v.contains(":")) {
                double n = 0;
                for (String digit : v.split(":")) {
                    n = n * 60 + Double.parseDouble(digit);
                }
                return Optional.of(sign * n);
            }
            return Optional.of(sign * Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean bool(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "on" -> true;
            default -> false;
        };
    }
}
