package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.Phase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retransmission rule of {@link Exchange} and {@link BmcTimers#queuedMillis} on fake time, as a fleet
 * start-up meets it: the fleet has learnt a short Open Session timeout from its first, fast answers, and then
 * a loaded client (or BMCs busy with everybody's logins) delays the next answers beyond it. A timeout alone
 * no longer resends while requests sent after the request are unanswered too; a request sent after it being
 * answered shows a real loss, which is resent as before; and a stalled fleet still resends in the end.
 */
class QueuedAnswerFakeClockTest {
    private static final long MS = 1_000_000;
    private static final long T0 = 5_000 * MS;
    private static final long DEADLINE = T0 + 20_000 * MS;

    private BmcTimers fleet;
    private BmcTimers a;
    private BmcTimers b;

    @BeforeEach
    void fleetLearntAShortOpenSessionTimeout() {
        fleet = BmcTimers.fleet(Timing.DEFAULT);
        for (int i = 0; i < 20; i++) {
            BmcTimers bmc = new BmcTimers(Timing.DEFAULT, fleet);
            Exchange e = new Exchange(Phase.OPEN_SESSION, bmc, DEADLINE);
            long sent = i * MS;
            e.sent(sent);
            e.answered(bmc, sent + 10 * MS, false);
        }
        a = new BmcTimers(Timing.DEFAULT, fleet);
        b = new BmcTimers(Timing.DEFAULT, fleet);
    }

    /** Fires the retransmission timer of {@code e} as the session does until it counts as lost; returns when. */
    private static long lostAt(Exchange e, BmcTimers t, long firstFire) {
        long now = firstFire;
        for (int i = 0; i < 1000; i++) {
            long look = e.expired(t, now);
            if (look == 0) {
                return now;
            }
            now += look * MS;
        }
        throw new AssertionError("never counted as lost");
    }

    @Test
    void anAnswerQueuedBehindItsNeighboursIsNotResent() {
        Exchange first = new Exchange(Phase.OPEN_SESSION, a, DEADLINE);
        long wait = first.sent(T0);
        Exchange later = new Exchange(Phase.OPEN_SESSION, b, DEADLINE);
        later.sent(T0 + MS);
        assertTrue(wait < 120, "the learnt timeout (" + wait + " ms) runs out before the answers come");
        // The timeout runs out, and again at each look, while neither request is answered: no loss yet.
        for (long now = T0 + wait * MS; now < T0 + 120 * MS; now += MS) {
            assertTrue(first.expired(a, now) > 0, "counted as lost at " + (now - T0) / MS + " ms");
        }
        later.answered(b, T0 + 120 * MS, false);
        first.answered(a, T0 + 121 * MS, false);
        assertEquals(1, first.sends(), "sent once");
    }

    @Test
    void aLossIsResentOnceARequestSentAfterItWasAnswered() {
        Exchange lost = new Exchange(Phase.OPEN_SESSION, a, DEADLINE);
        long wait = lost.sent(T0);
        Exchange later = new Exchange(Phase.OPEN_SESSION, b, DEADLINE);
        later.sent(T0 + MS);
        later.answered(b, T0 + 12 * MS, false);
        assertEquals(T0 + wait * MS, lostAt(lost, a, T0 + wait * MS), "lost when its timeout runs out, as before");
    }

    @Test
    void aLossIsResentAsSoonAsALaterAnswerShowsIt() {
        Exchange lost = new Exchange(Phase.OPEN_SESSION, a, DEADLINE);
        long wait = lost.sent(T0);
        Exchange later = new Exchange(Phase.OPEN_SESSION, b, DEADLINE);
        later.sent(T0 + MS);
        long fire = T0 + wait * MS;
        long look = lost.expired(a, fire);
        assertTrue(look > 0, "both unanswered: it waits");
        later.answered(b, fire + MS, false);
        assertEquals(fire + look * MS, lostAt(lost, a, fire + look * MS), "lost at the next look");
        assertTrue(look <= Math.max(BmcTimers.QUEUE_LOOK_MILLIS, wait / 2));
    }

    @Test
    void aStalledFleetStillResendsAfterTheBackOffCeiling() {
        Exchange first = new Exchange(Phase.OPEN_SESSION, a, DEADLINE);
        long wait = first.sent(T0);
        new Exchange(Phase.OPEN_SESSION, b, DEADLINE).sent(T0 + MS);
        long limit = Math.max(RttEstimator.BACKOFF_FLOOR_MICROS / 1000, RttEstimator.BACKOFF_RTOS * wait);
        assertEquals(T0 + limit * MS, lostAt(first, a, T0 + wait * MS), "nothing answered: lost after " + limit + " ms");
    }

    @Test
    void theNewestRequestCountsAsLostWhenItsTimeoutRunsOut() {
        new Exchange(Phase.OPEN_SESSION, b, DEADLINE).sent(T0);
        Exchange last = new Exchange(Phase.OPEN_SESSION, a, DEADLINE);
        long wait = last.sent(T0 + MS);
        assertEquals(T0 + MS + wait * MS, lostAt(last, a, T0 + MS + wait * MS),
                "nothing sent after it: no evidence of a queue");
    }

    @Test
    void anotherStepsQueueSaysNothing() {
        Exchange lost = new Exchange(Phase.OPEN_SESSION, a, DEADLINE);
        long wait = lost.sent(T0);
        new Exchange(Phase.RAKP_1, b, DEADLINE).sent(T0 + MS);
        assertEquals(T0 + wait * MS, lostAt(lost, a, T0 + wait * MS),
                "a RAKP 1 still out (a password check) is no evidence for Open Session");
    }

    @Test
    void closeSessionDoesNotWaitForTheQueue() {
        Exchange close = new Exchange(Phase.COMMAND, a, DEADLINE);
        close.capRto(100);
        long wait = close.sent(T0);
        new Exchange(Phase.COMMAND, b, DEADLINE).sent(T0 + MS);
        assertEquals(T0 + wait * MS, lostAt(close, a, T0 + wait * MS), "the end of a run waits for no queue");
    }
}
