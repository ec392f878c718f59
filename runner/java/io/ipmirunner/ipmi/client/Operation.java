package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.concurrent.CompletableFuture;

/** One request waiting for its response in a session; owned by the loop thread. */
final class Operation {
    final String name;
    final int netFn;
    final int cmd;
    final byte[] data;
    final CompletableFuture<IpmiResponse> result = new CompletableFuture<>();
    /**
     * Sent once, never retransmitted, no reply awaited (the result completes with null once sent), and the
     * session is forgotten after it: for Cold/Warm Reset, after which the BMC no longer knows the session.
     */
    final boolean lastInSession;
    /**
     * False for a request that must not run twice ({@link Commands#idempotent}): it is never resent blindly
     * ({@link Transmissions}), and if the BMC loses the session under it, it is not sent again after a fresh login.
     */
    final boolean idempotent;
    /** Already sent again after a fresh login: a second loss fails it. */
    boolean resentAfterLogin;
    /** Set when a copy was resent without knowing whether an earlier one had reached the BMC. */
    volatile boolean duplicatePossible;
    /** Harmless requests sent to learn whether this one arrived. */
    int probes;
    /** The rqSeq of the latest transmission. */
    int rqSeq;
    /** Bit n set: this operation was sent with rqSeq n (6 bits, IPMI v2.0 §13.8). */
    private long seqsUsed;
    int attempts;
    int busyRetries;
    /** The last answer was "node busy": the next send is a re-ask, not a retransmission. */
    boolean lastAnswerBusy;
    long started;
    /** When the latest transmission went out (System.nanoTime). */
    long sentAt;
    long rto;
    EventLoop.Timer retransmit;
    EventLoop.Timer deadline;

    Operation(String name, int netFn, int cmd, byte[] data) {
        this(name, netFn, cmd, data, false);
    }

    Operation(String name, int netFn, int cmd, byte[] data, boolean lastInSession) {
        this.lastInSession = lastInSession;
        this.idempotent = Commands.idempotent(netFn, cmd, data);
        this.name = name;
        this.netFn = netFn;
        this.cmd = cmd;
        this.data = data.clone();
    }

    /** Whether the BMC lost the session under it and it may go out again in a new one; if so, it is ready to. */
    boolean resendAfterLogin() {
        if (!idempotent || resentAfterLogin) {
            return false;
        }
        resentAfterLogin = true;
        attempts = 0;
        busyRetries = 0;
        lastAnswerBusy = false;
        return true;
    }

    /** Short and capped: a busy BMC is usually free again within a few hundred milliseconds. */
    long busyDelayMillis() {
        return Math.min(800, 50L << Math.min(busyRetries, 4));
    }

    void useSeq(int rqSeq) {
        this.rqSeq = rqSeq;
        seqsUsed |= 1L << rqSeq;
    }

    /**
     * Whether reply {@code r} gives a round-trip sample: it is known which transmission it answers. Karn's
     * rule (RFC 6298 §3) takes samples only from requests sent once, since a TCP acknowledgement does not
     * say which copy it acknowledges; an IPMI reply does when every copy went out with its own rqSeq (as an
     * idempotent request's resends do, {@link Transmissions}), as TCP's timestamps do (RFC 7323 §4). Without
     * it a BMC whose requests met loss a few times running kept a backed-off two-second timeout for every
     * later request, and each further loss cost two seconds.
     */
    boolean measuredBy(IpmiResponse r) {
        return attempts == 1 || idempotent && r.rqSeq() == rqSeq;
    }

    boolean answeredBy(IpmiResponse r) {
        return r.netFn() == (netFn | 1) && r.cmd() == cmd && (seqsUsed & 1L << r.rqSeq()) != 0;
    }

    void cancelTimers() {
        EventLoop.Timer.cancel(retransmit);
        EventLoop.Timer.cancel(deadline);
    }
}
