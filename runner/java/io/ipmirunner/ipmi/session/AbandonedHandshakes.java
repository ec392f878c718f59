package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.Rakp;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.util.ArrayDeque;

/**
 * The RAKP handshakes a login's restarts left waiting, newest first. A late RAKP 2 or RAKP 4 to any of them
 * is as good as the current attempt's own answer: a password check that took longer than the timeout then
 * completes the login instead of being dropped as stale. Three cover a BMC whose check outlasts several
 * timeouts while they back off.
 */
final class AbandonedHandshakes {
    static final int KEPT = 3;

    private final ArrayDeque<RakpAttempt> attempts = new ArrayDeque<>();

    void remember(RakpAttempt attempt) {
        attempts.addFirst(attempt);
        if (attempts.size() > KEPT) {
            attempts.removeLast();
        }
    }

    /** The current attempt got its own answer first: the others' answers are stale from now on. */
    void clear() {
        attempts.clear();
    }

    /** The abandoned attempt this packet answers (a RAKP 2 or RAKP 4 with its tag and session id), or null. */
    RakpAttempt answeredBy(V20Packet p) throws MalformedPacketException {
        boolean rakp2 = p.payloadType() == PayloadType.RAKP_2;
        if (attempts.isEmpty() || !rakp2 && p.payloadType() != PayloadType.RAKP_4) {
            return null;
        }
        int tag;
        int consoleSessionId;
        if (rakp2) {
            var m2 = Rakp.Message2.decode(p.payload());
            tag = m2.messageTag();
            consoleSessionId = m2.remoteConsoleSessionId();
        } else {
            var m4 = Rakp.Message4.decode(p.payload());
            tag = m4.messageTag();
            consoleSessionId = m4.remoteConsoleSessionId();
        }
        for (RakpAttempt a : attempts) {
            if (a.awaiting() == (rakp2 ? Awaiting.RAKP_2 : Awaiting.RAKP_4) && a.answeredBy(tag, consoleSessionId)) {
                return a;
            }
        }
        return null;
    }
}
