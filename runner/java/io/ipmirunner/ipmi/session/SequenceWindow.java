package io.ipmirunner.ipmi.session;

/**
 * Inbound session sequence numbers (IPMI v2.0 §6.12.13): accept a number once, within 32 below the highest
 * seen or up to 32 above it; reject duplicates and replays. Pure, no clock.
 */
public final class SequenceWindow {
    private static final int SIZE = 32;
    private boolean started;
    private int highest;
    private long seen;

    /** Records {@code seq} and returns true when it is new and inside the window. */
    public boolean accept(int seq) {
        if (!started) {
            started = true;
            highest = seq;
            seen = 1;
            return true;
        }
        int delta = seq - highest;
        if (delta > 0) {
            if (delta > SIZE) {
                return false;
            }
            seen = delta >= 64 ? 1 : seen << delta | 1;
            highest = seq;
            return true;
        }
        int back = -delta;
        if (back >= SIZE) {
            return false;
        }
        long bit = 1L << back;
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        return true;
    }
}
