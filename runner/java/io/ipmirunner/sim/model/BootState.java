package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.chassis.BootFlags;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * The system boot options a BMC keeps for the BIOS (IPMI v2.0 §28.12-§28.13): set-in-progress (0),
 * valid-bit clearing (3), boot info acknowledge (4) and the boot flags (5). One-shot flags lose their
 * valid bit at the next boot; persistent ones keep it, unless the BMC has the quirk of ignoring that bit.
 * A host whose BIOS ignores the flags altogether leaves them as they were: valid, never consumed.
 */
public final class BootState {
    /** What a Set did: applied, or a completion code from §28.12. */
    public sealed interface SetResult {
        record Applied() implements SetResult {}

        record Refused(int completionCode) implements SetResult {}
    }

    private static final SetResult APPLIED = new SetResult.Applied();

    private final boolean ignoresPersistent;
    private final boolean ignoredAtBoot;
    private int setInProgress;
    private int validClearing;
    private int infoAck;
    private BootFlags flags = BootFlags.NONE;

    public BootState(boolean ignoresPersistent, boolean ignoredAtBoot) {
        this.ignoresPersistent = ignoresPersistent;
        this.ignoredAtBoot = ignoredAtBoot;
    }

    public BootFlags flags() {
        return flags;
    }

    public SetResult set(int parameter, byte[] data) {
        try {
            ByteReader r = new ByteReader(data);
            switch (parameter) {
                case BootOptions.SET_IN_PROGRESS -> {
                    int v = r.u8() & 0x03;
                    if (v == 3) {
                        return new SetResult.Refused(0xCC);
                    }
                    // Commit write (2) leaves the state "set complete": there is nothing to roll back here.
                    setInProgress = v == 1 ? 1 : 0;
                }
                case BootOptions.BOOT_FLAG_VALID_CLEARING -> validClearing = r.u8() & 0x1F;
                case BootOptions.BOOT_INFO_ACK -> {
                    int mask = r.u8();
                    int value = r.u8();
                    infoAck = infoAck & ~mask | value & mask;
                }
                case BootOptions.BOOT_FLAGS -> flags = BootFlags.decode(r);
                default -> {
                    return new SetResult.Refused(BootOptions.CC_PARAMETER_NOT_SUPPORTED);
                }
            }
            return APPLIED;
        } catch (MalformedPacketException e) {
            return new SetResult.Refused(0xC7);
        }
    }

    /** The parameter's bytes, or null when the parameter is not supported. */
    public byte[] get(int parameter) {
        return switch (parameter) {
            case BootOptions.SET_IN_PROGRESS -> new byte[] {(byte) setInProgress};
            case BootOptions.BOOT_FLAG_VALID_CLEARING -> new byte[] {(byte) validClearing};
            // Byte 1, the write mask, reads back as zero (Table 28-14, parameter 4).
            case BootOptions.BOOT_INFO_ACK -> new byte[] {0, (byte) infoAck};
            case BootOptions.BOOT_FLAGS -> flags.toBytes();
            default -> null;
        };
    }

    /** The host (re)booted: the BIOS consumed the flags, and acknowledgements start over. */
    public void onBoot() {
        if (!ignoredAtBoot && flags.valid() && (!flags.persistent() || ignoresPersistent)) {
            flags = flags.invalidated();
        }
        infoAck = 0;
    }
}
