package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code mc_info}: the BMC's identity from Get Device ID (IPMI v2.0 §20.1), self test and GUID. Read-only. */
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
        optional(session, Commands.GET_SELF_TEST_RESULTS).ifPresent(t -> r.put("self_test", t.summary()));
        optional(session, Commands.GET_SYSTEM_GUID).ifPresent(g -> r.put("system_guid", guidText(g.bytes())));
        return new ModuleResult(false, r);
    }

    /** Self test and system GUID are optional commands (§20.4, §22.14): a BMC that refuses them just lacks the key. */
    private static <S extends WireMessage> Optional<S> optional(BmcSession s, CommandSpec<WireMessage.Empty, S> spec)
            throws IpmiException {
        try {
            return Optional.of(s.send(spec, WireMessage.Empty.INSTANCE));
        } catch (IpmiException.CompletionCodeError e) {
            return Optional.empty();
        }
    }

    /**
     * §20.8 wants the GUID least significant byte first, laid out as SMBIOS does (time-low, time-mid and
     * time-high little-endian, clock sequence and node in order). Some BMCs (ipmi_sim among them) send the
     * RFC 4122 byte order instead; like ipmitool, the version nibble tells which: the layout in which it
     * reads 1..5 wins, SMBIOS first.
     */
    static String guidText(byte[] b) {
        int smbiosVersion = (b[7] & 0xff) >> 4;
        if (smbiosVersion >= 1 && smbiosVersion <= 5) {
            return "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x".formatted(b[3], b[2], b[1],
                    b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
        }
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
