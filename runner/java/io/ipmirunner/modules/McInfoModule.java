package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code mc_info}: the BMC's identity from Get Device ID (IPMI v2.0 §20.1). Read-only. */
public final class McInfoModule implements Module {
    @Override
    public String name() {
        return "mc_info";
    }

    @Override
    public Object validate(Map<String, String> args) throws ModuleArgumentException {
        if (!args.isEmpty()) {
            throw new ModuleArgumentException("mc_info takes no arguments, got " + args.keySet());
        }
        return args;
    }

    @Override
    public ModuleResult run(BmcSession session, Object validatedArgs) throws IpmiException {
        DeviceId id = session.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("device_id", id.deviceId());
        r.put("device_revision", id.deviceRevision());
        r.put("firmware", id.firmware());
        r.put("ipmi_version", id.ipmiVersion());
        r.put("manufacturer_id", id.manufacturerId());
        r.put("manufacturer", Manufacturers.name(id.manufacturerId()));
        r.put("product_id", id.productId());
        r.put("provides_sdrs", id.providesSdrs());
        r.put("device_available", !id.updateInProgress());
        if (id.auxFirmware().length > 0) {
            r.put("aux_firmware", HexFormat.of().formatHex(id.auxFirmware()));
        }
        return new ModuleResult(false, r);
    }
}
