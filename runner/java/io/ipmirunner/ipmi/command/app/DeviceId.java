package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/**
 * Get Device ID response (IPMI v2.0 §20.1, Table 20-2). Firmware minor revision and IPMI version are BCD;
 * the auxiliary firmware revision is optional, so the table allows 11 or 15 bytes. pyghmi's BMC (OpenStack
 * VirtualBMC) sends 14: the manufacturer and product ids each as a 32-bit little-endian number. No layout
 * of the table has 14 bytes, so that length is read as pyghmi writes it rather than refused (FreeIPMI
 * refuses it; ipmitool reads manufacturer 0 from it).
 */
public record DeviceId(int deviceId, int deviceRevision, boolean providesSdrs, int firmwareMajor,
                       int firmwareMinorBcd, boolean updateInProgress, int ipmiVersionBcd,
                       int additionalSupport, int manufacturerId, int productId, byte[] auxFirmware)
        implements WireMessage {
    public DeviceId {
        auxFirmware = auxFirmware.clone();
    }

    @Override
    public byte[] auxFirmware() {
        return auxFirmware.clone();
    }

    @Override
    public void encode(ByteWriter w) {
        w.u8(deviceId).u8(deviceRevision & 0x0F | (providesSdrs ? 0x80 : 0));
        w.u8(firmwareMajor & 0x7F | (updateInProgress ? 0x80 : 0)).u8(firmwareMinorBcd);
        w.u8(ipmiVersionBcd).u8(additionalSupport).u24(manufacturerId & 0xFFFFF).u16(productId);
        w.bytes(auxFirmware);
    }

    /** The length of pyghmi's reply: Table 20-2's first 6 bytes, then two 4-byte ids. */
    static final int PYGHMI_LENGTH = 14;

    public static DeviceId decode(ByteReader r) throws MalformedPacketException {
        boolean wideIds = r.remaining() == PYGHMI_LENGTH;
        int id = r.u8();
        int rev = r.u8();
        int fw1 = r.u8();
        int fw2 = r.u8();
        int ver = r.u8();
        int add = r.u8();
        int mfg = (wideIds ? r.u32() : r.u24()) & 0xFFFFF;
        int product = (wideIds ? r.u32() : r.u16()) & 0xFFFF;
        byte[] aux = r.remaining() >= 4 ? r.bytes(4) : new byte[0];
        return new DeviceId(id, rev & 0x0F, (rev & 0x80) != 0, fw1 & 0x7F, fw2, (fw1 & 0x80) != 0, ver, add, mfg,
                product, aux);
    }

    /** "major.minor" as ipmitool and FreeIPMI print it: the BCD minor shown as two hex digits. */
    public String firmware() {
        return String.format("%d.%02x", firmwareMajor, firmwareMinorBcd);
    }

    /** "2.0" or "1.5": the BCD nibbles of byte 5 (§20.1: bits 7:4 minor... stored as LS nibble major). */
    public String ipmiVersion() {
        return String.format("%d.%d", ipmiVersionBcd & 0x0F, ipmiVersionBcd >> 4 & 0x0F);
    }
}
