package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code mc_info}: the BMC's identity from Get Device ID (IPMI v2.0 §20.1), self test and GUID. Read-only. */
public final class McInfoModule implements Module<NoArgs> {
    @Override
    public String name() {
        return "mc_info";
    }

    @Override
    public NoArgs validate(Map<String, String> args) throws ModuleArgumentException {
        return NoArgs.require(name(), args);
    }

    @Override
    public ModuleResult run(Bmc bmc, NoArgs none) throws IpmiException {
        DeviceId id = bmc.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
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
        optional(bmc, Commands.GET_SELF_TEST_RESULTS).ifPresent(t -> r.put("self_test", t.summary()));
        optional(bmc, Commands.GET_SYSTEM_GUID).ifPresent(g -> r.put("system_guid", guidText(g.bytes())));
        return new ModuleResult(false, r);
    }

    /** Self test and system GUID are optional (§20.4, §22.14): a BMC that refuses one just lacks the key. */
    private static <S extends WireMessage> Optional<S> optional(Bmc s, CommandSpec<WireMessage.Empty, S> spec)
            throws IpmiException {
        try {
            return Optional.of(s.send(spec, WireMessage.Empty.INSTANCE));
        } catch (IpmiException.CompletionCodeError e) {
            return Optional.empty();
        }
    }

    /**
     * §20.8 stores the GUID least significant byte first, i.e. the canonical form reversed; SMBIOS-style
     * (time fields little-endian, the rest in order) and RFC 4122 byte order are met too (ipmi_sim sends the
     * latter). As ipmitool does, the layout whose version nibble reads 1..5 wins, SMBIOS before IPMI before
     * RFC 4122; none valid falls back to RFC 4122 order.
     */
    static String guidText(byte[] b) {
        int[] order;
        if (validVersion(b[7])) {
            order = new int[] {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
        } else if (validVersion(b[9])) {
            order = new int[] {15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        } else {
            order = new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        }
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < order.length; i++) {
            t.append(i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "").append("%02x".formatted(b[order[i]]));
        }
        return t.toString();
    }

    private static boolean validVersion(byte timeHiHighByte) {
        int v = (timeHiHighByte & 0xff) >> 4;
        return v >= 1 && v <= 5;
    }
}
