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
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>{@code console capture=start [policy=...]} keeps the console open across the tasks that follow (see
 * {@link ConsoleCapture}); {@code until}/{@code duration} tasks then read from it, each from where the previous
 * match ended, and {@code console capture=stop} ends it with the whole capture's text.
 */
public final class ConsoleModule implements Module<ConsoleModule.Args> {
    static final int TEXT_CAP = 64 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_WAIT = Duration.ofHours(24);

    record Args(Optional<Pattern> until, Duration limit, Optional<String> send, SolConsole.WhenActive policy,
                Optional<String> capture) {}

    /** What a duration read matches: nothing, so it reads until the time is up. */
    private static final Pattern NOTHING = Pattern.compile("(?!)");

    private final Optional<Path> runDir;
    /** Captures running in this run, by host. */
    private final Map<String, ConsoleCapture> captures = new ConcurrentHashMap<>();

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
            if (!Set.of("until", "timeout", "duration", "send", "policy", "capture").contains(k)) {
                throw new ModuleArgumentException("console: unknown argument '" + k
                        + "' (until, timeout, duration, send, policy, capture)");
            }
        }
        if (args.containsKey("capture")) {
            String c = args.get("capture");
            Set<String> allowed = c.equals("start") ? Set.of("capture", "policy") : Set.of("capture");
            if (!Set.of("start", "stop").contains(c) || !allowed.containsAll(args.keySet())) {
                throw new ModuleArgumentException("console: capture=start [policy=fail|steal] or capture=stop, "
                        + "got " + args);
            }
            return new Args(Optional.empty(), Duration.ZERO, Optional.empty(), policy(args), Optional.of(c));
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
        return new Args(pattern, wait, Optional.ofNullable(args.get("send")), policy(args), Optional.empty());
    }

    private static SolConsole.WhenActive policy(Map<String, String> args) throws ModuleArgumentException {
        return switch (args.getOrDefault("policy", "fail")) {
            case "fail" -> SolConsole.WhenActive.FAIL;
            case "steal" -> SolConsole.WhenActive.STEAL;
            default -> throw new ModuleArgumentException("console: policy must be fail or steal, got '"
                    + args.get("policy") + "'");
        };
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
        if (a.capture().isPresent()) {
            return a.capture().get().equals("start") ? startCapture(bmc, a) : stopCapture(bmc);
        }
        ConsoleCapture running = captures.get(bmc.host());
        return running != null ? fromCapture(running, a) : direct(bmc, a);
    }

    private ModuleResult startCapture(Bmc bmc, Args a) throws IpmiException {
        Map<String, Object> r = new LinkedHashMap<>();
        if (captures.containsKey(bmc.host())) {
            return ModuleResult.failed(r, "console: a capture is already running on this host");
        }
        ConsoleCapture c = ConsoleCapture.start(bmc, a.policy(), runDir);
        captures.put(bmc.host(), c);
        c.log().ifPresent(l -> r.put("log", l));
        r.put("capturing", true);
        return new ModuleResult(false, r);
    }

    private ModuleResult stopCapture(Bmc bmc) throws InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        ConsoleCapture c = captures.remove(bmc.host());
        if (c == null) {
            return ModuleResult.failed(r, "console: capture=stop without a capture=start on this host");
        }
        c.log().ifPresent(l -> r.put("log", l));
        try {
            c.close();
        } catch (IOException e) {
            r.put("text", c.text());
            r.put("matched", null);
            return ModuleResult.failed(r, "console: cannot write the console log: " + e.getMessage());
        }
        r.put("text", c.text());
        r.put("matched", null);
        return new ModuleResult(false, r);
    }

    /** An until or duration task while a capture runs: it reads what the capture holds and has not consumed. */
    private ModuleResult fromCapture(ConsoleCapture c, Args a) throws InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        c.log().ifPresent(l -> r.put("log", l));
        if (a.send().isPresent()) {
            c.write((a.send().get() + "\r").getBytes(StandardCharsets.ISO_8859_1), a.limit().toMillis());
        }
        StringBuilder seen = new StringBuilder();
        StringBuilder ended = new StringBuilder();
        String matched = c.expect(a.until().orElse(NOTHING), a.limit().toNanos(), seen, ended).orElse(null);
        r.put("text", seen.toString());
        r.put("matched", matched);
        return verdict(r, a, matched, ended.isEmpty() ? null : ended.toString());
    }

    private ModuleResult direct(Bmc bmc, Args a) throws IpmiException, InterruptedException {
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
        return verdict(r, a, matched, ended);
    }

    private static ModuleResult verdict(Map<String, Object> r, Args a, String matched, String ended) {
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
