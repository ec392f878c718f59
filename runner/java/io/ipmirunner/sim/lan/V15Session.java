package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.sim.model.SimUser;

/** An IPMI v1.5 session (IPMI v2.0 §6.12, §22.17): one auth type for every message, the user's password. */
final class V15Session extends ServerSession {
    final int authType;
    final byte[] password;

    V15Session(int handle, int id, int authType, SimUser user, Privilege max, int initialOutboundSeq, long now) {
        super(handle, id, now);
        this.authType = authType;
        this.password = user.password().reveal();
        this.outboundSeq = initialOutboundSeq;
        activate(user, max, now);
    }

    @Override
    boolean active() {
        return true;
    }

    @Override
    int protocol() {
        return 0;
    }
}
