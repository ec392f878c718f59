package io.ipmirunner.sim.fleet;

import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns groups into a list of BMCs: names, addresses in order across the groups, and profiles. Identical
 * profiles are one object, so ten thousand BMCs usually share a handful. Which BMCs of a group are dead is
 * drawn with the seed: the same command line gives the same fleet.
 */
public final class FleetPlanner {
    private FleetPlanner() {}

    public static List<BmcPlan> plan(List<FleetGroup> groups, Addressing addressing, UserTable users, long seed) {
        int total = groups.stream().mapToInt(FleetGroup::count).sum();
        if (total > addressing.capacity()) {
            throw new IllegalArgumentException(total + " BMCs do not fit in " + addressing.capacity()
                    + " addresses/ports");
        }
        int width = Math.max(3, Integer.toString(total).length());
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, BmcProfile> shared = new HashMap<>();
        List<BmcPlan> plans = new ArrayList<>(total);
        for (FleetGroup g : groups) {
            BitSet dead = pick(g.count(), (int) Math.round(g.deadFraction() * g.count()), random);
            for (int k = 0; k < g.count(); k++) {
                int index = plans.size();
                Personality p = personality(g.personality(), index);
                boolean unreachable = g.faults().unreachable() || dead.get(k);
                String key = g.name() + '/' + p.key() + '/' + unreachable;
                BmcProfile profile = shared.computeIfAbsent(key, x -> new BmcProfile(p, users, g.settings(),
                        g.faults().withUnreachable(unreachable)));
                String name = String.format("sim%0" + width + "d", index + 1);
                plans.add(new BmcPlan(name, index, addressing.of(index), profile));
            }
        }
        return plans;
    }

    static Personality personality(String key, int index) {
        if (Personality.MIXED.equals(key)) {
            return Personality.ALL.get(index % Personality.ALL.size());
        }
        return Personality.named(key).orElseThrow(() -> new IllegalArgumentException("unknown personality '" + key
                + "' (known: " + String.join(", ", Personality.keys()) + ", " + Personality.MIXED + ")"));
    }

    /** {@code k} distinct positions out of {@code n}, by a partial Fisher-Yates shuffle. */
    private static BitSet pick(int n, int k, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        BitSet out = new BitSet(n);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            out.set(order[i]);
        }
        return out;
    }
}
