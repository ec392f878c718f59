package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.session.ArrivalLedger;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;

/**
 * The requests of one session as they go out: their rqSeq (6 bits, IPMI v2.0 §13.8), and for a request that
 * must not run twice ({@link Operation#idempotent} false) what to do when its reply does not come.
 *
 * <p>An idempotent request gets a fresh rqSeq on every transmission, and a late reply to any copy still
 * counts. A non-idempotent one is not resent blindly: the BMC may have executed it and only the reply been
 * lost. Instead a harmless Get Device ID goes out, and the {@link ArrivalLedger} reads the BMC's session
 * sequence numbers: when they show the BMC answered it, it is done (the reply was lost). Otherwise it is
 * resent as a retry: the same rqSeq in a new packet (a new session sequence number, else the BMC's replay
 * window drops it, §6.12.13), so that a BMC that detects duplicates by rqSeq executes it once; and the
 * operation is marked {@link Operation#duplicatePossible}, since IPMI does not oblige a BMC to detect them
 * (ipmi_sim does not). Loop thread only.
 */
final class Transmissions {
    /** Probes before resending anyway: each probe whose reply is lost makes a verdict less likely. */
    private static final int MAX_PROBES = 3;

    /** What the driver does next for the request in flight. */
    sealed interface Next {
        /** Transmit it again (a non-idempotent request with its rqSeq). */
        record Resend() implements Next {}

        /** Send a probe ({@link #probe}) and wait another retransmission timeout. */
        record Probe() implements Next {}

        /** The BMC executed it; its reply was lost. */
        record Arrived() implements Next {}

        record Wait() implements Next {}
    }

    private final ArrivalLedger ledger = new ArrivalLedger();
    private int rqSeq;

    /** The request for this transmission of {@code op}: a resent non-idempotent request keeps its rqSeq. */
    IpmiRequest request(Operation op, boolean resend) {
        int seq = resend && !op.idempotent ? op.exchange.rqSeq() : next();
        op.exchange.useSeq(seq);
        op.probes = 0;
        ledger.sent(tag(op.netFn, op.cmd, seq), !op.idempotent);
        return IpmiRequest.toBmc(op.netFn, op.cmd, seq, op.data);
    }

    IpmiRequest probe(Operation op) {
        op.probes++;
        int seq = next();
        var spec = Commands.GET_DEVICE_ID;
        ledger.sent(tag(spec.netFn(), spec.cmd(), seq), false);
        return IpmiRequest.toBmc(spec.netFn(), spec.cmd(), seq, new byte[0]);
    }

    /** A reply in this session, numbered {@code sessionSeq} by the BMC. */
    void answered(IpmiResponse r, int sessionSeq) {
        ledger.answered(tag(r.netFn() & ~1, r.cmd(), r.rqSeq()), sessionSeq);
    }

    /**
     * Which request a reply answers: rqSeq alone is not enough, since its 6 bits come round every 64 requests
     * and a late reply to a request 64 back would pass for the current one's.
     */
    private static int tag(int netFn, int cmd, int rqSeq) {
        return netFn << 14 | cmd << 6 | rqSeq;
    }

    /** The operation in flight is done with (answered, or answered busy and to be asked anew). */
    void settle() {
        ledger.settle();
    }

    /** The retransmission timer of the request in flight expired. */
    Next onTimeout(Operation op) {
        if (op.idempotent) {
            return new Next.Resend();
        }
        return switch (ledger.verdict()) {
            case NO_EVIDENCE -> op.probes < MAX_PROBES ? new Next.Probe() : blind(op);
            case UNDECIDABLE -> blind(op);
            default -> decided(op);
        };
    }

    /** Another reply (a probe's, or a late one) came while {@code op} waits. */
    Next onOtherReply(Operation op) {
        if (op.idempotent) {
            return new Next.Wait();
        }
        return switch (ledger.verdict()) {
            case NO_EVIDENCE -> new Next.Wait();
            case UNDECIDABLE -> blind(op);
            default -> decided(op);
        };
    }

    /**
     * Resends without knowing whether an earlier copy arrived. The sends the numbers could not account for
     * are forgotten, so that the new copy is judged on its own and only resent again if it is shown lost.
     */
    private Next blind(Operation op) {
        op.duplicatePossible = true;
        ledger.forgetLost();
        return new Next.Resend();
    }

    /**
     * Only "it arrived" is taken from the numbers: a reply numbered in between is proof the BMC executed the
     * request. "It did not arrive" rests on more (the BMC answers in order, one reply each, and the path does
     * not reorder), which a BMC that handles commands concurrently breaks; so that resend, too, is marked.
     */
    private Next decided(Operation op) {
        return ledger.verdict() == ArrivalLedger.Verdict.ARRIVED ? new Next.Arrived() : blind(op);
    }

    private int next() {
        rqSeq = rqSeq + 1 & 0x3F;
        return rqSeq;
    }
}
