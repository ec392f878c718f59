package io.ipmirunner.util;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages that differ only in how long something took ("no answer within 5000 ms" and "within 5001 ms") are
 * the same failure to a person: {@link #key} is a message with its durations taken out, for grouping, and
 * {@link Spread} shows a group's messages as one, each duration as the range the group saw.
 */
public final class TimingText {
    /** A number with a unit of time after it, not part of a name or a longer number. */
    private static final Pattern TIMED = Pattern.compile(
            "(?<![\\w.])(\\d{1,15}(?:\\.\\d{1,9})?)( ?(?:ms|milliseconds?|s|secs?|seconds?|min|minutes?))(?![\\w])");

    private TimingText() {}

    /** The message with every duration's number replaced by {@code #}. */
    public static String key(String message) {
        return TIMED.matcher(message).replaceAll("#$2");
    }

    /** The messages of one group (one {@link #key}) as one text: the first, with each duration's range. */
    public static final class Spread {
        private String first;
        private final List<double[]> ranges = new ArrayList<>();
        private final List<String[]> texts = new ArrayList<>();

        public void add(String message) {
            Matcher m = TIMED.matcher(message);
            if (first == null) {
                first = message;
                while (m.find()) {
                    double v = Double.parseDouble(m.group(1));
                    ranges.add(new double[] {v, v});
                    texts.add(new String[] {m.group(1), m.group(1)});
                }
                return;
            }
            for (int i = 0; m.find() && i < ranges.size(); i++) {
                double v = Double.parseDouble(m.group(1));
                if (v < ranges.get(i)[0]) {
                    ranges.get(i)[0] = v;
                    texts.get(i)[0] = m.group(1);
                }
                if (v > ranges.get(i)[1]) {
                    ranges.get(i)[1] = v;
                    texts.get(i)[1] = m.group(1);
                }
            }
        }

        /** The first message, {@code within 5000-5001 ms} where the group's durations differ. */
        public String text() {
            if (first == null) {
                return "";
            }
            Matcher m = TIMED.matcher(first);
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (m.find()) {
                String[] t = texts.get(i++);
                String range = t[0].equals(t[1]) ? t[0] : t[0] + "-" + t[1];
                m.appendReplacement(sb, Matcher.quoteReplacement(range + m.group(2)));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
