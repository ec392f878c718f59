package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.crypto.SessionKeys;

/**
 * A RAKP handshake a timeout left behind when the login started again from Open Session: what its late
 * RAKP 2 or RAKP 4 needs to be checked and taken. A slow answer, a password check that took longer than
 * its neighbours', then completes the login instead of being dropped as stale while the new attempt waits
 * for a second password check. {@code waitingIn} is {@link Phase#RAKP_1} (RAKP 2 due) or
 * {@link Phase#RAKP_3} (RAKP 4 due); {@code keys} and {@code guid} are set only in the latter.
 */
record RakpAttempt(Phase waitingIn, int tag, int consoleSid, int bmcSid, byte[] rm, int role, byte[] guid,
                   SessionKeys keys) {

    /** Whether a reply with this tag and console session id answers this attempt (§13.21, §13.23). */
    boolean answeredBy(int messageTag, int remoteConsoleSessionId) {
        return messageTag == tag && remoteConsoleSessionId == consoleSid;
    }
}
