package io.ipmirunner.sim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Host power as a pure state machine over a caller's clock. Power-on takes {@code onDelayMillis} (the
 * power-good delay a real server has), during which the state still reads off; a soft shutdown turns
 * the host off after {@code softOffDelayMillis} (the OS shutting down); a cycle is off now, then on after
 * the on delay. Transitions complete lazily: {@link #advance} reports every one that came due, with the
 * time it happened, so the BMC can log it and clear one-shot boot flags (IPMI v2.0 §28.3).
 */
public final class PowerModel {
    /** What the host went through; a boot is a power-on or a reset. */
    public enum Event { POWERED_ON, POWERED_OFF, SOFT_OFF, CYCLED, RESET }

    public record Transition(long at, Event event) {}

    /** Result of a Chassis Control request: accepted with the transitions that happened at once, or refused. */
    public sealed interface Outcome {
        record Accepted(List<Transition> now) implements Outcome {}

        record NotInThisState() implements Outcome {}
    }

    private static final long NONE = Long.MIN_VALUE;

    private final long onDelayMillis;
    private final long softOffDelayMillis;
    private boolean on;
    private long pendingAt = NONE;
    private Event pending;

    public PowerModel(boolean initiallyOn, long onDelayMillis, long softOffDelayMillis) {
        this.on = initiallyOn;
        this.onDelayMillis = onDelayMillis;
        this.softOffDelayMillis = softOffDelayMillis;
    }

    /** Completes a transition that is due by {@code now}; at most one can be pending. */
    public List<Transition> advance(long now) {
        if (pendingAt == NONE || now < pendingAt) {
            return List.of();
        }
        Transition t = new Transition(pendingAt, pending);
        on = pending == Event.POWERED_ON;
        pendingAt = NONE;
        pending = null;
        return List.of(t);
    }

    /** Power state as a status read sees it after {@link #advance}: off until power-on completes. */
    public boolean isOn() {
        return on;
    }

    public boolean transitioning() {
        return pendingAt != NONE;
    }

    /** Chassis Control actions (IPMI v2.0 §28.3, Table 28-4): 0 down, 1 up, 2 cycle, 3 reset, 4 NMI, 5 soft. */
    public Outcome control(int action, long now) {
        List<Transition> done = new ArrayList<>(advance(now));
        switch (action) {
            case 0 -> {
                cancel();
                if (on) {
                    on = false;
                    done.add(new Transition(now, Event.POWERED_OFF));
                }
            }
            case 1 -> {
                if (on && pending == Event.SOFT_OFF) {
                    cancel(); // the OS had not finished shutting down: it stays up
                } else if (!on && pendingAt == NONE) {
                    schedule(now + onDelayMillis, Event.POWERED_ON);
                }
            }
            case 2 -> {
                if (!on) {
                    return new Outcome.NotInThisState();
                }
                on = false;
                done.add(new Transition(now, Event.CYCLED));
                schedule(now + onDelayMillis, Event.POWERED_ON);
            }
            case 3 -> {
                if (!on) {
                    return new Outcome.NotInThisState();
                }
                done.add(new Transition(now, Event.RESET));
            }
            case 4 -> {
                if (!on) {
                    return new Outcome.NotInThisState();
                }
            }
            case 5 -> {
                if (on && pendingAt == NONE) {
                    schedule(now + softOffDelayMillis, Event.SOFT_OFF);
                }
            }
            default -> throw new IllegalArgumentException("chassis control action " + action);
        }
        return new Outcome.Accepted(done);
    }

    private void schedule(long at, Event e) {
        pendingAt = at;
        pending = e;
    }

    private void cancel() {
        pendingAt = NONE;
        pending = null;
    }
}
