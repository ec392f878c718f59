package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import io.ipmirunner.ipmi.sel.SelEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code power_reading}: DCMI Get Power Reading in system power statistics mode (DCMI v1.5 §6.6.1) and the
 * supported capabilities (§6.1, parameter 1). Read-only. A BMC without DCMI answers 0xC1 (invalid
 * command); that is a failure with its completion code, like any other command refused.
 */
public final class PowerReadingModule implements Module<NoArgs> {
    /**
     * Table 6-3 parameter 1: data byte 1 mandatory platform capabilities, byte 2 optional ones (bit 0 power
     * management), byte 3 manageability access.
     */
    private static final int POWER_MANAGEMENT = 0x01;
    /** Parameter data byte 3, manageability access: bits 0..5 (ipmitool and FreeIPMI read them alike). */
    private static final List<String> ACCESS = List.of("in_band_kcs", "serial_tmode", "secondary_lan",
            "primary_lan", "sol", "vlan");

    @Override
    public String name() {
        return "power_reading";
    }

    @Override
    public NoArgs validate(Map<String, String> args) throws ModuleArgumentException {
        return NoArgs.require(name(), args);
    }

    @Override
    public ModuleResult run(Bmc bmc, NoArgs none) throws IpmiException {
        Dcmi.PowerReading p = bmc.send(Commands.GET_POWER_READING,
                new Dcmi.PowerReadingRequest(Dcmi.MODE_SYSTEM_POWER_STATISTICS, 0));
        Map<String, Object> r = reading(p);
        r.put("dcmi", capabilities(bmc.send(Commands.GET_DCMI_CAPABILITIES,
                new Dcmi.CapabilitiesRequest(Dcmi.PARAMETER_SUPPORTED_CAPABILITIES))));
        return new ModuleResult(false, r);
    }

    static Map<String, Object> reading(Dcmi.PowerReading p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("current_watts", p.current());
        r.put("minimum_watts", p.minimum());
        r.put("maximum_watts", p.maximum());
        r.put("average_watts", p.average());
        r.put("sample_period_seconds", Integer.toUnsignedLong(p.periodMillis()) / 1000.0);
        r.put("timestamp", SelEntry.timestampText(Integer.toUnsignedLong(p.timestamp())));
        r.put("active", p.active());
        return r;
    }

    static Map<String, Object> capabilities(Dcmi.Capabilities c) {
        Map<String, Object> r = new LinkedHashMap<>();
        // §6.1 Table 6-2: conformance as major.minor, 01h 05h for v1.5.
        r.put("version", "%d.%d".formatted(c.major(), c.minor()));
        byte[] d = c.data();
        if (d.length >= 3) {
            r.put("power_management", (d[1] & POWER_MANAGEMENT) != 0);
            List<String> access = new ArrayList<>();
            for (int bit = 0; bit < ACCESS.size(); bit++) {
                if ((d[2] & 1 << bit) != 0) {
                    access.add(ACCESS.get(bit));
                }
            }
            r.put("access", access);
        }
        return r;
    }
}
