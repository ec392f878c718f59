package io.ipmirunner.modules;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.chassis.BootFlags;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code boot_device [device=pxe|disk|safe|diag|cdrom|bios|floppy|none] [persistent=] [efi=]}: the boot
 * flags (IPMI v2.0 §28.13 parameter 5). Without {@code device} it only reads them. After a set it reads
 * them back: many BMCs accept and then drop the persistent or EFI bit, which {@code verified: false} shows.
 */
public final class BootDeviceModule implements Module<BootDeviceModule.Args> {
    private static final Map<String, BootFlags.Device> DEVICES = Map.of("pxe", BootFlags.Device.PXE,
            "disk", BootFlags.Device.DISK, "safe", BootFlags.Device.SAFE, "diag", BootFlags.Device.DIAG,
            "cdrom", BootFlags.Device.CDROM, "bios", BootFlags.Device.BIOS, "floppy", BootFlags.Device.FLOPPY,
            "none", BootFlags.Device.NO_OVERRIDE);
    /** §28.12 parameter 0 (set in progress): 1 = set in progress, 0 = set complete. */
    private static final byte[] SET_IN_PROGRESS = {0x01};
    private static final byte[] SET_COMPLETE = {0x00};

    record Args(BootFlags.Device device, boolean persistent, boolean efi) {}

    @Override
    public String name() {
        return "boot_device";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!Set.of("device", "persistent", "efi").contains(k)) {
                throw new ModuleArgumentException("boot_device: unknown argument '" + k + "' (device, persistent, efi)");
            }
        }
        String d = args.get("device");
        if (d != null && !DEVICES.containsKey(d)) {
            throw new ModuleArgumentException("boot_device: device must be one of pxe|disk|safe|diag|cdrom|bios|"
                    + "floppy|none, got '" + d + "'");
        }
        return new Args(d == null ? null : DEVICES.get(d), bool(args, "persistent"), bool(args, "efi"));
    }

    private static boolean bool(Map<String, String> args, String key) throws ModuleArgumentException {
        String v = args.getOrDefault(key, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new ModuleArgumentException("boot_device: " + key + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        BootFlags now = read(bmc);
        if (a.device() == null) {
            return new ModuleResult(false, result(now, null));
        }
        if (mismatch(now, a).isEmpty()) {
            return new ModuleResult(false, result(now, a));
        }
        BootFlags wanted = new BootFlags(true, a.persistent(), a.efi(), a.device().code(), 0, 0, 0, 0);
        setInProgress(bmc, SET_IN_PROGRESS);
        bmc.send(Commands.SET_SYSTEM_BOOT_OPTIONS,
                new BootOptions.SetRequest(BootOptions.BOOT_FLAGS, false, wanted.toBytes()));
        setInProgress(bmc, SET_COMPLETE);
        BootFlags after = read(bmc);
        return new ModuleResult(true, result(after, a));
    }

    /**
     * The handshake is optional (§28.12): BMCs without parameter 0 answer 0x80, and OpenIPMI's ipmi_sim
     * answers 0xCC; either way the set of parameter 5 goes ahead.
     */
    private static void setInProgress(Bmc s, byte[] state) throws IpmiException {
        try {
            s.send(Commands.SET_SYSTEM_BOOT_OPTIONS,
                    new BootOptions.SetRequest(BootOptions.SET_IN_PROGRESS, false, state));
        } catch (IpmiException.CompletionCodeError e) {
            int cc = e.code().code();
            if (cc != BootOptions.CC_PARAMETER_NOT_SUPPORTED && cc != CompletionCode.INVALID_DATA_FIELD.code()) {
                throw e;
            }
        }
    }

    static BootFlags read(Bmc s) throws IpmiException {
        BootOptions.GetResponse r = s.send(Commands.GET_SYSTEM_BOOT_OPTIONS,
                new BootOptions.GetRequest(BootOptions.BOOT_FLAGS, 0, 0));
        try {
            return BootFlags.decode(new ByteReader(r.data()));
        } catch (MalformedPacketException e) {
            throw new IpmiException.ProtocolError(s.host(), io.ipmirunner.ipmi.Phase.COMMAND,
                    "boot flags parameter of " + r.data().length + " bytes, expected " + BootFlags.LENGTH);
        }
    }

    /**
     * What the BMC did not keep of {@code a}: "valid", "device", "persistent", "efi"; empty when all held.
     * For {@code none} only the device selector counts, whatever the valid bit says: BMCs that do not keep the
     * valid bit (OpenIPMI's ipmi_sim reads it back cleared) still hold, and apply, the device they were given,
     * so "none" is sent until the BMC reads back "no override", as {@code ipmitool chassis bootdev none} sends it.
     */
    static List<String> mismatch(BootFlags f, Args a) {
        List<String> m = new ArrayList<>();
        if (a.device() == BootFlags.Device.NO_OVERRIDE) {
            if (f.device() != BootFlags.Device.NO_OVERRIDE.code()) {
                m.add("device");
            }
            return m;
        }
        if (!f.valid()) {
            m.add("valid");
        }
        if (f.device() != a.device().code()) {
            m.add("device");
        }
        if (f.persistent() != a.persistent()) {
            m.add("persistent");
        }
        if (f.efi() != a.efi()) {
            m.add("efi");
        }
        return m;
    }

    /**
     * {@code device} is the selector the BMC holds, {@code valid} whether it will apply it (a BMC clears
     * the bit after the boot or after 60 s, §28.13); with a request, {@code verified} and what differed.
     */
    static Map<String, Object> result(BootFlags f, Args asked) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("device", BootFlags.Device.fromCode(f.device())
                .map(d -> d == BootFlags.Device.NO_OVERRIDE ? "none" : d.name().toLowerCase(Locale.ROOT))
                .orElse("0x%x".formatted(f.device())));
        r.put("persistent", f.persistent());
        r.put("efi", f.efi());
        r.put("valid", f.valid());
        if (asked != null) {
            List<String> m = mismatch(f, asked);
            r.put("verified", m.isEmpty());
            if (!m.isEmpty()) {
                r.put("not_kept", m);
            }
        }
        return r;
    }
}
