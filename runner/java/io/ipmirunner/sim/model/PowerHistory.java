package io.ipmirunner.sim.model;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * When the host's power went on or off, kept for two hours: DCMI power statistics (DCMI v1.5 §6.6.1) cover
 * the last hour, and a sample from before a power-off must count the watts the host drew then.
 */
public final class PowerHistory {
    private static final long KEEP_MILLIS = 2 * 3_600_000L;

    private record Change(long at, boolean on) {}

    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    private boolean before;

    public PowerHistory(boolean initiallyOn) {
        this.before = initiallyOn;
    }

    public void record(long at, boolean on) {
        changes.addLast(new Change(at, on));
        while (!changes.isEmpty() && changes.peekFirst().at() < at - KEEP_MILLIS) {
            before = changes.pollFirst().on();
        }
    }

    /** The power state at {@code t}; before anything recorded, the state the history started with. */
    public boolean onAt(long t) {
        for (Iterator<Change> i = changes.descendingIterator(); i.hasNext(); ) {
            Change c = i.next();
            if (c.at() <= t) {
                return c.on();
            }
        }
        return before;
    }
}
