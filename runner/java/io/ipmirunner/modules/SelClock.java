package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.ipmi.sel.SelEntry;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SEL clock: Get SEL Time (IPMI v2.0 §31.10) and Set SEL Time (§31.11) for the sel module. */
final class SelClock {
    /** A read-back within this many seconds of what was set counts as kept (the clock runs meanwhile). */
    private static final long TOLERANCE_SECONDS = 5;

    private SelClock() {}

    /** "now", an ISO-8601 instant (2026-01-31T12:00:00Z) or date-time with offset; null stands for now. */
    static Instant parse(String text) throws ModuleArgumentException {
        if (text.equals("now")) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            // §31.11: 32 unsigned bits of seconds; FFFFFFFFh means "unspecified".
            if (t.getEpochSecond() < 0 || t.getEpochSecond() >= 0xFFFFFFFFL) {
                throw new ModuleArgumentException("sel: time " + text + " does not fit the 32-bit SEL clock");
            }
            return t;
        } catch (DateTimeException e) {
            throw new ModuleArgumentException("sel: time must be now or ISO-8601 like 2026-01-31T12:00:00Z, got '"
                    + text + "'");
        }
    }

    static Map<String, Object> get(Bmc bmc) throws IpmiException {
        long t = Integer.toUnsignedLong(bmc.send(Commands.GET_SEL_TIME, WireMessage.Empty.INSTANCE).seconds());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("time", SelEntry.timestampText(t));
        r.put("seconds", t);
        // §37: values up to 0x20000000 count from the BMC's start, not from 1970 (the clock was never set).
        r.put("set", t > SelEntry.PRE_INIT_MAX && t != SelEntry.UNSPECIFIED);
        return r;
    }

    static ModuleResult set(Bmc bmc, Instant asked) throws IpmiException {
        long seconds = (asked == null ? bmc.time().now() : asked).getEpochSecond();
        long before = Integer.toUnsignedLong(bmc.send(Commands.GET_SEL_TIME, WireMessage.Empty.INSTANCE)
                .seconds());
        // A clock already within the tolerance is left alone: nothing is sent.
        boolean change = Math.abs(before - seconds) > TOLERANCE_SECONDS;
        if (change) {
            bmc.send(Commands.SET_SEL_TIME, new Sel.Time((int) seconds));
        }
        Map<String, Object> r = get(bmc);
        long after = (Long) r.get("seconds");
        r.put("previous", SelEntry.timestampText(before));
        r.put("verified", Math.abs(after - seconds) <= TOLERANCE_SECONDS);
        return new ModuleResult(change, r);
    }
}
