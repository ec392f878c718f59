package io.ipmirunner.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole-number options with a range, checked as picocli parses them: a value out of range is a bad option
 * (exit 5, one line), never a value that fails later deep in the run (a port in a socket address: exit 250).
 */
final class Ranged {
    private Ranged() {}

    private static int parse(String text, int min, int max, String what) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // the same message as out of range: the reader needs the range, not the reason
        }
        throw new TypeConversionException("'" + text + "' is not " + what);
    }

    /** A UDP port. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parse(text, 1, 65535, "a port (1-65535)");
        }
    }

    /** A count of things done at once: zero would do nothing and finish "ok". */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parse(text, 1, Integer.MAX_VALUE, "a whole number of at least 1");
        }
    }

    /** A count of extra tries. */
    static final class NotNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return parse(text, 0, Integer.MAX_VALUE, "a whole number of at least 0");
        }
    }
}
