package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code bmc_reset type=cold|warm [wait=true] [timeout=S] [settle=S]}: Cold or Warm Reset (IPMI v2.0
 * §20.2, §20.3), sent once without waiting for a reply (a resetting BMC may never send one), then Get
 * Device ID on a fresh session until the BMC answers it ({@link BmcReady}: no answer, busy and "initialization
 * in progress" mean not yet). {@code settle} seconds pass before the first try, so a BMC that answers for a
 * moment before it goes down is not taken for one that came back.
 */
public final class BmcResetModule implements Module<BmcResetModule.Args> {
    record Args(String type, boolean waitFor, long timeoutMillis, long settleMillis) {}

    @Override
    public String name() {
        return "bmc_reset";
    }

    /** The BMC goes away for seconds to minutes, taking every session (and on some boards the fans) with it. */
    @Override
    public boolean destructive(Map<String, String> args) {
        return true;
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        if (!Set.of("type", "wait", "timeout", "settle").containsAll(args.keySet())) {
            throw new ModuleArgumentException("bmc_reset takes type=cold|warm [wait=true|false] [timeout=S] "
                    + "[settle=S], got " + args.keySet());
        }
        String type = args.getOrDefault("type", "cold");
        if (!type.equals("cold") && !type.equals("warm")) {
            throw new ModuleArgumentException("bmc_reset: type must be cold or warm, got '" + type + "'");
        }
        String w = args.getOrDefault("wait", "true");
        if (!w.equals("true") && !w.equals("false")) {
            throw new ModuleArgumentException("bmc_reset: wait must be true or false, got '" + w + "'");
        }
        return new Args(type, Boolean.parseBoolean(w), seconds(args, "timeout", "300"), seconds(args, "settle", "2"));
    }

    private static long seconds(Map<String, String> args, String key, String dflt) throws ModuleArgumentException {
        String v = args.getOrDefault(key, dflt);
        try {
            double s = Double.parseDouble(v);
            if (!(s >= 0)) {
                throw new NumberFormatException();
            }
            return (long) (s * 1000);
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("bmc_reset: " + key + " must be seconds, got '" + v + "'");
        }
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException, InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", a.type());
        r.put("firmware_before", bmc.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE).firmware());
        long sent = bmc.time().nanoTime();
        if (a.type().equals("cold")) {
            bmc.sendLast(Commands.COLD_RESET, WireMessage.Empty.INSTANCE);
        } else {
            bmc.sendLast(Commands.WARM_RESET, WireMessage.Empty.INSTANCE);
        }
        r.put("sent", true);
        if (!a.waitFor()) {
            r.put("back", false);
            return new ModuleResult(true, r);
        }
        bmc.time().sleep(Duration.ofMillis(a.settleMillis()));
        DeviceId id = BmcReady.await(bmc, sent, a.timeoutMillis());
        r.put("back", true);
        r.put("firmware", id.firmware());
        r.put("back_after_seconds", Math.round((bmc.time().nanoTime() - sent) / 1e8) / 10.0);
        return new ModuleResult(true, r);
    }
}
