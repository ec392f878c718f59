package io.ipmirunner.util;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, {@code DateTimeFormatter.ISO_INSTANT}) for the journal's
 * and the reports' times, at a fraction of its cost: the date and time of day are formatted once per second
 * (by Instant itself) and only the fraction per call. Every journal line and every task of a report has one;
 * Instant.toString was two fifths of the journal's encoding in a cold JVM (JFR, 1,000 BMCs).
 */
public final class InstantText {
    /** The latest second asked for and its text up to the seconds, without the zone's "Z". */
    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private InstantText() {}

    /** The same text as {@code at.toString()}. */
    public static String of(Instant at) {
        Second s = last;
        if (s.epochSecond() != at.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(at.getEpochSecond()).toString();
            s = new Second(at.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = s;
        }
        int nano = at.getNano();
        if (nano == 0) {
            return s.text() + 'Z';
        }
        // ISO_INSTANT's fraction: in groups of three digits, as few as hold the nanoseconds.
        StringBuilder b = new StringBuilder(s.text().length() + 11).append(s.text()).append('.');
        if (nano % 1_000_000 == 0) {
            digits(b, nano / 1_000_000, 3);
        } else if (nano % 1000 == 0) {
            digits(b, nano / 1000, 6);
        } else {
            digits(b, nano, 9);
        }
        return b.append('Z').toString();
    }

    private static void digits(StringBuilder b, int value, int width) {
        String v = Integer.toString(value);
        b.repeat('0', width - v.length()).append(v);
    }
}
