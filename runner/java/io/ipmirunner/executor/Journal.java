package io.ipmirunner.executor;

import io.ipmirunner.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code RUN_DIR/journal.jsonl}: every event as one JSON line, appended as it happens and forced to disk at
 * task boundaries, so a killed run keeps every host result of every task that finished.
 */
public final class Journal implements RunListener, AutoCloseable {
    private final FileChannel channel;
    private final Clock clock;

    public Journal(Path runDir, Clock clock) throws IOException {
        Files.createDirectories(runDir);
        this.channel = FileChannel.open(runDir.resolve("journal.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.clock = clock;
    }

    @Override
    public synchronized void on(RunEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", clock.instant().toString());
        line.putAll(fields(event));
        try {
            channel.write(ByteBuffer.wrap((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            if (!(event instanceof RunEvent.HostResult)) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> fields(RunEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (event) {
            case RunEvent.RunStarted r -> {
                m.put("event", "run_start");
                m.put("playbook", r.playbook());
                m.put("inventory", r.inventories());
                m.put("limit", r.limit());
                m.put("check", r.check());
                m.put("user", r.user());
            }
            case RunEvent.PlayStarted p -> {
                m.put("event", "play_start");
                m.put("play", p.play());
                m.put("hosts", p.hosts());
            }
            case RunEvent.TaskStarted t -> {
                m.put("event", t.handler() ? "handler_start" : "task_start");
                m.put("play", t.play());
                m.put("task", t.task());
                m.put("task_at", t.taskAt());
                m.put("module", t.module());
            }
            case RunEvent.HostResult r -> {
                m.put("event", "host_result");
                m.put("host", r.host());
                m.put("task", r.task());
                m.put("task_at", r.taskAt());
                m.put("status", r.status().label());
                m.put("ignored", r.ignored());
                m.put("attempts", r.attempts());
                m.put("duration_ms", r.duration().toMillis());
                m.put("result", r.result());
                if (r.error() != null) {
                    m.put("error", r.error());
                    m.put("failure_class", r.failureClass());
                }
            }
            case RunEvent.Rescued r -> {
                m.put("event", "rescued");
                m.put("host", r.host());
                m.put("block", r.block());
            }
            case RunEvent.PlayEnded p -> {
                m.put("event", "play_end");
                m.put("play", p.play());
            }
            case RunEvent.RunEnded r -> {
                m.put("event", "run_end");
                Map<String, Object> recap = new LinkedHashMap<>();
                r.recap().forEach((h, c) -> recap.put(h, Map.of("ok", c.ok(), "changed", c.changed(),
                        "unreachable", c.unreachable(), "failed", c.failed(), "skipped", c.skipped(),
                        "rescued", c.rescued(), "ignored", c.ignored())));
                m.put("recap", recap);
            }
        }
        return m;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.force(false);
        channel.close();
    }
}
