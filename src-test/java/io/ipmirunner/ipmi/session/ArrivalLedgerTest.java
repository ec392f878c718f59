package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.ipmi.session.ArrivalLedger.Verdict;
import org.junit.jupiter.api.Test;

/** The BMC numbers its replies one by one: gaps between received numbers count the replies that were lost. */
class ArrivalLedgerTest {
    /** An answered read (BMC number 10), then the watched write (tag 2), then a probe (tag 3). */
    private static ArrivalLedger writeThenProbe() {
        ArrivalLedger l = new ArrivalLedger();
        l.sent(1, false);
        l.answered(1, 10);
        l.sent(2, true);
        l.sent(3, false);
        return l;
    }

    @Test
    void aProbeAnsweredWithTheNextNumberMeansTheWriteNeverArrived() {
        ArrivalLedger l = writeThenProbe();
        assertEquals(Verdict.NO_EVIDENCE, l.verdict());
        l.answered(3, 11);
        assertEquals(Verdict.NOT_ARRIVED, l.verdict());
    }

    @Test
    void aSkippedNumberIsTheWritesLostReply() {
        ArrivalLedger l = writeThenProbe();
        l.answered(3, 12);
        assertEquals(Verdict.ARRIVED, l.verdict());
    }

    @Test
    void aLostProbeReplyMakesOneSkippedNumberUndecidable() {
        ArrivalLedger l = writeThenProbe();
        l.sent(4, false);
        l.answered(4, 12); // the write's reply or the first probe's: no telling
        assertEquals(Verdict.UNDECIDABLE, l.verdict());
        l.forgetLost();
        l.sent(2, true); // resent with the same tag: judged on its own
        l.sent(5, false);
        l.answered(5, 14);
        assertEquals(Verdict.ARRIVED, l.verdict());
    }

    @Test
    void withoutAnAnsweredRequestBeforeTheWriteNothingCanBeSaid() {
        ArrivalLedger l = new ArrivalLedger();
        l.sent(2, true);
        l.sent(3, false);
        l.answered(3, 5);
        assertEquals(Verdict.UNDECIDABLE, l.verdict());
    }

    @Test
    void settlingForgetsTheWatchedRequestButKeepsTheAnchor() {
        ArrivalLedger l = writeThenProbe();
        l.answered(2, 11);
        assertEquals(Verdict.ARRIVED, l.verdict());
        l.settle();
        l.sent(6, true);
        l.sent(7, false);
        l.answered(7, 13); // number 12 is the late probe 3's lost reply, number 13 the new probe's
        assertEquals(Verdict.UNDECIDABLE, l.verdict());
    }
}
