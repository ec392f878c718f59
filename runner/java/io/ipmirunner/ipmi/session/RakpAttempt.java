package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.crypto.SessionKeys;

/**
 * A RAKP handshake a timeout left behind when the login started again from Open Session: what its late
 * RAKP 2 or RAKP 4 needs to be checked and taken. A slow answer, a password check that took longer than
 * its neighbours', then completes the login instead of being dropped as stale while the new attempt waits
 * for a second password check. {@code awaiting} is {@link Awaiting#RAKP_2} or {@link Awaiting#RAKP_4};
 * {@code keys} and {@code guid} are set only in the latter.
 */
record RakpAttempt(Awaiting awaiting, int tag, int consoleSid, int bmcSid, byte[] rm, int role, byte[] guid,
                   SessionKeys keys) {

    /** Whether a reply with this tag and console session id answers this attempt (§13.21, §13.23). */
    boolean answeredBy(int messageTag, int remoteConsoleSessionId) {
        return messageTag == tag && remoteConsoleSessionId == consoleSid;
    }
}
