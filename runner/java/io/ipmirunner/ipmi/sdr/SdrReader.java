package io.ipmirunner.ipmi.sdr;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.walk.BoundedWalk;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks the SDR repository (IPMI v2.0 §33.11 Reserve SDR Repository, §33.12 Get SDR): each record's
 * 5-byte header first, then its body in partial reads under a reservation. A reservation the BMC cancels
 * (0xC5, e.g. another client reserved) is renewed and the record read again. The walk is bounded by
 * {@link BoundedWalk}; a read that returns no bytes, more bytes than asked, or a short header is a
 * protocol error: any of them would otherwise end as a garbled record reported as a sensor.
 */
public final class SdrReader {
    /** Small enough for BMCs that cap partial reads at 16 bytes plus the next-record id. */
    static final int CHUNK = 16;
    static final int MAX_RESERVATION_RETRIES = 5;
    private static final Set<CompletionCode> TOO_BIG = Set.of(CompletionCode.REQUEST_LENGTH_INVALID,
            CompletionCode.REQUEST_LENGTH_EXCEEDED, CompletionCode.CANNOT_RETURN_BYTES);

    /** One Get SDR call: the seam for tests. */
    @FunctionalInterface
    public interface Repo {
        Repository.ReadResponse read(Repository.ReadRequest q) throws IpmiException;
    }

    /** Reserve SDR Repository. */
    @FunctionalInterface
    public interface Reserver {
        int reserve() throws IpmiException;
    }

    private final Repo repo;
    private final Reserver reserver;
    private final BoundedWalk walk;
    private int reservation;
    private int chunk = CHUNK;

    private SdrReader(Repo repo, Reserver reserver, BoundedWalk walk) {
        this.repo = repo;
        this.reserver = reserver;
        this.walk = walk;
    }

    public static List<byte[]> readAll(Bmc s) throws IpmiException {
        return readAll(s, BoundedWalk.DEFAULT_DEADLINE);
    }

    /** The repository's records, bounded by its Get SDR Repository Info record count and {@code deadline}. */
    public static List<byte[]> readAll(Bmc s, Duration deadline) throws IpmiException {
        Repository.Info info = s.send(Commands.GET_SDR_REPOSITORY_INFO, WireMessage.Empty.INSTANCE);
        BoundedWalk walk = BoundedWalk.chain(s.host(), "SDR repository", "Get SDR Repository Info (IPMI v2.0 §33.9)",
                info.records(), s.time(), deadline);
        return readAll(q -> s.send(Commands.GET_SDR, q),
                () -> s.send(Commands.RESERVE_SDR_REPOSITORY, WireMessage.Empty.INSTANCE).id(), walk);
    }

    public static List<byte[]> readAll(Repo repo, Reserver reserver, BoundedWalk walk) throws IpmiException {
        SdrReader r = new SdrReader(repo, reserver, walk);
        r.reservation = reserver.reserve();
        List<byte[]> records = new ArrayList<>();
        int id = Repository.FIRST;
        while (id != Repository.LAST) {
            Record rec = r.readRecord(id);
            int own = (rec.bytes()[0] & 0xff) | (rec.bytes()[1] & 0xff) << 8;
            walk.record(own);
            records.add(rec.bytes());
            if (rec.next() != Repository.LAST) {
                walk.next(own, rec.next());
            }
            id = rec.next();
        }
        return records;
    }

    private record Record(int next, byte[] bytes) {}

    private Record readRecord(int id) throws IpmiException {
        for (int attempt = 0; ; attempt++) {
            try {
                return readOnce(id);
            } catch (IpmiException.CompletionCodeError e) {
                if (!e.code().equals(CompletionCode.RESERVATION_CANCELLED) || attempt >= MAX_RESERVATION_RETRIES) {
                    throw e;
                }
                reservation = reserver.reserve();
            }
        }
    }

    private Record readOnce(int id) throws IpmiException {
        Repository.ReadResponse first = read(id, 0, SdrDecoder.HEADER);
        byte[] head = first.bytes();
        if (head.length != SdrDecoder.HEADER) {
            throw walk.error("Get SDR returned %d of the %d header bytes of record 0x%04x".formatted(head.length,
                    SdrDecoder.HEADER, id));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        int total = SdrDecoder.HEADER + (head[4] & 0xff);
        while (out.size() < total) {
            int n = Math.min(chunk, total - out.size());
            try {
                out.writeBytes(read(id, out.size(), n).bytes());
            } catch (IpmiException.CompletionCodeError e) {
                if (!TOO_BIG.contains(e.code()) || chunk == 1) {
                    throw e;
                }
                chunk = Math.max(1, chunk / 2);
            }
        }
        return new Record(first.nextRecordId(), out.toByteArray());
    }

    /** One partial read: 1 to {@code count} bytes (§33.12 Table 33-5), never none and never more. */
    private Repository.ReadResponse read(int id, int offset, int count) throws IpmiException {
        walk.beforeRead();
        Repository.ReadResponse r = repo.read(new Repository.ReadRequest(reservation, id, offset, count));
        int got = r.bytes().length;
        if (got == 0 || got > count) {
            throw walk.error("Get SDR returned %d bytes of record 0x%04x at offset %d, asked for %d".formatted(
                    got, id, offset, count));
        }
        return r;
    }
}
