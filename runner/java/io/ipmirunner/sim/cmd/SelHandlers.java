package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.sim.model.SelLog;

/** SEL commands (IPMI v2.0 §31). */
final class SelHandlers {
    private static final int OVERFLOW = 0x80;
    /** Operation support: reserve and get allocation info; no delete or partial add. */
    private static final int SUPPORTS = 0x03;

    private SelHandlers() {}

    static Answer info(CommandContext c, Empty q) {
        SelLog sel = c.bmc().sel();
        return Answer.ok(new Repository.Info(Repository.VERSION_1_5, sel.count(), sel.freeBytes(),
                sel.lastAddition(), sel.lastErase(), SUPPORTS | (sel.overflow() ? OVERFLOW : 0)));
    }

    static Answer allocationInfo(CommandContext c, Empty q) {
        int free = c.bmc().sel().freeBytes() / Sel.RECORD_LENGTH;
        return Answer.ok(new Sel.AllocationInfo(SelLog.CAPACITY, Sel.RECORD_LENGTH, free, free, 1));
    }

    static Answer reserve(CommandContext c, Empty q) {
        return Answer.ok(new Repository.Reservation(c.bmc().sel().reserve()));
    }

    static Answer entry(CommandContext c, Repository.ReadRequest q) {
        SelLog sel = c.bmc().sel();
        int i = sel.indexOf(q.recordId());
        if (i < 0) {
            return Answer.NOT_PRESENT;
        }
        if (q.offset() != 0 && !c.bmc().sel().reservationValid(q.reservation())) {
            return Answer.RESERVATION_CANCELLED;
        }
        return StorageHandlers.slice(sel.record(i), q, sel.nextIdAfter(i));
    }

    static Answer clear(CommandContext c, Sel.ClearRequest q) {
        if (!q.lettersOk() || q.action() != Sel.CLEAR_INITIATE && q.action() != Sel.CLEAR_STATUS) {
            return Answer.INVALID_FIELD;
        }
        if (!c.bmc().sel().reservationValid(q.reservation())) {
            return Answer.RESERVATION_CANCELLED;
        }
        if (q.action() == Sel.CLEAR_INITIATE) {
            c.bmc().sel().clear(c.now());
        }
        return Answer.ok(new Sel.ClearResponse(Sel.ERASE_COMPLETED));
    }

    static Answer time(CommandContext c, Empty q) {
        return Answer.ok(new Sel.Time((int) c.bmc().sel().time(c.now())));
    }

    static Answer setTime(CommandContext c, Sel.Time q) {
        c.bmc().sel().setTime(c.now(), Integer.toUnsignedLong(q.seconds()));
        return Answer.OK;
    }
}
