package io.ipmirunner.playbook;

import java.util.List;

/**
 * A parsed, validated playbook: its plays in order. Immutable and free of execution state; the executor
 * walks it through the {@link io.ipmirunner.playbook.graph.TaskGraph}.
 *
 * @param file the playbook file as the user named it
 */
public record Playbook(String file, List<Play> plays) {
    public Playbook {
        plays = List.copyOf(plays);
    }
}
