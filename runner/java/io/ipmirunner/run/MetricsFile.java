package io.ipmirunner.run;

import io.ipmirunner.executor.JournalCodec;
import io.ipmirunner.executor.RunEvent;
import io.ipmirunner.executor.RunListener;
import io.ipmirunner.util.BoundedRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --metrics-file PATH}: the run's results and the readings it took, in Prometheus' text exposition format
 * (version 0.0.4) for node_exporter's textfile collector. Written when the run ends, to a temporary file beside
 * PATH and renamed over it, so the collector never reads half a file. Readings come from the tasks' results:
 * power state ({@code power}), threshold sensor values ({@code sensors}), watts ({@code power_reading}).
 */
public final class MetricsFile implements RunListener {
    private static final FileAttribute<Set<PosixFilePermission>> READABLE_BY_ALL =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    private final Path path;
    private final String playbook;
    private final Clock clock;
    private final Instant started;
    private final Map<String, String> moduleOfTask = new HashMap<>();
    private final Map<String, List<String>> series = new TreeMap<>();
    private final Map<String, String> help = new HashMap<>();

    public MetricsFile(Path path, String playbook, Clock clock) {
        this.path = path;
        this.playbook = playbook;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.RunEnded e) {
            write(e.recap(), started, clock.instant());
        } else {
            take(event);
        }
    }

    /**
     * The metrics of a run made in shards ({@code report merge --metrics-file}), from each shard's journal:
     * every shard's readings, one recap of all their hosts (shards do not share hosts), and the run's span
     * from the first shard's start to the last one's end. A shard whose journal has no end (it was killed)
     * contributes its readings but no host counts; the caller is told which those are.
     */
    public static List<Integer> writeMerged(Path path, String playbook, List<List<JournalCodec.Entry>> shards) {
        MetricsFile m = new MetricsFile(path, playbook, Clock.systemUTC());
        Map<String, RunEvent.Recap> recap = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        List<Integer> unended = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            boolean ended = false;
            for (JournalCodec.Entry e : shards.get(i)) {
                first = first == null || e.at().isBefore(first) ? e.at() : first;
                last = last == null || e.at().isAfter(last) ? e.at() : last;
                if (e.event() instanceof RunEvent.RunEnded end) {
                    recap.putAll(end.recap());
                    ended = true;
                } else {
                    m.take(e.event());
                }
            }
            if (!ended) {
                unended.add(i);
            }
        }
        Instant now = m.clock.instant();
        m.write(recap, first == null ? now : first, last == null ? now : last);
        return unended;
    }

    private void take(RunEvent event) {
        switch (event) {
            case RunEvent.TaskStarted t -> moduleOfTask.put(t.taskAt(), t.module());
            case RunEvent.HostResult r -> reading(r, moduleOfTask.getOrDefault(r.taskAt(), ""));
            default -> { }
        }
    }

    private void reading(RunEvent.HostResult r, String module) {
        Map<String, Object> res = r.result();
        switch (module) {
            case "power" -> {
                if ("on".equals(res.get("state")) || "off".equals(res.get("state"))) {
                    add("ipmi_runner_power_on", "1 when the host's chassis power was on at its last power task",
                            labels("host", r.host()), "on".equals(res.get("state")) ? 1 : 0);
                }
            }
            case "power_reading" -> {
                if (res.get("current_watts") instanceof Number w) {
                    add("ipmi_runner_power_watts", "DCMI power reading, current watts", labels("host", r.host()),
                            w.doubleValue());
                }
            }
            case "sensors" -> {
                if (res.get("sensors") instanceof List<?> sensors) {
                    for (Object o : sensors) {
                        if (o instanceof Map<?, ?> s && s.get("value") instanceof Number v) {
                            add("ipmi_runner_sensor_value", "threshold sensor reading in its unit",
                                    labels("host", r.host(), "sensor", String.valueOf(s.get("name")), "number",
                                            String.valueOf(s.get("number")), "unit", String.valueOf(s.get("unit"))),
                                    v.doubleValue());
                        }
                    }
                }
            }
            default -> { }
        }
    }

    private void write(Map<String, RunEvent.Recap> recap, Instant from, Instant now) {
        recap.forEach((host, c) -> {
            for (var count : Map.of("ok", c.ok(), "changed", c.changed(), "unreachable", c.unreachable(),
                    "failed", c.failed(), "skipped", c.skipped(), "rescued", c.rescued(), "ignored", c.ignored())
                    .entrySet()) {
                add("ipmi_runner_host_tasks", "tasks per host by outcome, as the PLAY RECAP counts them",
                        labels("host", host, "status", count.getKey()), count.getValue());
            }
        });
        add("ipmi_runner_run_exit_code", "the run's exit code (0 ok, 2 a host failed, 3 unreachable)",
                labels(), RunExit.of(recap));
        add("ipmi_runner_run_hosts", "hosts in the run", labels(), recap.size());
        add("ipmi_runner_run_end_timestamp_seconds", "when the run ended", labels(), now.toEpochMilli() / 1000.0);
        add("ipmi_runner_run_duration_seconds", "how long the run took", labels(),
                (now.toEpochMilli() - from.toEpochMilli()) / 1000.0);
        StringBuilder sb = new StringBuilder();
        series.forEach((name, lines) -> {
            sb.append("# HELP ").append(name).append(' ').append(help.get(name)).append('\n');
            sb.append("# TYPE ").append(name).append(" gauge\n");
            lines.forEach(l -> sb.append(l).append('\n'));
        });
        Path dir = path.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // Readable by all: node_exporter runs as its own user (Debian: prometheus), and a temporary file is
            // created 0600. The file holds readings and host names, no secret.
            Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp", READABLE_BY_ALL);
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The JDK's message is the bare name of the temporary file: say what went wrong, and where.
            System.err.println("ipmi-runner: --metrics-file: cannot write " + path + " (a temporary file in its "
                    + "directory is renamed over it): " + BoundedRead.problem(dir, e));
        }
    }

    private void add(String name, String text, String labels, double value) {
        help.putIfAbsent(name, text);
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(name + labels + " " + v);
    }

    /** {playbook="...",k="v",...}: every series carries the playbook, so two scheduled plays can share a host. */
    private String labels(String... kv) {
        StringBuilder sb = new StringBuilder("{playbook=\"").append(escape(playbook)).append('"');
        for (int i = 0; i < kv.length; i += 2) {
            sb.append(',').append(kv[i]).append("=\"").append(escape(kv[i + 1])).append('"');
        }
        return sb.append('}').toString();
    }

    /** The format's label value escapes: backslash, double quote, line feed. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
