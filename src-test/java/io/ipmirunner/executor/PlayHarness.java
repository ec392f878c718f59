package io.ipmirunner.executor;

import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.modules.Module;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.sim.FakeBmc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Runs an inline playbook on fake BMCs n1..nN with the given modules (fakes, or real ones: the BMCs are
 * simulated) and the fake clock; records every event.
 * Hosts' inventory lines may carry variables ({@code hostLine}).
 */
final class PlayHarness {
    final Path dir;
    final FakeTime time = new FakeTime();
    final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    Resume resume = Resume.NONE;
    Optional<String> startAt = Optional.empty();
    Set<String> tags = Set.of();
    RunListener extra = e -> { };
    TaskGate gate = TaskGate.OPEN;
    UnaryOperator<String> hostLine = h -> "    " + h + ":\n";
    volatile PlaybookRunner runner;
    SessionFactory sessions;

    PlayHarness(Path dir) {
        this.dir = dir;
    }

    Map<String, RunEvent.Recap> run(String playbook, int hosts, int forks, Module<?>... modules)
            throws IOException, InterruptedException {
        Path inv = dir.resolve("inv.yml");
        StringBuilder sb = new StringBuilder("all:\n  hosts:\n");
        for (int i = 1; i <= hosts; i++) {
            sb.append(hostLine.apply("n" + i));
        }
        Files.writeString(inv, sb);
        Path pb = dir.resolve("play.yml");
        Files.writeString(pb, playbook);
        RunOptions options = new RunOptions(forks, false, tags, Set.of(), Map.of(), startAt, resume,
                time, time, FakeTime.NO_JITTER);
        TaskRunner taskRunner = new TaskRunner(new ActionRunner(time, time, false, FakeTime.NO_JITTER,
                FakeModule.only(modules)), time, time, FakeTime.NO_JITTER);
        runner = new PlaybookRunner(options, taskRunner, sessions != null ? sessions : h -> new FakeBmc(h, time), e -> {
            events.add(e);
            extra.on(e);
        }, gate);
        return runner.run(PlaybookParser.parse(pb), Inventory.load(List.of(inv.toString()),
                InventoryLoader.Options.defaults()), Optional.empty());
    }

    List<RunEvent.HostResult> results() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof RunEvent.HostResult)
                    .map(e -> (RunEvent.HostResult) e).toList();
        }
    }

    /** The run as "TASK name" / "HANDLER name" and "status host" lines, in event order. */
    List<String> trace() {
        List<String> out = new ArrayList<>();
        List<RunEvent> seen;
        synchronized (events) {
            seen = List.copyOf(events);
        }
        for (RunEvent e : seen) {
            switch (e) {
                case RunEvent.TaskStarted t -> out.add((t.handler() ? "HANDLER " : "TASK ") + t.task());
                case RunEvent.HostResult r -> out.add(r.status().label() + " " + r.host());
                default -> { }
            }
        }
        return out;
    }
}
