package io.ipmirunner.sim.lan;

/**
 * The session slots of one BMC. Sessions idle longer than the timeout are dropped, as are handshakes
 * left unfinished for {@link #HANDSHAKE_TIMEOUT_MILLIS}; when the table is full a new handshake may push
 * out the oldest unfinished one, so stray Open Session requests cannot lock out a real console for long.
 */
final class SessionTable {
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /** How many activated v1.5 temporary ids are remembered; a challenge lives at most two time slots. */
    private static final int USED_IDS = 16;

    private final ServerSession[] slots;
    private int[] usedTemporaryIds;
    private int usedNext;
    private final long idleTimeoutMillis;
    private final int resetsSeen;

    SessionTable(int limit, long idleTimeoutMillis, int resetsSeen) {
        this.slots = new ServerSession[limit];
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.resetsSeen = resetsSeen;
    }

    /** The BMC reset count this table belongs to: a cold reset forgets every session. */
    int resetsSeen() {
        return resetsSeen;
    }

    int capacity() {
        return slots.length;
    }

    ServerSession byId(int id) {
        for (ServerSession s : slots) {
            if (s != null && s.id == id) {
                return s;
            }
        }
        return null;
    }

    ServerSession byHandle(int handle) {
        return handle >= 1 && handle <= slots.length ? slots[handle - 1] : null;
    }

    /** The n-th active session (1-based) in handle order, as Get Session Info counts them. */
    ServerSession nthActive(int n) {
        int seen = 0;
        for (ServerSession s : slots) {
            if (s != null && s.active() && ++seen == n) {
                return s;
            }
        }
        return null;
    }

    int activeCount() {
        int n = 0;
        for (ServerSession s : slots) {
            n += s != null && s.active() ? 1 : 0;
        }
        return n;
    }

    void expire(long now) {
        for (int i = 0; i < slots.length; i++) {
            ServerSession s = slots[i];
            if (s != null && now - s.lastActive > (s.active() ? idleTimeoutMillis : HANDSHAKE_TIMEOUT_MILLIS)) {
                slots[i] = null;
            }
        }
    }

    /** A free handle, pushing out the oldest unfinished handshake if need be; 0 when every slot is in use. */
    int freeHandle(long now) {
        expire(now);
        int oldestPending = -1;
        for (int i = 0; i < slots.length; i++) {
            ServerSession s = slots[i];
            if (s == null) {
                return i + 1;
            }
            if (!s.active() && (oldestPending < 0 || s.lastActive < slots[oldestPending].lastActive)) {
                oldestPending = i;
            }
        }
        if (oldestPending < 0) {
            return 0;
        }
        slots[oldestPending] = null;
        return oldestPending + 1;
    }

    void put(ServerSession s) {
        slots[s.handle - 1] = s;
    }

    void remove(ServerSession s) {
        if (slots[s.handle - 1] == s) {
            slots[s.handle - 1] = null;
        }
    }

    /** Records an IPMI v1.5 temporary session id as activated; false if it already was (a replay). */
    boolean firstUseOf(int temporaryId) {
        if (usedTemporaryIds == null) {
            usedTemporaryIds = new int[USED_IDS]; // only BMCs that see v1.5 logins pay for it
        }
        for (int used : usedTemporaryIds) {
            if (used == temporaryId) {
                return false;
            }
        }
        usedTemporaryIds[usedNext] = temporaryId;
        usedNext = (usedNext + 1) % USED_IDS;
        return true;
    }

    /** A session id not in use (and not 0). */
    int newId(LanServices services) {
        int id;
        do {
            id = services.nonZeroInt();
        } while (byId(id) != null);
        return id;
    }
}
