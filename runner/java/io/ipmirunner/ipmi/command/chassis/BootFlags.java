package io.ipmirunner.ipmi.command.chassis;

import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.Optional;

/**
 * Boot flags, boot options parameter 5 (IPMI v2.0 §28.13, Table 28-14): byte 1 bit 7 valid, bit 6
 * persistent (0 = next boot only), bit 5 EFI; byte 2 bits 5:2 the boot device selector; bytes 3-5
 * BIOS options kept as they came so a write and a read return the same bytes.
 */
public record BootFlags(boolean valid, boolean persistent, boolean efi, int device, int byte2Rest, int byte3,
                        int byte4, int byte5) {
    public static final int LENGTH = 5;
    public static final BootFlags NONE = new BootFlags(false, false, false, 0, 0, 0, 0, 0);

    /** Boot device selector values, byte 2 bits 5:2 (Table 28-14). */
    public enum Device {
        NO_OVERRIDE(0x0), PXE(0x1), DISK(0x2), SAFE(0x3), DIAG(0x4), CDROM(0x5), BIOS(0x6), REMOTE_FLOPPY(0x7),
        REMOTE_CDROM(0x8), REMOTE_DISK(0x9), FLOPPY(0xF);

        private final int code;

        Device(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Optional<Device> fromCode(int code) {
            for (Device d : values()) {
                if (d.code == code) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    public static BootFlags decode(ByteReader r) throws MalformedPacketException {
        int b1 = r.u8();
        int b2 = r.u8();
        return new BootFlags((b1 & 0x80) != 0, (b1 & 0x40) != 0, (b1 & 0x20) != 0, b2 >> 2 & 0x0F, b2 & 0xC3,
                r.u8(), r.u8(), r.u8());
    }

    public void encode(ByteWriter w) {
        w.u8((valid ? 0x80 : 0) | (persistent ? 0x40 : 0) | (efi ? 0x20 : 0));
        w.u8((device & 0x0F) << 2 | byte2Rest & 0xC3).u8(byte3).u8(byte4).u8(byte5);
    }

    public byte[] toBytes() {
        ByteWriter w = new ByteWriter(LENGTH);
        encode(w);
        return w.toByteArray();
    }

    /** The same flags with the valid bit cleared, as a BMC does after the boot they applied to. */
    public BootFlags invalidated() {
        return new BootFlags(false, persistent, efi, device, byte2Rest, byte3, byte4, byte5);
    }
}
