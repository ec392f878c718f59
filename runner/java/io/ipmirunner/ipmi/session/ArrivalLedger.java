package io.ipmirunner.ipmi.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells from the BMC's session sequence numbers whether a request whose reply never came reached the BMC.
 *
 * <p>A BMC numbers the packets it sends in a session one by one (IPMI v2.0 §6.12.13; ipmi_sim
 * increments its outbound number per packet, lanserv_ipmi.c). With one reply per request, handled in the
 * order they arrive, the replies the BMC sent between two replies we received are exactly the requests
 * that reached it among those we sent in between. Between the answered requests {@code a} and {@code p}
 * lie {@code n} unanswered ones, the watched request among them, and the BMC's numbers jumped by
 * {@code gap + 1}: {@code gap == 0} means none of the n arrived; {@code gap == n} means all did (the watched
 * one too; only its reply was lost); anything else cannot say which. Pure, no clock, loop thread only.
 */
public final class ArrivalLedger {
    /** What the numbers say about the watched request. */
    public enum Verdict {
        /** The BMC sent a reply to it (or to a copy of it): it was executed. */
        ARRIVED,
        /** No copy reached the BMC: sending it again cannot execute it twice. */
        NOT_ARRIVED,
        /** No reply after it came back yet: ask something harmless and look again. */
        NO_EVIDENCE,
        /** Some replies were lost, and the numbers cannot say whose; or nothing answered came before it. */
        UNDECIDABLE
    }

    private static final class Sent {
        final int tag;
        boolean watched;
        long bmcSeq = -1;

        Sent(int tag, boolean watched) {
            this.tag = tag;
            this.watched = watched;
        }

        boolean answered() {
            return bmcSeq >= 0;
        }
    }

    /** The first watched send, the last answered send before it and the first answered one after it (or -1). */
    private record Span(int watched, int before, int after) {}

    private final List<Sent> sent = new ArrayList<>();

    /**
     * A request went out; {@code tag} says which replies answer it (rqSeq, netFn, command); {@code watched}
     * marks a copy of the request asked about.
     */
    public void sent(int tag, boolean watched) {
        sent.add(new Sent(tag, watched));
    }

    /** A reply with this tag came, numbered {@code sessionSeq} by the BMC: it answers the oldest such send. */
    public void answered(int tag, int sessionSeq) {
        for (Sent s : sent) {
            if (s.tag == tag && !s.answered()) {
                s.bmcSeq = Integer.toUnsignedLong(sessionSeq);
                return;
            }
        }
    }

    public Verdict verdict() {
        if (sent.stream().anyMatch(s -> s.watched && s.answered())) {
            return Verdict.ARRIVED;
        }
        Span span = span();
        if (span.watched() < 0 || span.before() < 0) {
            return Verdict.UNDECIDABLE;
        }
        if (span.after() < 0) {
            return Verdict.NO_EVIDENCE;
        }
        int between = span.after() - span.before() - 1;
        // Unsigned 32-bit numbers; across a wrap the difference is not a count, and the verdict is undecidable.
        long gap = sent.get(span.after()).bmcSeq - sent.get(span.before()).bmcSeq - 1;
        if (gap == 0) {
            return Verdict.NOT_ARRIVED;
        }
        return gap == between ? Verdict.ARRIVED : Verdict.UNDECIDABLE;
    }

    /**
     * After {@link Verdict#NOT_ARRIVED}: the sends that did not reach the BMC are forgotten (they took no
     * number), so a new copy of the watched request is judged on its own.
     */
    public void forgetLost() {
        Span span = span();
        if (span.before() >= 0 && span.after() >= 0) {
            sent.subList(span.before() + 1, span.after()).clear();
        }
    }

    /** The watched request is done with: keep only what a later verdict needs, the newest answered send on. */
    public void settle() {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).answered()) {
                sent.subList(0, i).clear();
                break;
            }
        }
        sent.forEach(s -> s.watched = false);
    }

    private Span span() {
        int first = 0;
        while (first < sent.size() && !sent.get(first).watched) {
            first++;
        }
        if (first == sent.size()) {
            return new Span(-1, -1, -1);
        }
        int before = first - 1;
        while (before >= 0 && !sent.get(before).answered()) {
            before--;
        }
        int after = first + 1;
        while (after < sent.size() && !sent.get(after).answered()) {
            after++;
        }
        return new Span(first, before, after == sent.size() ? -1 : after);
    }
}
