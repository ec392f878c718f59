package io.ipmirunner.ipmi.fru;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.walk.BoundedWalk;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Reads a FRU device's image with Get FRU Inventory Area Info and Read FRU Data (IPMI v2.0 §34.1, §34.2),
 * only as far as the common header's areas and the multi-record area's records reach, and never past the
 * area size the BMC reports, in chunks that shrink when the BMC refuses their size.
 */
public final class FruReader {
    /** Fits any session's payload with room to spare; BMCs that want less say so with the codes below. */
    static final int FIRST_CHUNK = 32;
    /** Request length invalid / exceeded, cannot return the requested number of bytes (§5.2 Table 5-2). */
    private static final Set<CompletionCode> TOO_BIG = Set.of(CompletionCode.REQUEST_LENGTH_INVALID,
            CompletionCode.REQUEST_LENGTH_EXCEEDED, CompletionCode.CANNOT_RETURN_BYTES);

    /** Read FRU Data for one device: {@code count} units from {@code offset} (units per the area info). */
    @FunctionalInterface
    public interface Device {
        byte[] read(int offset, int count) throws IpmiException;
    }

    private final Device device;
    private final BoundedWalk walk;
    private final int size;
    private final int unit;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private int chunk = FIRST_CHUNK;

    private FruReader(Device device, Fru.AreaInfo info, BoundedWalk walk) {
        this.device = device;
        this.walk = walk;
        this.size = info.size();
        // §34.2: offsets and counts are in words when the device is word-accessed.
        this.unit = info.wordAccess() ? 2 : 1;
    }

    /** The image bytes from offset 0 through the end of the last chassis, board or product area. */
    public static byte[] read(Bmc session, int deviceId) throws IpmiException {
        Fru.AreaInfo info = session.send(Commands.GET_FRU_INVENTORY_AREA_INFO,
                new Fru.AreaInfoRequest(deviceId));
        BoundedWalk walk = BoundedWalk.area(session.host(), "FRU device " + deviceId, session.time(),
                BoundedWalk.DEFAULT_DEADLINE);
        return read(info, (offset, count) -> session.send(Commands.READ_FRU_DATA,
                new Fru.ReadRequest(deviceId, offset, count)).bytes(), walk);
    }

    /** As {@link #read(Bmc, int)}, over any device: the seam for tests of the chunking. */
    public static byte[] read(Fru.AreaInfo info, Device device, BoundedWalk walk) throws IpmiException {
        FruReader r = new FruReader(device, info, walk);
        r.fill(8);
        int end = 8;
        byte[] header = r.read.toByteArray();
        for (int i = 2; i <= 4 && header.length >= 8; i++) {
            int start = (header[i] & 0xff) * 8;
            if (start > 0 && r.fill(start + 2)) {
                end = Math.max(end, start + (r.read.toByteArray()[start + 1] & 0xff) * 8);
            }
        }
        r.fill(end);
        if (header.length >= 8 && header[5] != 0) {
            r.multiRecords((header[5] & 0xff) * 8);
        }
        return r.read.toByteArray();
    }

    /**
     * The multi-record area has no length of its own (§16): header by header until the end-of-list bit,
     * a header whose checksum fails, or the device's end. Every record is at least a header long, so the
     * walk ends within size / 5 steps.
     */
    private void multiRecords(int pos) throws IpmiException {
        while (fill(pos + MultiRecordDecoder.HEADER)) {
            byte[] b = read.toByteArray();
            int sum = 0;
            for (int i = pos; i < pos + MultiRecordDecoder.HEADER; i++) {
                sum += b[i];
            }
            int end = pos + MultiRecordDecoder.HEADER + (b[pos + 2] & 0xff);
            if ((sum & 0xff) != 0 || !fill(end) || (b[pos + 1] & 0x80) != 0) {
                return;
            }
            pos = end;
        }
    }

    /**
     * Reads until {@code upTo} bytes are held or the area ends; true when {@code upTo} was reached. Each read
     * must return 1 to {@code count} units (§34.2 Table 34-3): none would never end the area, more is not data.
     */
    private boolean fill(int upTo) throws IpmiException {
        // §34.1: the area size is in bytes whatever the access unit.
        int limit = Math.min(upTo, size);
        while (read.size() < limit) {
            int want = Math.min(chunk, limit - read.size());
            int count = Math.max(1, want / unit);
            try {
                walk.beforeRead();
                byte[] got = device.read(read.size() / unit, count);
                if (got.length == 0 || got.length > count * unit) {
                    throw walk.error("Read FRU Data returned %d bytes at offset %d, asked for %d".formatted(
                            got.length, read.size(), count * unit));
                }
                read.writeBytes(got);
            } catch (IpmiException.CompletionCodeError e) {
                if (!TOO_BIG.contains(e.code()) || chunk <= unit) {
                    throw e;
                }
                chunk = Math.max(unit, chunk / 2);
            }
        }
        return read.size() >= upTo;
    }
}
