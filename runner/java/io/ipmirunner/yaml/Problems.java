package io.ipmirunner.yaml;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems while a parser keeps going, so that one run reports every independent mistake. The same
 * problem found again (a group_vars value shared by a thousand hosts) is kept once. A parser skips the element
 * (task, host, group) that had a problem, which keeps follow-on noise down.
 */
public final class Problems {
    private final Set<Problem> found = new LinkedHashSet<>();

    public void add(Location at, String message) {
        found.add(new Problem(at, message));
    }

    public void addAll(InvalidInputException e) {
        found.addAll(e.problems());
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(List.copyOf(found));
        }
    }
}
