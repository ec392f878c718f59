package io.ipmirunner.modules;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.sdr.SensorNames;
import io.ipmirunner.ipmi.sel.EventText;
import io.ipmirunner.ipmi.sel.SelEntry;
import io.ipmirunner.ipmi.sel.SelReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sel action=list|info|clear|time|set_time [time=now|ISO-8601]}: the System Event Log (IPMI v2.0
 * §31). clear and set_time change the BMC; set_time reads the clock back and says whether it took.
 */
public final class SelModule implements Module<SelModule.Args> {
    private static final Set<String> ACTIONS = Set.of("list", "info", "clear", "time", "set_time");
    private static final long CLEAR_TIMEOUT_MILLIS = 30_000;

    @Override
    public String name() {
        return "sel";
    }

    /** {@code time} is set only for set_time: null means the runner's clock at the moment of the set. */
    record Args(String action, Instant time) {}

    /** clear erases the log: the evidence of what went wrong. */
    @Override
    public boolean destructive(Map<String, String> args) {
        String action = args.getOrDefault("action", "list");
        return (action.contains("{{") || action.contains("{%")) || action.equals("clear");
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        if (!Set.of("action", "time").containsAll(args.keySet())) {
            throw new ModuleArgumentException("sel takes action=list|info|clear|time|set_time [time=now|ISO-8601], got "
                    + args.keySet());
        }
        String action = args.getOrDefault("action", "list");
        if (!ACTIONS.contains(action)) {
            throw new ModuleArgumentException("sel action must be list, info, clear, time or set_time, got " + action);
        }
        if (args.containsKey("time") != action.equals("set_time")) {
            throw new ModuleArgumentException("sel: time=now|ISO-8601 goes with action=set_time, and only there");
        }
        return new Args(action, action.equals("set_time") ? SelClock.parse(args.get("time")) : null);
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException, InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        switch (a.action()) {
            case "time" -> {
                return new ModuleResult(false, SelClock.get(bmc));
            }
            case "set_time" -> {
                return SelClock.set(bmc, a.time());
            }
            case "info" -> {
                return new ModuleResult(false, info(bmc));
            }
            case "clear" -> {
                Repository.Info before = bmc.send(Commands.GET_SEL_INFO, WireMessage.Empty.INSTANCE);
                // An empty SEL needs no clear (many BMCs log a "log area cleared" event for each one).
                boolean done = before.records() == 0 || SelReader.clear(bmc, CLEAR_TIMEOUT_MILLIS);
                r.put("cleared", before.records());
                r.put("completed", done);
                return new ModuleResult(before.records() > 0, r);
            }
            default -> {
                List<Map<String, Object>> entries = new ArrayList<>();
                for (SelEntry e : SelReader.readAll(bmc)) {
                    entries.add(entry(e));
                }
                r.put("entries", entries);
                return new ModuleResult(false, r);
            }
        }
    }

    /** §31.2 Get SEL Info: times as ISO-8601; bit 7 of the support byte is "events were dropped". */
    private static Map<String, Object> info(Bmc bmc) throws IpmiException {
        Repository.Info i = bmc.send(Commands.GET_SEL_INFO, WireMessage.Empty.INSTANCE);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("version", "%d.%d".formatted(i.version() & 0x0f, i.version() >> 4));
        r.put("entries", i.records());
        r.put("free_bytes", i.freeBytes());
        r.put("last_add", infoTime(i.lastAddition()));
        r.put("last_erase", infoTime(i.lastErase()));
        r.put("overflow", (i.operationSupport() & 0x80) != 0);
        return r;
    }

    /** 0 in Get SEL Info means it never happened (ipmitool: "Not Available"). */
    private static String infoTime(int t) {
        return t == 0 ? "never" : SelEntry.timestampText(t & 0xFFFFFFFFL);
    }

    static Map<String, Object> entry(SelEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        switch (e) {
            case SelEntry.SystemEvent s -> {
                m.put("timestamp", SelEntry.timestampText(s.timestamp()));
                m.put("sensor_type", SensorNames.type(s.sensorType()));
                m.put("sensor_number", s.sensorNumber());
                m.put("event", EventText.of(s));
                m.put("direction", s.deassertion() ? "deasserted" : "asserted");
                m.put("event_data", HexFormat.of().formatHex(new byte[] {(byte) s.data1(), (byte) s.data2(),
                        (byte) s.data3()}));
            }
            case SelEntry.Oem o -> {
                m.put("timestamp", SelEntry.timestampText(o.timestamp()));
                m.put("record_type", o.recordType());
                m.put("data", HexFormat.of().formatHex(o.bytes()));
            }
            case SelEntry.Malformed x -> {
                m.put("defect", x.defect());
                m.put("data", HexFormat.of().formatHex(x.bytes()));
            }
        }
        return m;
    }
}
