package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.sim.model.SimUser;

/**
 * A session as the BMC holds it. The handle (1..limit) is the slot it occupies, the id the BMC's session
 * id that consoles put in their packets. A session starts at user privilege and may be raised up to its
 * maximum with Set Session Privilege Level (IPMI v2.0 §22.18), as both ipmi_sim and real BMCs do.
 */
abstract sealed class ServerSession permits PlusSession, V15Session {
    final int handle;
    final int id;
    final InboundWindow window = new InboundWindow();
    SimUser user;
    Privilege max;
    Privilege privilege;
    long lastActive;
    int outboundSeq = 1;

    ServerSession(int handle, int id, long now) {
        this.handle = handle;
        this.id = id;
        this.lastActive = now;
    }

    abstract boolean active();

    /** IPMI v2.0 Get Session Info "session protocol auxiliary data": 0 = v1.5, 1 = v2.0 (Table 22-26). */
    abstract int protocol();

    int nextOutboundSeq() {
        int s = outboundSeq;
        outboundSeq = outboundSeq == -1 ? 1 : outboundSeq + 1; // 0 is never used in a session (§6.12.13)
        return s;
    }

    void activate(SimUser u, Privilege maxPrivilege, long now) {
        user = u;
        max = maxPrivilege;
        privilege = maxPrivilege.atLeast(Privilege.USER) ? Privilege.USER : maxPrivilege;
        lastActive = now;
    }
}
