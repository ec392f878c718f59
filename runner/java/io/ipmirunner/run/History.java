package io.ipmirunner.run;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.executor.FailureClass;
import io.ipmirunner.executor.JournalReader;
import io.ipmirunner.executor.Resume;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an earlier run's journal gives a new one: {@code --resume} results and {@code --retry-failed} hosts. */
public final class History {
    private History() {}

    /** The journal's host results to replay, noted on {@code notes}; {@link Resume#NONE} without a directory. */
    public static Resume resume(Optional<Path> runDir, PrintStream notes) {
        if (runDir.isEmpty()) {
            return Resume.NONE;
        }
        try {
            Resume r = Resume.from(runDir.get());
            notes.println("resume: " + r.size() + " host results from " + runDir.get().resolve("journal.jsonl"));
            return r;
        } catch (IOException e) {
            throw new SetupError("--resume: cannot read "
                    + BoundedRead.problem(runDir.get().resolve("journal.jsonl"), e));
        }
    }

    /**
     * The hosts that failed or were unreachable in that run (of {@code classes} only, when given), narrowed by
     * {@code limit} and to hosts still in the inventory, as a limit; empty when none is left.
     */
    public static Optional<HostPattern> retryLimit(Path runDir, Set<String> classes, Inventory inventory,
                                                   Optional<HostPattern> limit) {
        Set<String> hosts;
        try {
            hosts = new LinkedHashSet<>(JournalReader.failedHosts(runDir, failureClasses(classes)));
        } catch (IOException e) {
            throw new SetupError("--retry-failed: cannot read "
                    + BoundedRead.problem(runDir.resolve("journal.jsonl"), e));
        }
        limit.ifPresent(l -> hosts.retainAll(l.match(inventory)));
        hosts.retainAll(inventory.hosts().keySet());
        // Terms that are host names match those hosts alone; parsed, 127.0.0.1:6230 would be two terms.
        return hosts.isEmpty() ? Optional.empty()
                : Optional.of(new HostPattern(String.join(",", hosts), List.copyOf(hosts)));
    }

    /** Checks {@code --failure-class}: a misspelt class would silently select no host. */
    private static Set<String> failureClasses(Set<String> asked) {
        for (String c : asked) {
            if (FailureClass.of(c).isEmpty()) {
                throw new SetupError("--failure-class: unknown class '" + c + "' (known: "
                        + Arrays.stream(FailureClass.values()).map(FailureClass::label).sorted()
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        return Set.copyOf(asked);
    }
}
