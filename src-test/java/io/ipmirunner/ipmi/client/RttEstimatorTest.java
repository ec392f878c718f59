package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.Phase;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {
    private static final long MS = 1_000_000;

    @Test
    void beforeAnySampleTheInitialTimeoutHolds() {
        assertEquals(1000, new RttEstimator(1000, 200, 2000).rtoMillis());
        assertEquals(-1, new RttEstimator(1000, 200, 2000).srttMillis());
    }

    @Test
    void firstSampleGivesThreeRoundTripsAsRfc6298Says() {
        var e = new RttEstimator(1000, 10, 2000);
        e.sample(100 * MS);
        // SRTT = R, RTTVAR = R/2, RTO = SRTT + 4 RTTVAR = 3R
        assertEquals(100.0, e.srttMillis());
        assertEquals(300, e.rtoMillis());
    }

    @Test
    void laterSamplesAreSmoothedWithAnEighthAndAQuarter() {
        var e = new RttEstimator(1000, 10, 5000);
        e.sample(100 * MS);
        e.sample(180 * MS);
        // RTTVAR = 3/4 * 50 + 1/4 * |100 - 180| = 57.5; SRTT = 7/8 * 100 + 1/8 * 180 = 110
        assertEquals(110.0, e.srttMillis());
        assertEquals(110 + 230, e.rtoMillis());
    }

    @Test
    void fastLanRoundTripsAreClampedToTheMinimum() {
        var e = new RttEstimator(1000, 200, 2000);
        for (int i = 0; i < 20; i++) {
            e.sample(5 * MS);
        }
        assertEquals(5.0, e.srttMillis(), 0.01);
        assertEquals(200, e.rtoMillis());
    }

    @Test
    void aSteadyRoundTripConvergesBelowTheFirstEstimate() {
        var e = new RttEstimator(1000, 1, 5000);
        for (int i = 0; i < 60; i++) {
            e.sample(400 * MS);
        }
        // RTTVAR decays towards 0; RTO towards SRTT plus the clock granularity.
        assertEquals(401, e.rtoMillis(), 1);
    }

    @Test
    void slowAnswersAreClampedToTheMaximum() {
        var e = new RttEstimator(1000, 200, 2000);
        e.sample(1500 * MS);
        assertEquals(2000, e.rtoMillis());
    }

    @Test
    void backOffDoublesUpToTheMaximumAndStaysUntilTheNextSample() {
        var e = new RttEstimator(1000, 200, 2000);
        e.sample(5 * MS);
        long wait = e.rtoMillis();
        wait = e.nextMillis(wait);
        e.backedOff(wait);
        assertEquals(400, wait);
        assertEquals(400, e.rtoMillis(), "a new exchange starts from the backed-off timeout");
        assertEquals(800, e.nextMillis(400));
        assertEquals(2000, e.nextMillis(1600));
        assertEquals(2000, e.nextMillis(2000));
        e.sample(5 * MS);
        assertEquals(200, e.rtoMillis(), "a valid sample recomputes it");
    }

    @Test
    void backOffNeverLowersALearntTimeout() {
        var e = new RttEstimator(1000, 200, 2000);
        e.sample(400 * MS);
        e.backedOff(300);
        assertEquals(1200, e.rtoMillis());
    }

    @Test
    void aBackOffReplacesTheBlindFirstGuess() {
        var e = new RttEstimator(1000, 200, 2000);
        // The fleet's estimate (260 ms) ran out, doubled: the blind second is no floor for what follows.
        e.backedOff(520);
        assertEquals(520, e.rtoMillis());
        assertFalse(e.untouched());
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(1000, 0, 2000));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(1000, 300, 200));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(0, 200, 2000));
    }

    @Test
    void eachAuthenticatingStepHasItsOwnEstimator() {
        var t = new BmcTimers(Timing.DEFAULT, null);
        assertEquals(500, t.rtoMillis(Phase.DISCOVERY), "first contact: half the RFC's second");
        assertEquals(1000, t.rtoMillis(Phase.RAKP_1));
        t.sample(Phase.DISCOVERY, 5 * MS);
        assertEquals(50, t.rtoMillis(Phase.COMMAND));
        t.sample(Phase.OPEN_SESSION, 5 * MS);
        assertEquals(50, t.rtoMillis(Phase.OPEN_SESSION));
        for (Phase slow : new Phase[] {Phase.RAKP_1, Phase.ACTIVATE}) {
            assertEquals(1000, t.rtoMillis(slow), slow + " checks the password: still waits the initial second");
        }
        for (Phase fast : new Phase[] {Phase.RAKP_3, Phase.CHALLENGE}) {
            assertEquals(500, t.rtoMillis(fast), fast + " checks no password: first contact, unmeasured");
        }
        t.sample(Phase.RAKP_1, 250 * MS);
        assertEquals(750, t.rtoMillis(Phase.RAKP_1));
        assertEquals(500, t.rtoMillis(Phase.RAKP_3));
        assertEquals(50, t.rtoMillis(Phase.PING), "pre-session queries are commands");
        assertEquals(100, t.backOff(Phase.PING, 50));
        assertEquals(100, t.rtoMillis(Phase.COMMAND));
    }

    @Test
    void anUnmeasuredBmcStartsFromWhatTheFleetMeasured() {
        var fleet = BmcTimers.fleet(Timing.DEFAULT);
        var first = new BmcTimers(Timing.DEFAULT, fleet);
        var second = new BmcTimers(Timing.DEFAULT, fleet);
        assertEquals(1000, second.rtoMillis(Phase.RAKP_1), "nothing measured anywhere yet");
        assertTrue(second.unmeasured(Phase.RAKP_1), "a blind guess: the exchange keeps looking at the fleet");
        assertEquals(500, second.rtoMillis(Phase.COMMAND));
        first.sample(Phase.RAKP_1, 200 * MS);
        first.sample(Phase.COMMAND, 5 * MS);
        assertEquals(600, second.rtoMillis(Phase.RAKP_1));
        assertFalse(second.unmeasured(Phase.RAKP_1), "the fleet has measured it");
        assertTrue(second.unmeasured(Phase.RAKP_3));
        assertEquals(50, second.rtoMillis(Phase.COMMAND));
        assertEquals(500, second.rtoMillis(Phase.RAKP_3), "only what was measured is shared");
        assertEquals(1200, second.backOff(Phase.RAKP_1, 600));
        assertEquals(1200, second.rtoMillis(Phase.RAKP_1), "once backed off, a BMC keeps its own timeout");
    }

    @Test
    void aBlindRequestIsLateOnlyOnceTheFleetsSlowerAnswersAreIn() {
        var fleet = BmcTimers.fleet(Timing.DEFAULT);
        var waiting = new BmcTimers(Timing.DEFAULT, fleet);
        assertEquals(-1, waiting.lateAfterMillis(Phase.RAKP_1), "nothing measured anywhere");
        for (int i = 0; i < 10; i++) {
            new BmcTimers(Timing.DEFAULT, fleet).sample(Phase.RAKP_1, 200 * MS);
        }
        assertEquals(230, fleet.rtoMillis(Phase.RAKP_1), "the estimate the first, fast answers teach");
        assertEquals(250, waiting.lateAfterMillis(Phase.RAKP_1), "a quarter above the slowest answer");
        new BmcTimers(Timing.DEFAULT, fleet).sample(Phase.RAKP_1, 300 * MS);
        assertEquals(375, waiting.lateAfterMillis(Phase.RAKP_1), "keeps pace with slower answers still coming in");
        for (int i = 0; i < BmcTimers.RECENT_SAMPLES; i++) {
            new BmcTimers(Timing.DEFAULT, fleet).sample(Phase.RAKP_1, 200 * MS);
        }
        assertEquals(250, waiting.lateAfterMillis(Phase.RAKP_1), "an old slow answer is forgotten");
        assertEquals(-1, waiting.lateAfterMillis(Phase.RAKP_3), "only what was measured counts");
        waiting.sample(Phase.RAKP_1, 220 * MS);
        assertEquals(221, waiting.lateAfterMillis(Phase.RAKP_1), 1,
                "once measured, the BMC's own estimate: its round trip, the fleet's (small) variation");
    }

    @Test
    void aBmcsFirstRoundTripTakesItsVariationFromTheFleet() {
        var fleet = BmcTimers.fleet(Timing.DEFAULT);
        var lone = new BmcTimers(Timing.DEFAULT, null);
        lone.sample(Phase.RAKP_1, 300 * MS);
        assertEquals(900, lone.rtoMillis(Phase.RAKP_1), "RFC 6298 alone: 3 x the first round trip");
        var early = new BmcTimers(Timing.DEFAULT, fleet);
        early.sample(Phase.RAKP_1, 300 * MS);
        assertEquals(900, early.rtoMillis(Phase.RAKP_1), "the fleet knows too little yet");
        for (int i = 1; i < BmcTimers.PRIOR_SAMPLES; i++) {
            new BmcTimers(Timing.DEFAULT, fleet).sample(Phase.RAKP_1, 300 * MS);
        }
        // Sixteen equal round trips: the fleet's variation has decayed to 150 ms x 0.75^15, about 2 ms.
        var late = new BmcTimers(Timing.DEFAULT, fleet);
        late.sample(Phase.RAKP_1, 300 * MS);
        assertEquals(308, late.rtoMillis(Phase.RAKP_1), 2);
        var other = new BmcTimers(Timing.DEFAULT, fleet);
        other.sample(Phase.RAKP_3, 10 * MS);
        assertEquals(50, other.rtoMillis(Phase.RAKP_3), "a step the fleet has not measured: RFC 6298's start");
    }
}
