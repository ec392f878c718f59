package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.chassis.ChassisStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code chassis_status}: Get Chassis Status (IPMI v2.0 §28.2, Table 28-3) in words. Read-only. */
public final class ChassisStatusModule implements Module<NoArgs> {
    /** Byte 2, last power event, bits 0..4. */
    private static final List<String> LAST_EVENTS = List.of("ac_failed", "overload", "interlock", "power_fault",
            "ipmi_command");

    @Override
    public String name() {
        return "chassis_status";
    }

    @Override
    public NoArgs validate(Map<String, String> args) throws ModuleArgumentException {
        return NoArgs.require(name(), args);
    }

    @Override
    public ModuleResult run(Bmc bmc, NoArgs none) throws IpmiException {
        return new ModuleResult(false, result(bmc.send(Commands.GET_CHASSIS_STATUS, WireMessage.Empty.INSTANCE)));
    }

    static Map<String, Object> result(ChassisStatus s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("power", s.powerOn() ? "on" : "off");
        r.put("restore_policy", s.restorePolicy());
        List<String> last = new ArrayList<>();
        for (int bit = 0; bit < LAST_EVENTS.size(); bit++) {
            if ((s.lastPowerEvent() & 1 << bit) != 0) {
                last.add(LAST_EVENTS.get(bit));
            }
        }
        r.put("last_event", last);
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("overload", s.powerOverload());
        faults.put("interlock", s.interlock());
        faults.put("main_power", s.mainPowerFault());
        faults.put("power_control", s.powerControlFault());
        // Byte 3, misc chassis state: bit 0 intrusion, 1 front panel lockout, 2 drive fault, 3 fan fault.
        faults.put("drive", (s.miscState() & 0x04) != 0);
        faults.put("fan", (s.miscState() & 0x08) != 0);
        r.put("faults", faults);
        r.put("intrusion", (s.miscState() & 0x01) != 0);
        r.put("front_panel_lockout", (s.miscState() & 0x02) != 0);
        s.identifyState().ifPresent(state -> r.put("identify", state));
        return r;
    }
}
