package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;

/** What an RMCP+ handshake status code (IPMI v2.0 §13.24, Table 13-15) means for the login. */
final class HandshakeStatus {
    private HandshakeStatus() {}

    /**
     * How often a login starts again from Open Session when the BMC says it no longer has the handshake:
     * once or twice recovers a BMC that restarted mid-login; a BMC that always says so must not make the
     * login a datagram storm until its deadline.
     */
    static final int LOST_RESTARTS = 2;

    /** The BMC does not support the proposed algorithms: another cipher suite may do. */
    static boolean refusesAlgorithms(RmcpPlusStatus status) {
        return switch (status.code()) {
            case 0x04, 0x05, 0x10, 0x11 -> true;
            default -> false;
        };
    }

    /** 02h "invalid session ID": the BMC has no handshake under our id (restarted, or timed it out). */
    static boolean lost(RmcpPlusStatus status) {
        return status.equals(RmcpPlusStatus.INVALID_SESSION_ID);
    }

    /**
     * The login's deadline passed with the BMC answering "no room" to the last try: a BMC holds a session slot
     * for each session other consoles (or earlier runs) left open until its idle timeout (commonly 60 s).
     * Reported as a timeout, it read as a silent BMC ("timeout in Open Session after 20001 ms (41 attempts)").
     */
    static IpmiException slotsTaken(String host, Phase where, RmcpPlusStatus status, long waitedMillis,
                                    int attempts) {
        return new IpmiException.ProtocolError(host, where, "BMC says " + status + " to every try for " + waitedMillis
                + " ms (" + attempts + " attempts): no free session slot (sessions left open hold theirs until the"
                + " BMC's idle timeout)");
    }

    /** The login's deadline passed while it waited in {@code where}. */
    static IpmiException outOfTime(String host, Phase where, RmcpPlusStatus shortage, long waitedMillis, int attempts,
                                   boolean heard) {
        return shortage != null ? slotsTaken(host, where, shortage, waitedMillis, attempts)
                : heard ? new IpmiException.Timeout(host, where, waitedMillis, attempts)
                : new IpmiException.Unreachable(host, where, waitedMillis);
    }

    /** RAKP 2's key exchange code (§13.21) did not check with our password. */
    static IpmiException wrongPassword(String host, boolean emptyPassword) {
        return new IpmiException.AuthenticationFailed(host, Phase.RAKP_1, emptyPassword
                ? IpmiException.AuthenticationFailed.noPassword("the BMC's RAKP 2 key exchange code does not "
                + "match an empty password")
                : "the BMC's RAKP 2 key exchange code does not match the password (wrong password)");
    }

    /** A refusal: of the credentials or role (authentication), else of the protocol. */
    static IpmiException failure(String host, Phase where, RmcpPlusStatus status, String context) {
        boolean auth = switch (status.code()) {
            case 0x09, 0x0A, 0x0D, 0x0E, 0x0F -> true;
            default -> false;
        };
        String says = "BMC says " + status + context;
        return auth ? new IpmiException.AuthenticationFailed(host, where, says)
                : new IpmiException.ProtocolError(host, where, says);
    }
}
