package io.ipmirunner.sim.lan;

/**
 * The BMC's check of a session's inbound sequence numbers (IPMI v2.0 §6.12.13): a number is taken once,
 * when it is at most 32 above the highest seen or less than 32 below it; repeats and anything further off
 * are dropped as replays. The first number is taken as it comes, since consoles start where they like.
 */
final class InboundWindow {
    private static final int SIZE = 32;
    private boolean started;
    private int highest;
    private long seen;

    boolean accept(int seq) {
        if (!started) {
            started = true;
            highest = seq;
            seen = 1;
            return true;
        }
        int ahead = seq - highest;
        if (ahead > 0) {
            if (ahead > SIZE) {
                return false;
            }
            seen = seen << ahead | 1;
            highest = seq;
            return true;
        }
        int behind = -ahead;
        if (behind >= SIZE || (seen & 1L << behind) != 0) {
            return false;
        }
        seen |= 1L << behind;
        return true;
    }
}
