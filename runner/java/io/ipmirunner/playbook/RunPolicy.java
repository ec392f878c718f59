package io.ipmirunner.playbook;

import java.util.OptionalInt;

/**
 * How a play paces its hosts: {@code serial} batches, the failure threshold per batch
 * ({@code max_fail_percentage}: the batch aborts when more than this percentage failed), whether one failure
 * stops everything ({@code any_errors_fatal}), how many hosts work on a task at once ({@code throttle}),
 * the strategy, the host order, and the blast-radius guard ({@code max_hosts}: refuse to act on more hosts
 * without confirmation).
 */
public record RunPolicy(Serial serial, OptionalInt maxFailPercentage, boolean anyErrorsFatal, OptionalInt throttle,
                        Strategy strategy, HostOrder order, OptionalInt maxHosts) {
    /** linear: every host finishes a task before any starts the next; free: each host runs ahead on its own. */
    public enum Strategy { LINEAR, FREE }

    /** The order hosts are taken in (and batched in): Ansible's {@code order} values. */
    public enum HostOrder { INVENTORY, REVERSE_INVENTORY, SORTED, REVERSE_SORTED, SHUFFLE }
}
