package io.ipmirunner.sim.model;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The per-machine facts of one simulated BMC (GUID, serial numbers, asset tag, MAC, manufacturing date),
 * derived from the fleet seed and the BMC's index instead of stored: ten thousand BMCs pay nothing for them
 * until a client asks. Serials carry the index, so they are unique in a fleet; the seed makes fleets differ.
 */
public record BmcIdentity(byte[] guid, String productSerial, String boardSerial, String chassisSerial,
                          String assetTag, String boardPart, String productPart, byte[] mac, int mfgMinutes) {
    /** Minutes from 1996-01-01 00:00 UTC (the FRU epoch) to 2022-01-01. */
    private static final int MINUTES_1996_TO_2022 = 13_674_240;
    private static final int MINUTES_PER_YEAR = 525_600;

    public BmcIdentity {
        guid = guid.clone();
        mac = mac.clone();
    }

    @Override
    public byte[] guid() {
        return guid.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public static BmcIdentity of(long fleetSeed, int index, Personality p) {
        SplittableRandom r = new SplittableRandom(fleetSeed * 0x9E3779B97F4A7C15L + index);
        byte[] guid = new byte[16];
        r.nextBytes(guid);
        String tag = Long.toString(Math.floorMod(fleetSeed * 31 + 7, 36L * 36 * 36), 36).toUpperCase(Locale.ROOT);
        String tail = String.format("%3s%06d", tag, index).replace(' ', '0');
        byte[] mac = {0x02, (byte) (fleetSeed >> 8), (byte) fleetSeed, (byte) (index >> 16), (byte) (index >> 8),
                (byte) index};
        int minutes = MINUTES_1996_TO_2022 + r.nextInt(3 * MINUTES_PER_YEAR);
        return new BmcIdentity(guid, p.partNumberPrefix() + tail, "MB" + tail, "CH" + tail,
                "ASSET-" + tail, p.partNumberPrefix() + "-MB-" + String.format("%04d", r.nextInt(10_000)),
                p.partNumberPrefix() + "-SYS-" + String.format("%04d", index % 10_000), mac, minutes);
    }
}
