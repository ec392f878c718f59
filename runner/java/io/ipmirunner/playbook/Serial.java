package io.ipmirunner.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * A play's {@code serial}: one batch size, or a ramp ({@code [1, 5, "25%"]}) whose last step repeats until
 * every host had its turn. Empty means one batch of all hosts.
 */
public record Serial(List<BatchSize> steps) {
    public static final Serial ALL_AT_ONCE = new Serial(List.of());

    /** A number of hosts (0 means all), or a percentage of the play's hosts (at least one host). */
    public sealed interface BatchSize {
        int hostsOf(int playHosts);
    }

    public record Count(int hosts) implements BatchSize {
        @Override
        public int hostsOf(int playHosts) {
            return hosts;
        }

        @Override
        public String toString() {
            return Integer.toString(hosts);
        }
    }

    public record Percent(int percent) implements BatchSize {
        @Override
        public int hostsOf(int playHosts) {
            return Math.max(1, percent * playHosts / 100);
        }

        @Override
        public String toString() {
            return percent + "%";
        }
    }

    public Serial {
        steps = List.copyOf(steps);
    }

    /** The batch sizes for {@code playHosts} hosts, as Ansible cuts them (a size of 0 takes all the rest). */
    public List<Integer> batchSizes(int playHosts) {
        List<Integer> out = new ArrayList<>();
        int left = playHosts;
        int step = 0;
        while (left > 0) {
            int size = steps.isEmpty() ? 0 : steps.get(step).hostsOf(playHosts);
            int taken = size <= 0 ? left : Math.min(size, left);
            out.add(taken);
            left -= taken;
            step = Math.min(step + 1, Math.max(0, steps.size() - 1));
        }
        return out;
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "all" : steps.size() == 1 ? steps.get(0).toString() : steps.toString();
    }
}
