package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.WireMessage;

/** A command's result before framing: completion code and response data (empty unless the code is 0). */
public record Answer(int completionCode, byte[] data) {
    public static final Answer OK = new Answer(0, new byte[0]);
    public static final Answer BUSY = code(0xC0);
    public static final Answer INVALID_COMMAND = code(0xC1);
    public static final Answer LENGTH_INVALID = code(0xC7);
    public static final Answer OUT_OF_RANGE = code(0xC9);
    public static final Answer NOT_PRESENT = code(0xCB);
    public static final Answer INVALID_FIELD = code(0xCC);
    public static final Answer INSUFFICIENT_PRIVILEGE = code(0xD4);
    public static final Answer NOT_IN_THIS_STATE = code(0xD5);
    public static final Answer RESERVATION_CANCELLED = code(0xC5);

    public Answer {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public static Answer ok(WireMessage m) {
        return new Answer(0, m.toBytes());
    }

    public static Answer code(int cc) {
        return new Answer(cc, new byte[0]);
    }
}
