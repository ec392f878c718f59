package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.sim.model.SimUser;

/**
 * An IPMI v1.5 session (IPMI v2.0 §6.12, §22.17): one auth type for every request, the user's password, and
 * the auth type the BMC signs its replies with (the same, but for quirk {@code unexpected-v15-auth}).
 */
final class V15Session extends ServerSession {
    final int authType;
    final int replyAuthType;
    final byte[] password;

    V15Session(int handle, int id, int authType, int replyAuthType, SimUser user, Privilege max,
            int initialOutboundSeq, long now) {
        super(handle, id, now);
        this.authType = authType;
        this.replyAuthType = replyAuthType;
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
