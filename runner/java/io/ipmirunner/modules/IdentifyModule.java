package io.ipmirunner.modules;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.chassis.ChassisRequests;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code identify [seconds=N] [state=on|off]}: Chassis Identify (IPMI v2.0 §28.5). {@code seconds} 1..255
 * lights the LED that long (default 15); {@code state=on} forces it on until {@code state=off}. Changes
 * nothing when Get Chassis Status reports the asked on/off state already.
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
        // The state now, from Get Chassis Status (§28.2 byte 3 bits 6:4), where the BMC reports it: on and off
        // already there need nothing. A timed request always goes: it restarts the interval.
        Optional<String> before = bmc.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE).identifyState();
        String asked = a.force() ? "on" : a.seconds() == 0 ? "off" : "timed";
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("identify", asked);
        r.put("seconds", a.seconds());
        r.put("previous", before.orElse("unknown"));
        if (!asked.equals("timed") && before.equals(Optional.of(asked))) {
            return new ModuleResult(false, r);
        }
        var spec = Commands.CHASSIS_IDENTIFY;
        IpmiResponse answer = bmc.raw(spec.name(), spec.netFn(), spec.cmd(),
                new ChassisRequests.Identify(a.seconds(), a.force()).toBytes());
        if (!answer.completionCode().isOk()) {
            throw new IpmiException.CompletionCodeError(bmc.host(), Phase.COMMAND, spec.name(),
                    answer.completionCode());
        }
        // The one reply with surplus bytes let through: it has no data to garble, and OpenBMC's ipmid answers
        // with the request's two bytes echoed (github.com/openbmc/phosphor-host-ipmid/issues/126).
        if (answer.data().length > 0) {
            r.put("warnings", List.of("Chassis Identify answered %d data bytes where IPMI v2.0 §28.5 has none; ignored"
                    .formatted(answer.data().length)));
        }
        return new ModuleResult(true, r);
    }
}
