package io.ipmirunner.sim.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The host's serial port as a simulated BMC's SOL sees it: after power on, a power cycle's power on or a reset,
 * the host prints its boot log (POST, PXE, a login prompt) at {@code charsPerSecond}; what is typed is echoed,
 * as a getty's line discipline would. Power off silences it. Output not yet taken is bounded: the oldest
 * characters go first, as on a real port nobody reads.
 */
public final class SerialConsole {
    public static final String DEFAULT_BOOT_LOG = """
            \u001b[2J\u001b[1;1HSimulated BIOS v2.19 (C) ipmi-runner
            POST: CPU 2 x 16 cores ... OK
            POST: memory test 262144 MB ... OK
            POST: storage controller ... 2 drives
            Press F2 for setup, F12 for network boot
            PXE-E61: Media test failure, check cable
            Booting from local disk...
            [    0.000000] Linux version 6.1.0-simulated
            [    2.104211] systemd[1]: Started Serial Getty on ttyS0.

            Debian GNU/Linux 12 simhost ttyS0

            simhost login:\s""".replace("\n", "\r\n");
    public static final int DEFAULT_CHARS_PER_SECOND = 2000;
    private static final int MAX_PENDING = 64 * 1024;

    private final String bootLog;
    private final int charsPerSecond;
    /** Characters printed but not yet taken; the boot log's rest comes out at the rate from printStart. */
    private final ArrayDeque<Byte> pending = new ArrayDeque<>();
    private byte[] printing = new byte[0];
    private int printed;
    private long printStart;

    public SerialConsole(String bootLog, int charsPerSecond) {
        this.bootLog = bootLog;
        this.charsPerSecond = Math.max(1, charsPerSecond);
    }

    /** The host starts (power on completed, or reset): its boot log begins at {@code at}. */
    public void boot(long at) {
        printing = bootLog.getBytes(StandardCharsets.ISO_8859_1);
        printed = 0;
        printStart = at;
    }

    /** The host lost power: it prints nothing more, and what it printed is gone with the port's buffer. */
    public void powerOff() {
        printing = new byte[0];
        printed = 0;
        pending.clear();
    }

    /** Characters typed at the console: echoed at once. */
    public void type(byte[] chars) {
        for (byte b : chars) {
            add(b);
        }
    }

    /** How many typed characters the port takes now (its buffer's free room). */
    public int room() {
        return MAX_PENDING - pending.size();
    }

    /** Up to {@code max} characters printed by {@code now}, oldest first; empty when there are none. */
    public byte[] take(long now, int max) {
        long due = Math.min(printing.length, (now - printStart) * charsPerSecond / 1000);
        while (printed < due) {
            add(printing[printed++]);
        }
        int n = Math.min(max, pending.size());
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = pending.poll();
        }
        return out;
    }

    /** Whether the host will print more without being typed at (its boot log is not finished). */
    public boolean printing() {
        return printed < printing.length || !pending.isEmpty();
    }

    private void add(byte b) {
        if (pending.size() >= MAX_PENDING) {
            pending.poll();
        }
        pending.add(b);
    }
}
