package io.ipmirunner.cli;

import java.io.ByteArrayOutputStream;

/**
 * The escape sequences of an interactive console, as ipmitool's and ssh's: at the start of a line {@code ~.}
 * leaves, {@code ~B} sends a serial break (ipmitool's key) and {@code ~~} types one {@code ~}; any other
 * {@code ~} is typed as it is. Pure: keys in, the bytes to send, where a break goes among them, and whether to
 * leave out.
 */
final class ConsoleEscape {
    private enum State { LINE_START, TEXT, TILDE }

    /**
     * What some keys amount to: bytes for the host, the index in them before which a break goes (-1: none; two
     * in one call are one), and whether the operator asked to leave.
     */
    record Keys(byte[] send, int breakAt, boolean leave) {}

    private State state = State.LINE_START;

    Keys feed(byte[] keys, int len) {
        ByteArrayOutputStream send = new ByteArrayOutputStream();
        int breakAt = -1;
        for (int i = 0; i < len; i++) {
            byte b = keys[i];
            switch (state) {
                case LINE_START -> {
                    if (b == '~') {
                        state = State.TILDE;
                        continue;
                    }
                    send.write(b);
                    state = b == '\r' || b == '\n' ? State.LINE_START : State.TEXT;
                }
                case TEXT -> {
                    send.write(b);
                    state = b == '\r' || b == '\n' ? State.LINE_START : State.TEXT;
                }
                case TILDE -> {
                    if (b == '.') {
                        return new Keys(send.toByteArray(), breakAt, true);
                    }
                    if (b == 'B') {
                        breakAt = breakAt < 0 ? send.size() : breakAt;
                        state = State.LINE_START; // so a SysRq key may follow, or ~. leave

                        continue;
                    }
                    send.write('~');
                    if (b != '~') {
                        send.write(b);
                    }
                    state = b == '\r' || b == '\n' ? State.LINE_START : State.TEXT;
                }
            }
        }
        return new Keys(send.toByteArray(), breakAt, false);
    }
}
