package io.ipmirunner.util;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as people write one in playbooks and arguments: seconds as a number, or 500ms, 5s, 2m, 1h. */
public final class DurationText {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,12}(?:\\.[0-9]{1,9})?)\\s*(ms|s|m|h)?");

    private DurationText() {}

    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        long millis = (long) (amount * switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        });
        return Optional.of(Duration.ofMillis(millis));
    }
}
