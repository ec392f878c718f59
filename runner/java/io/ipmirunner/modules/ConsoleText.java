package io.ipmirunner.modules;

/**
 * A serial console's output as text for results and matching: ANSI/VT100 escape sequences removed (CSI
 * {@code ESC [ ... final}, OSC {@code ESC ] ... BEL or ESC \}, {@code ESC ( B} and other ESC sequences), carriage
 * returns and other control characters dropped except newline and tab, bytes read as ISO-8859-1 (a serial line
 * has no declared encoding; every byte stays one character). Streaming: a sequence split across two reads is
 * still removed. Only the last {@code cap} characters are kept (a ring), so a chatty host cannot exhaust memory.
 */
final class ConsoleText {
    private enum State { TEXT, ESC, ESC_INTERMEDIATE, CSI, OSC, OSC_ESC }

    /** Longer "sequences" are garbage (line noise at a wrong baud rate): back to text, nothing swallowed for ever. */
    private static final int MAX_SEQUENCE = 256;

    private final int cap;
    private final char[] ring;
    private int start;
    private int length;
    private long dropped;
    private State state = State.TEXT;
    private int sequenceLength;

    ConsoleText(int cap) {
        this.cap = cap;
        this.ring = new char[cap];
    }

    void append(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            accept((char) (bytes[i] & 0xFF));
        }
    }

    private void accept(char c) {
        if (state != State.TEXT && ++sequenceLength > MAX_SEQUENCE) {
            state = State.TEXT;
        }
        if (state == State.TEXT) {
            sequenceLength = 0;
        }
        state = switch (state) {
            case TEXT -> {
                if (c == 0x1B) {
                    yield State.ESC;
                }
                if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0)) {
                    put(c);
                }
                yield State.TEXT;
            }
            case ESC -> c == '[' ? State.CSI : c == ']' ? State.OSC : c >= 0x20 && c <= 0x2F ? State.ESC_INTERMEDIATE
                    : State.TEXT;
            // ESC, intermediate bytes 0x20-0x2F, a final byte (ECMA-35 §13.2): charset choices such as ESC ( B.
            case ESC_INTERMEDIATE -> c >= 0x20 && c <= 0x2F ? State.ESC_INTERMEDIATE : State.TEXT;
            // CSI: parameter and intermediate bytes 0x20-0x3F until a final byte 0x40-0x7E (ECMA-48 §5.4).
            case CSI -> c >= 0x40 && c <= 0x7E ? State.TEXT : c >= 0x20 ? State.CSI : State.TEXT;
            case OSC -> c == 0x07 ? State.TEXT : c == 0x1B ? State.OSC_ESC : State.OSC;
            case OSC_ESC -> c == '\\' ? State.TEXT : State.OSC;
        };
    }

    private void put(char c) {
        if (length < cap) {
            ring[(start + length++) % cap] = c;
        } else {
            ring[start] = c;
            start = (start + 1) % cap;
            dropped++;
        }
    }

    /** The text kept: the last {@code cap} characters. */
    String text() {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ring[(start + i) % cap]);
        }
        return b.toString();
    }

    /** Forgets the first {@code n} characters kept (text an expectation has consumed). */
    void dropFirst(int n) {
        int k = Math.min(n, length);
        start = (start + k) % cap;
        length -= k;
    }

    /** Characters that fell out of the ring. */
    long dropped() {
        return dropped;
    }
}
