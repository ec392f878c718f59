package io.ipmirunner.ipmi.client;

/**
 * Where a session's payloads other than IPMI messages go (SOL, IPMI v2.0 §15.9): the one port a console
 * attached, if any, since a console owns its session alone. Loop thread only; one per session driver.
 */
final class PayloadRoute {
    /** Takes the session's payloads. */
    interface Port {
        void onPayload(byte[] data);

        /** The session is gone (lost or closed): no payload comes any more. */
        void onSessionEnded(String reason);
    }

    private Port port;

    void attach(Port p) {
        port = p;
    }

    /** Hands {@code data} to the port; false when none is attached (the payload is then dropped). */
    boolean deliver(byte[] data) {
        if (port == null) {
            return false;
        }
        port.onPayload(data);
        return true;
    }

    /** Tells the port, once, that its session ended, and detaches it. */
    void end(String reason) {
        Port p = port;
        port = null;
        if (p != null) {
            p.onSessionEnded(reason);
        }
    }
}
