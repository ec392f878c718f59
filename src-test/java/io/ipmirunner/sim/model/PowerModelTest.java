package io.ipmirunner.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.sim.model.PowerModel.Event;
import io.ipmirunner.sim.model.PowerModel.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Power transitions on a fake clock: nothing sleeps, the test says what time it is. */
class PowerModelTest {
    private static final int DOWN = 0;
    private static final int UP = 1;
    private static final int CYCLE = 2;
    private static final int RESET = 3;
    private static final int SOFT = 5;

    private final PowerModel off = new PowerModel(false, 2_000, 3_000);

    @Test
    void powerOnReadsOffUntilTheDelayHasPassed() {
        assertEquals(new Outcome.Accepted(List.of()), off.control(UP, 1_000));
        assertTrue(off.advance(2_999).isEmpty());
        assertFalse(off.isOn());
        assertTrue(off.transitioning());
        assertEquals(List.of(new PowerModel.Transition(3_000, Event.POWERED_ON)), off.advance(3_500));
        assertTrue(off.isOn());
        assertFalse(off.transitioning());
    }

    @Test
    void hardOffIsImmediateAndCancelsAPendingPowerOn() {
        off.control(UP, 0);
        var o = assertInstanceOf(Outcome.Accepted.class, off.control(DOWN, 500));
        assertTrue(o.now().isEmpty(), "it was never on, so nothing went off");
        assertTrue(off.advance(10_000).isEmpty());
        assertFalse(off.isOn());
    }

    @Test
    void cycleIsOffNowThenOnAfterTheDelay() {
        PowerModel on = new PowerModel(true, 2_000, 3_000);
        var o = assertInstanceOf(Outcome.Accepted.class, on.control(CYCLE, 100));
        assertEquals(List.of(new PowerModel.Transition(100, Event.CYCLED)), o.now());
        assertFalse(on.isOn());
        assertEquals(List.of(new PowerModel.Transition(2_100, Event.POWERED_ON)), on.advance(5_000));
        assertTrue(on.isOn());
    }

    @Test
    void softOffTakesTheShutdownDelayAndPowerOnCanStillStopIt() {
        PowerModel on = new PowerModel(true, 2_000, 3_000);
        on.control(SOFT, 0);
        assertTrue(on.isOn());
        assertEquals(List.of(new PowerModel.Transition(3_000, Event.SOFT_OFF)), on.advance(3_000));
        assertFalse(on.isOn());

        PowerModel again = new PowerModel(true, 2_000, 3_000);
        again.control(SOFT, 0);
        again.control(UP, 1_000);
        assertTrue(again.advance(60_000).isEmpty());
        assertTrue(again.isOn());
    }

    @Test
    void resetAndCycleNeedAHostThatIsOn() {
        assertInstanceOf(Outcome.NotInThisState.class, off.control(RESET, 0));
        assertInstanceOf(Outcome.NotInThisState.class, off.control(CYCLE, 0));
        PowerModel on = new PowerModel(true, 2_000, 3_000);
        var o = assertInstanceOf(Outcome.Accepted.class, on.control(RESET, 7));
        assertEquals(List.of(new PowerModel.Transition(7, Event.RESET)), o.now());
        assertTrue(on.isOn());
    }

    @Test
    void powerOnWhileOnChangesNothing() {
        PowerModel on = new PowerModel(true, 2_000, 3_000);
        assertEquals(new Outcome.Accepted(List.of()), on.control(UP, 0));
        assertFalse(on.transitioning());
    }
}
