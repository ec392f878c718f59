package io.ipmirunner.cli;

import java.io.ByteArrayOutputStream;

/**
 * The escape sequences of an interactive console, as ipmitool's and ssh's: at the start of a line {@code ~.}
 * leaves and {@code ~~} types one {@code ~}; any other {@code ~} is typed as it is. Pure: keys in, the bytes
 * to send and whether to leave out.
 */
final class ConsoleEscape {
    private enum State { LINE_START, TEXT, TILDE }

    /** What some keys amount to: bytes for the host, and whether the operator asked to leave. */
    record Keys(byte[] send, boolean leave) {}

    private State state = State.LINE_START;

    Keys feed(byte[] keys, int len) {
        ByteArrayOutputStream send = new ByteArrayOutputStream();
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
                        return new Keys(send.toByteArray(), true);
                    }
                    send.write('~');
                    if (b != '~') {
                        send.write(b);
                    }
                    state = b == '\r' || b == '\n' ? State.LINE_START : State.TEXT;
                }
            }
        }
        return new Keys(send.toByteArray(), false);
    }
}
