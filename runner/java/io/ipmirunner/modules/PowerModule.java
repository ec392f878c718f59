package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.Delivery;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code power state=status|on|off|cycle|reset|soft|diag [wait=true] [timeout=S]}: Get Chassis Status and
 * Chassis Control (IPMI v2.0 §28.2-§28.3). on/off are idempotent (no command when already there). A cycle
 * of a host that is off is refused by many BMCs, so it powers the host on and says so. With wait=true the
 * module polls until the power state is the one asked for, or fails after timeout seconds.
 */
public final class PowerModule implements Module<PowerModule.Args> {
    private static final Set<String> STATES = Set.of("status", "on", "off", "cycle", "reset", "soft", "diag");

    record Args(String state, boolean waitFor, long timeoutMillis) {}

    @Override
    public String name() {
        return "power";
    }

    /** off, soft, cycle and reset take the host's OS down; diag (an NMI) usually crashes it for a dump. */
    @Override
    public boolean destructive(Map<String, String> args) {
        String state = args.getOrDefault("state", "status");
        return (state.contains("{{") || state.contains("{%")) || Set.of("off", "soft", "cycle", "reset", "diag").contains(state);
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!Set.of("state", "wait", "timeout").contains(k)) {
                throw new ModuleArgumentException("power: unknown argument '" + k + "' (state, wait, timeout)");
            }
        }
        String state = args.getOrDefault("state", "status");
        if (!STATES.contains(state)) {
            throw new ModuleArgumentException("power: state must be one of status|on|off|cycle|reset|soft|diag, got '"
                    + state + "'");
        }
        String w = args.getOrDefault("wait", "false");
        if (!w.equals("true") && !w.equals("false")) {
            throw new ModuleArgumentException("power: wait must be true or false, got '" + w + "'");
        }
        long timeout;
        try {
            timeout = (long) (Double.parseDouble(args.getOrDefault("timeout", "300")) * 1000);
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("power: timeout must be seconds, got '" + args.get("timeout") + "'");
        }
        return new Args(state, Boolean.parseBoolean(w), timeout);
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException, InterruptedException {
        boolean on = readPower(bmc);
        Map<String, Object> r = new LinkedHashMap<>();
        String before = on ? "on" : "off";
        if (a.state().equals("status")) {
            r.put("state", before);
            return new ModuleResult(false, r);
        }
        String target = switch (a.state()) {
            case "off", "soft" -> "off";
            // A diagnostic interrupt leaves the power as it is; an off host refuses it (0xD5).
            case "diag" -> before;
            default -> "on";
        };
        boolean idempotentNoop = a.state().equals("on") && on || (a.state().equals("off") || a.state().equals("soft"))
                && !on;
        if (!idempotentNoop) {
            int action = switch (a.state()) {
                case "on" -> ChassisControl.POWER_UP;
                case "off" -> ChassisControl.POWER_DOWN;
                case "soft" -> ChassisControl.SOFT_SHUTDOWN;
                case "diag" -> ChassisControl.DIAGNOSTIC_INTERRUPT;
                case "reset" -> on ? ChassisControl.HARD_RESET : ChassisControl.POWER_UP;
                default -> on ? ChassisControl.POWER_CYCLE : ChassisControl.POWER_UP;
            };
            if (!on && (a.state().equals("cycle") || a.state().equals("reset"))) {
                r.put("note", "host was off: powered on instead of " + a.state());
            }
            control(bmc, action, r);
        }
        r.put("previous", before);
        r.put("action", idempotentNoop ? "none" : a.state());
        if (a.waitFor()) {
            // A BMC busy or initialising while the host cycles is not yet there, not a failure (BmcReady).
            boolean wantOn = target.equals("on");
            BmcReady.until(bmc, bmc.time().nanoTime(), a.timeoutMillis(), "report power " + target,
                    () -> readPower(bmc), now -> now == wantOn);
            r.put("state", target);
            r.put("confirmed", true);
        } else {
            r.put("state", idempotentNoop ? before : target);
            r.put("confirmed", idempotentNoop);
        }
        return new ModuleResult(!idempotentNoop, r);
    }

    /**
     * Chassis Control is not idempotent: the engine never resends it blindly (see {@code Transmissions}), and
     * the result says when it could not avoid it ({@code duplicate_possible}) or when the BMC got the request
     * but its reply was lost ({@code reply_lost}). A resent cycle may reach a BMC that is already off
     * mid-cycle and be refused with 0xD5 (not in present state): the host read on just before, so that
     * 0xD5 says the first transmission took effect.
     */
    private static void control(Bmc bmc, int action, Map<String, Object> r) throws IpmiException {
        Delivery d = bmc.deliver(Commands.CHASSIS_CONTROL, new ChassisControl(action));
        switch (d) {
            case Delivery.ArrivedUnanswered u -> {
                r.put("reply_lost", true);
                if (u.duplicatePossible()) {
                    r.put("duplicate_possible", true);
                }
            }
            case Delivery.Answered a -> {
                if (a.duplicatePossible()) {
                    r.put("duplicate_possible", true);
                }
                CompletionCode cc = a.response().completionCode();
                if (cc.equals(CompletionCode.NOT_SUPPORTED_IN_STATE) && action == ChassisControl.POWER_CYCLE
                        && a.duplicatePossible()) {
                    r.put("note", "cycle already under way (a resent request was refused with 0xD5)");
                } else if (!cc.isOk()) {
                    throw new IpmiException.CompletionCodeError(bmc.host(), Phase.COMMAND,
                            Commands.CHASSIS_CONTROL.name(), cc);
                }
            }
        }
    }

    private static boolean readPower(Bmc s) throws IpmiException {
        return s.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE).powerOn();
    }
}
