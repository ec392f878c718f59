package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.Rakp;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The RAKP handshakes a login's restarts left waiting, newest first. A late RAKP 2 or RAKP 4 to any of them
 * is as good as the current attempt's own answer: a password check that took longer than the timeout then
 * completes the login instead of being dropped as stale. Three cover a BMC whose check outlasts several
 * timeouts while they back off.
 *
 * <p>A handshake given up for good (another attempt went on, or the login ended) may still hold one of the
 * BMC's few session slots until the BMC's own timeout: its RAKP 1 or RAKP 3 may have arrived and only the
 * answer been lost. {@link #release} lets the BMC free it: a RAKP 3 with an error status ends a handshake
 * whose RAKP 2 went out (OpenIPMI's lanserv closes the session on any non-zero status, or on a key exchange
 * code that does not check, handle_rakp3_payload; the project's simulator likewise), and where RAKP 3 was
 * sent the BMC may have finished the handshake, so a Close Session in that session goes too. A handshake
 * whose Open Session Response was lost cannot be named and stays until the BMC times it out.
 */
final class AbandonedHandshakes {
    static final int KEPT = 3;

    private final ArrayDeque<RakpAttempt> attempts = new ArrayDeque<>();
    private final List<RakpAttempt> givenUp = new ArrayList<>();

    void remember(RakpAttempt attempt) {
        attempts.addFirst(attempt);
        if (attempts.size() > KEPT) {
            givenUp.add(attempts.removeLast());
        }
    }

    /** The current attempt got its own answer first, or the login ended: the others are given up. */
    void clear() {
        givenUp.addAll(attempts);
        attempts.clear();
    }

    /** {@code taken}'s late answer was taken: the others are given up. */
    void adopted(RakpAttempt taken) {
        attempts.remove(taken);
        clear();
    }

    /** The current attempt is dropped: from RAKP 1 on, the BMC may hold a slot for it. */
    void giveUp(RakpAttempt current) {
        if (current.awaiting() == Awaiting.RAKP_2 || current.awaiting() == Awaiting.RAKP_4) {
            givenUp.add(current);
        }
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

    /** The datagrams that let the BMC free what the attempts given up since the last call hold; sent once. */
    List<byte[]> release(CipherSuite suite, byte[] kuid, SecureRandom random) {
        List<byte[]> out = new ArrayList<>();
        for (RakpAttempt a : givenUp) {
            // No status says "the console gave up"; any non-zero one ends the handshake. The code field is
            // sent at its full length (zeros), which lanserv reads whatever the status says.
            var m3 = new Rakp.Message3(a.tag(), RmcpPlusStatus.INVALID_SESSION_ID, a.bmcSid(),
                    new byte[suite.auth().hashLength()]);
            out.add(V20Packet.encode(PayloadType.RAKP_3, false, 0, 0, m3.encode(), null));
            if (a.awaiting() == Awaiting.RAKP_4) {
                var session = new RmcpPlusSession(suite, a.keys(), kuid, a.bmcSid(), a.consoleSid(), Privilege.USER,
                        random);
                var close = Commands.CLOSE_SESSION;
                byte[] data = new SessionMessages.CloseRequest(a.bmcSid()).toBytes();
                out.add(session.encode(IpmiRequest.toBmc(close.netFn(), close.cmd(), 1, data)));
            }
        }
        givenUp.clear();
        return out;
    }
}
