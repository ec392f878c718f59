package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.sim.model.SimUser;

/**
 * An RMCP+ session through its handshake (IPMI v2.0 §13.15-§13.23): opened by Open Session, then RAKP 1
 * answered (the BMC holds Rm, Rc, the role byte and the name for the RAKP 3 check), then active with keys.
 */
final class PlusSession extends ServerSession {
    enum State { OPENED, RAKP2_SENT, ACTIVE }

    final int consoleId;
    final CipherSuite suite;
    final Privilege requestedMax;
    /** The Open Session Request's privilege byte as sent, 0 ("highest") included. */
    final int requestedPrivilegeByte;
    State state = State.OPENED;
    int tag;
    byte[] rm;
    byte[] rc;
    int role;
    byte[] username;
    SimUser candidate;
    SessionKeys keys;
    byte[] kuid;

    PlusSession(int handle, int id, int consoleId, CipherSuite suite, int requestedPrivilegeByte,
            Privilege requestedMax, long now) {
        super(handle, id, now);
        this.consoleId = consoleId;
        this.suite = suite;
        this.requestedPrivilegeByte = requestedPrivilegeByte;
        this.requestedMax = requestedMax;
    }

    @Override
    boolean active() {
        return state == State.ACTIVE;
    }

    @Override
    int protocol() {
        return 1;
    }

    void established(SessionKeys k, long now) {
        keys = k;
        kuid = candidate.password().reveal();
        state = State.ACTIVE;
        // The session's ceiling is the role granted in RAKP, not the user's limit (§13.20).
        activate(candidate, Privilege.fromCode(role & 0x0F).orElse(Privilege.USER), now);
        rm = null;
        rc = null;
    }
}
