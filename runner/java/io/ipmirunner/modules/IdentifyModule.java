package io.ipmirunner.modules;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.chassis.ChassisRequests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code identify [seconds=N] [state=on|off]}: Chassis Identify (IPMI v2.0 §28.5). {@code seconds} 1..255
 * lights the LED that long (default 15); {@code state=on} forces it on until {@code state=off}.
 */
public final class IdentifyModule implements Module<IdentifyModule.Args> {
    record Args(int seconds, boolean force) {}

    @Override
    public String name() {
        return "identify";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        if (!Set.of("seconds", "state").containsAll(args.keySet())) {
            throw new ModuleArgumentException("identify takes seconds=N or state=on|off, got " + args.keySet());
        }
        String state = args.get("state");
        if (state != null && args.containsKey("seconds")) {
            throw new ModuleArgumentException("identify: give seconds or state, not both");
        }
        if (state != null) {
            return switch (state) {
                case "on" -> new Args(0, true);
                case "off" -> new Args(0, false);
                default -> throw new ModuleArgumentException("identify: state must be on or off, got '" + state + "'");
            };
        }
        String s = args.getOrDefault("seconds", String.valueOf(ChassisRequests.DEFAULT_IDENTIFY_SECONDS));
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > 255) {
                throw new NumberFormatException();
            }
            return new Args(n, false);
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("identify: seconds must be 0..255, got '" + s + "'");
        }
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        bmc.send(Commands.CHASSIS_IDENTIFY, new ChassisRequests.Identify(a.seconds(), a.force()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("identify", a.force() ? "on" : a.seconds() == 0 ? "off" : "timed");
        r.put("seconds", a.seconds());
        return new ModuleResult(true, r);
    }
}
