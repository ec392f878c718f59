package io.ipmirunner.ipmi.sdr;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the SDR repository (IPMI v2.0 §33.11 Reserve SDR Repository, §33.12 Get SDR): each record's
 * 5-byte header first, then its body in partial reads under a reservation. A reservation the BMC cancels
 * (0xC5, e.g. another client reserved) is renewed and the record read again.
 */
public final class SdrReader {
    /** Small enough for BMCs that cap partial reads at 16 bytes plus the next-record id. */
    static final int CHUNK = 16;
    static final int MAX_RESERVATION_RETRIES = 5;
    /** A repository holds at most 0xFFFE records; the walk stops there even if the next-ids loop. */
    private static final int MAX_RECORDS = 0xFFFE;
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
    private int reservation;
    private int chunk = CHUNK;

    private SdrReader(Repo repo, Reserver reserver) {
        this.repo = repo;
        this.reserver = reserver;
    }

    public static List<byte[]> readAll(Bmc s) throws IpmiException {
        return readAll(q -> s.send(Commands.GET_SDR, q),
                () -> s.send(Commands.RESERVE_SDR_REPOSITORY, WireMessage.Empty.INSTANCE).id());
    }

    public static List<byte[]> readAll(Repo repo, Reserver reserver) throws IpmiException {
        SdrReader r = new SdrReader(repo, reserver);
        r.reservation = reserver.reserve();
        List<byte[]> records = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int id = Repository.FIRST;
        while (id != Repository.LAST && seen.add(id) && records.size() < MAX_RECORDS) {
            Record rec = r.readRecord(id);
            records.add(rec.bytes());
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
        Repository.ReadResponse head = repo.read(new Repository.ReadRequest(reservation, id, 0, SdrDecoder.HEADER));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.bytes());
        if (out.size() < SdrDecoder.HEADER) {
            return new Record(head.nextRecordId(), out.toByteArray());
        }
        int total = SdrDecoder.HEADER + (head.bytes()[4] & 0xff);
        while (out.size() < total) {
            int n = Math.min(chunk, total - out.size());
            try {
                byte[] got = repo.read(new Repository.ReadRequest(reservation, id, out.size(), n)).bytes();
                if (got.length == 0) {
                    break;
                }
                out.writeBytes(got);
            } catch (IpmiException.CompletionCodeError e) {
                if (!TOO_BIG.contains(e.code()) || chunk == 1) {
                    throw e;
                }
                chunk = Math.max(1, chunk / 2);
            }
        }
        return new Record(head.nextRecordId(), out.toByteArray());
    }
}
