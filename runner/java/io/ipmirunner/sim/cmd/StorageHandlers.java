package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.sim.model.SdrRepository;
import java.util.Arrays;

/** FRU inventory (IPMI v2.0 §34) and SDR repository (§33) commands. */
final class StorageHandlers {
    /** Most bytes one read returns; more is refused with 0xCA so the client asks for less (§33.12). */
    static final int MAX_READ = 128;
    private static final int SDR_FREE_UNSPECIFIED = 0xFFFF;
    private static final int SUPPORTS_RESERVE = 0x02;

    private StorageHandlers() {}

    static Answer fruInfo(CommandContext c, Fru.AreaInfoRequest q) {
        if (q.deviceId() != 0) {
            return Answer.NOT_PRESENT;
        }
        return Answer.ok(new Fru.AreaInfo(c.bmc().fru().length, false));
    }

    static Answer readFru(CommandContext c, Fru.ReadRequest q) {
        if (q.deviceId() != 0) {
            return Answer.NOT_PRESENT;
        }
        byte[] fru = c.bmc().fru();
        if (q.offset() >= fru.length) {
            return Answer.OUT_OF_RANGE;
        }
        int n = Math.min(Math.min(q.count(), MAX_READ), fru.length - q.offset());
        return Answer.ok(new Fru.ReadResponse(Arrays.copyOfRange(fru, q.offset(), q.offset() + n)));
    }

    static Answer sdrInfo(CommandContext c, Empty q) {
        SdrRepository sdr = c.bmc().profile().sdr();
        return Answer.ok(new Repository.Info(Repository.VERSION_1_5, sdr.size(), SDR_FREE_UNSPECIFIED,
                SdrRepository.LAST_CHANGE, 0, SUPPORTS_RESERVE));
    }

    static Answer reserveSdr(CommandContext c, Empty q) {
        return Answer.ok(new Repository.Reservation(c.bmc().reserveSdr()));
    }

    static Answer getSdr(CommandContext c, Repository.ReadRequest q) {
        SdrRepository sdr = c.bmc().profile().sdr();
        int i = sdr.indexOf(q.recordId());
        if (i < 0) {
            return Answer.NOT_PRESENT;
        }
        // §33.12: a partial read (offset > 0) needs the current reservation; a read from 0 does not.
        if (q.offset() != 0 && !c.bmc().sdrReservationValid(q.reservation())) {
            return Answer.RESERVATION_CANCELLED;
        }
        return slice(sdr.record(i), q, sdr.nextIdAfter(i));
    }

    /** The requested part of a record, shared with Get SEL Entry. */
    static Answer slice(byte[] record, Repository.ReadRequest q, int nextId) {
        if (q.offset() > record.length) {
            return Answer.OUT_OF_RANGE;
        }
        int want = q.count() == Repository.ENTIRE_RECORD ? record.length - q.offset() : q.count();
        if (want > MAX_READ) {
            return Answer.code(0xCA);
        }
        int n = Math.min(want, record.length - q.offset());
        return Answer.ok(new Repository.ReadResponse(nextId,
                Arrays.copyOfRange(record, q.offset(), q.offset() + n)));
    }
}
