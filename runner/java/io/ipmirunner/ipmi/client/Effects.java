package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.ArrayList;
import java.util.List;

/** The effects one event produced, in order: what the parts of {@link SessionMachine} append to. */
final class Effects {
    private final List<SessionEffect> list = new ArrayList<>(4);

    void send(byte[] datagram) {
        list.add(new SessionEffect.Send(datagram));
    }

    void arm(SessionTimer timer, long delayMillis) {
        list.add(new SessionEffect.Arm(timer, Math.max(0, delayMillis)));
    }

    void disarm(SessionTimer timer) {
        list.add(new SessionEffect.Disarm(timer));
    }

    void complete(Operation op, IpmiResponse response) {
        list.add(new SessionEffect.Complete(op, response));
    }

    void fail(Operation op, IpmiException failure) {
        list.add(new SessionEffect.Fail(op, failure));
    }

    void add(SessionEffect e) {
        list.add(e);
    }

    List<SessionEffect> list() {
        return list;
    }
}
