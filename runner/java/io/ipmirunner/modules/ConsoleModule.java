package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.SolConsole;
import io.ipmirunner.util.DurationText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code console until=REGEX [timeout=20s] | duration=10s [send=LINE] [policy=fail|steal]}: reads the host's
 * serial console over SOL (see {@link SolConsole}). With {@code until}, reads until the text matches and fails
 * when {@code timeout} (default 60 s) passes first; with {@code duration}, captures that long. {@code send}
 * types a line (with Enter) first. {@code policy}: what to do when SOL is already active on another session.
 * Result: {@code text}, the captured text with ANSI sequences removed and only the last {@value #TEXT_CAP}
 * characters kept, and {@code matched}, the text {@code until} matched or null.
 */
public final class ConsoleModule implements Module<ConsoleModule.Args> {
    static final int TEXT_CAP = 64 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_WAIT = Duration.ofHours(24);

    record Args(Optional<Pattern> until, Duration limit, Optional<String> send, SolConsole.WhenActive policy) {}

    private final Optional<Path> runDir;

    /** Without a run directory (the module table, tests): the text is in the result only. */
    public ConsoleModule() {
        this(Optional.empty());
    }

    /** In a run: every console task also appends to the host's raw log in {@code runDir} (see {@link ConsoleLog}). */
    public ConsoleModule(Optional<Path> runDir) {
        this.runDir = runDir;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!Set.of("until", "timeout", "duration", "send", "policy").contains(k)) {
                throw new ModuleArgumentException("console: unknown argument '" + k
                        + "' (until, timeout, duration, send, policy)");
            }
        }
        boolean until = args.containsKey("until");
        boolean duration = args.containsKey("duration");
        if (until == duration) {
            throw new ModuleArgumentException("console: give until=REGEX (with timeout) or duration=TIME, one of them");
        }
        if (duration && args.containsKey("timeout")) {
            throw new ModuleArgumentException("console: timeout goes with until; duration is itself the time to read");
        }
        Optional<Pattern> pattern = Optional.empty();
        if (until) {
            try {
                pattern = Optional.of(Pattern.compile(args.get("until"), Pattern.MULTILINE));
            } catch (PatternSyntaxException e) {
                throw new ModuleArgumentException("console: until is not a regular expression: "
                        + e.getDescription() + " near index " + e.getIndex() + " of '" + args.get("until") + "'");
            }
        }
        String key = until ? "timeout" : "duration";
        Duration wait = until && !args.containsKey("timeout") ? DEFAULT_TIMEOUT : time(key, args.get(key));
        SolConsole.WhenActive policy = switch (args.getOrDefault("policy", "fail")) {
            case "fail" -> SolConsole.WhenActive.FAIL;
            case "steal" -> SolConsole.WhenActive.STEAL;
            default -> throw new ModuleArgumentException("console: policy must be fail or steal, got '"
                    + args.get("policy") + "'");
        };
        return new Args(pattern, wait, Optional.ofNullable(args.get("send")), policy);
    }

    private static Duration time(String key, String text) throws ModuleArgumentException {
        Duration d = DurationText.parse(text).orElseThrow(() -> new ModuleArgumentException("console: " + key
                + " must be a duration (seconds, or e.g. 500ms, 20s, 5m), got '" + text + "'"));
        if (d.isZero() || d.compareTo(MAX_WAIT) > 0) {
            throw new ModuleArgumentException("console: " + key + " must be more than 0 and at most 24h, got '"
                    + text + "'");
        }
        return d;
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException, InterruptedException {
        ConsoleText text = new ConsoleText(TEXT_CAP);
        Map<String, Object> r = new LinkedHashMap<>();
        String matched = null;
        String ended = null;
        try (SolConsole console = SolConsole.open(bmc, a.policy());
             ConsoleLog log = runDir.map(d -> ConsoleLog.open(d, bmc.host())).orElse(null)) {
            if (log != null) {
                r.put("log", log.relative());
                log.mark(Instant.now(), "console opened" + a.until().map(p -> ", until /" + p.pattern() + "/")
                        .orElse(", for " + a.limit().toMillis() + " ms"));
            }
            long deadline = bmc.time().nanoTime() + a.limit().toNanos();
            if (a.send().isPresent()) {
                byte[] line = (a.send().get() + "\r").getBytes(StandardCharsets.ISO_8859_1);
                console.write(line, a.limit().toMillis());
            }
            byte[] buf = new byte[4096];
            while (matched == null) {
                long left = (deadline - bmc.time().nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                int n = console.read(buf, Math.min(left, 250));
                if (n < 0) {
                    ended = console.ended().orElse("the SOL link ended");
                    break;
                }
                if (n > 0) {
                    if (log != null) {
                        log.write(buf, n, Instant.now());
                    }
                    text.append(buf, 0, n);
                    matched = a.until().map(p -> p.matcher(text.text())).filter(Matcher::find).map(Matcher::group)
                            .orElse(null);
                }
            }
            if (log != null) {
                log.mark(Instant.now(), matched != null ? "matched" : ended != null ? "ended: " + ended : "time up");
            }
        } catch (IOException | UncheckedIOException e) {
            r.put("text", text.text());
            r.put("matched", matched);
            return ModuleResult.failed(r, "console: cannot write the console log: " + e.getMessage());
        }
        r.put("text", text.text());
        r.put("matched", matched);
        if (a.until().isPresent() && matched == null) {
            String why = ended != null ? "the console ended (" + ended + ")" : "not within " + a.limit().toMillis()
                    + " ms";
            return ModuleResult.failed(r, "console: no match for /" + a.until().get().pattern() + "/: " + why);
        }
        if (ended != null) {
            return ModuleResult.failed(r, "console: " + ended);
        }
        return new ModuleResult(a.send().isPresent(), r);
    }
}
