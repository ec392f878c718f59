package io.ipmirunner.sim.fleet;

import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;

/**
 * A run of BMCs that share a personality ({@code mixed} cycles through all), settings and faults.
 * {@code deadFraction} of them, picked with the fleet seed, are unreachable on top of {@code faults}.
 */
public record FleetGroup(String name, int count, String personality, BmcSettings settings, FaultProfile faults,
                         double deadFraction) {
    public FleetGroup {
        if (count < 0) {
            throw new IllegalArgumentException("group " + name + ": count must not be negative");
        }
        if (!(deadFraction >= 0 && deadFraction <= 1)) {
            throw new IllegalArgumentException("group " + name + ": dead fraction must be between 0 and 1");
        }
    }
}
