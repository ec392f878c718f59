package io.ipmirunner.sim.fleet;

import java.lang.management.ManagementFactory;

/**
 * Every simulated BMC holds one UDP socket, so a fleet of N needs N file descriptors plus the JVM's own
 * (about 50-100). Checked before binding, so the error says what to do instead of failing half-way.
 */
final class FdLimit {
    /** Descriptors the JVM, the selector and the jar files need besides the sockets. */
    static final int HEADROOM = 128;

    private FdLimit() {}

    static void check(int sockets) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long max = os.getMaxFileDescriptorCount();
            long open = os.getOpenFileDescriptorCount();
            if (open + sockets + HEADROOM > max) {
                throw new IllegalStateException(sockets + " simulated BMCs need " + (open + sockets + HEADROOM)
                        + " file descriptors (one socket each) but the limit is " + max
                        + "; raise it with `ulimit -n " + (sockets + open + 2 * HEADROOM) + "` or run fewer BMCs");
            }
        }
    }
}
