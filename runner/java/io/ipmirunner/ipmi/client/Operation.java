package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.concurrent.CompletableFuture;

/** One request a module asked for in a session, and its {@link Exchange} once it is in flight. Loop thread only. */
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
    int busyRetries;
    /** The last answer was "node busy": the next send, when the retransmission timer runs out, is a re-ask. */
    boolean lastAnswerBusy;
    /** Its transmissions in the current session; null until it first goes out. */
    Exchange exchange;

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

    /** Get Device ID (IPMI v2.0 §20.1), harmless and answered by every BMC: a keep-alive, named for {@code why}. */
    static Operation getDeviceId(String why) {
        var spec = Commands.GET_DEVICE_ID;
        return new Operation(spec.name() + " (" + why + ")", spec.netFn(), spec.cmd(), new byte[0]);
    }

    /** Whether the BMC lost the session under it and it may go out again in a new one; if so, it is ready to. */
    boolean resendAfterLogin() {
        if (!idempotent || resentAfterLogin) {
            return false;
        }
        resentAfterLogin = true;
        exchange = null;
        busyRetries = 0;
        lastAnswerBusy = false;
        return true;
    }

    /** Transmissions in its latest session, for what a failure reports. */
    int attempts() {
        return exchange == null ? 0 : exchange.sends();
    }

    /** How long since it first went out in its latest session (0 if it never did). */
    long waitedMillis(long now) {
        return exchange == null || exchange.sends() == 0 ? 0 : (now - exchange.firstSentAt()) / 1_000_000;
    }

    /** Short and capped: a busy BMC is usually free again within a few hundred milliseconds. */
    long busyDelayMillis() {
        return Math.min(800, 50L << Math.min(busyRetries, 4));
    }

    /**
     * Whether reply {@code r} answers the latest transmission, so that its round trip is a sample even after
     * resends. Karn's rule (RFC 6298 §3) takes samples only from requests sent once, since a TCP
     * acknowledgement does not say which copy it acknowledges; an IPMI reply does when every copy went out
     * with its own rqSeq (as an idempotent request's resends do, {@link Transmissions}), as TCP's timestamps
     * do (RFC 7323 §4). Without it a BMC whose requests met loss a few times running kept a backed-off
     * two-second timeout for every later request, and each further loss cost two seconds.
     */
    boolean measuredBy(IpmiResponse r) {
        return idempotent && r.rqSeq() == exchange.rqSeq();
    }

    boolean answeredBy(IpmiResponse r) {
        return exchange != null && r.netFn() == (netFn | 1) && r.cmd() == cmd && exchange.usedSeq(r.rqSeq());
    }
}
