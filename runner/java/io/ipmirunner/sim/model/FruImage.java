package io.ipmirunner.sim.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a FRU inventory image (IPMI Platform Management FRU Information Storage Definition v1.0):
 * the common header (§8), then the chassis (§10), board (§11) and product (§12) info areas. Every area
 * is a multiple of 8 bytes and ends with a zero checksum; strings are type/length bytes 0xC0 | length
 * (§13.1, 8-bit ASCII + Latin 1) and an area's field list ends with 0xC1.
 */
public final class FruImage {
    private static final int FORMAT_VERSION = 0x01;
    private static final int LANGUAGE_ENGLISH = 0x00;
    private static final int CHASSIS_RACK_MOUNT = 0x17;
    private static final int END_OF_FIELDS = 0xC1;

    private FruImage() {}

    /** The image for a BMC; {@code badChecksum} breaks the board area checksum (a quirk some BMCs ship with). */
    public static byte[] build(Personality p, BmcIdentity id, boolean badChecksum) {
        byte[] chassis = area(new int[] {CHASSIS_RACK_MOUNT}, id.productPart(), id.chassisSerial());
        byte[] board = area(new int[] {LANGUAGE_ENGLISH, id.mfgMinutes() & 0xFF, id.mfgMinutes() >> 8 & 0xFF,
                id.mfgMinutes() >> 16 & 0xFF}, p.manufacturer(), p.boardName(), id.boardSerial(), id.boardPart(), "");
        byte[] product = area(new int[] {LANGUAGE_ENGLISH}, p.manufacturer(), p.productName(), id.productPart(),
                firmwareVersion(p), id.productSerial(), id.assetTag(), "");
        if (badChecksum) {
            board[board.length - 1] ^= 0x5A;
        }
        int chassisAt = 8;
        int boardAt = chassisAt + chassis.length;
        int productAt = boardAt + board.length;
        byte[] header = {FORMAT_VERSION, 0, (byte) (chassisAt / 8), (byte) (boardAt / 8), (byte) (productAt / 8), 0, 0,
                0};
        header[7] = (byte) checksum(header, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream(productAt + product.length);
        out.writeBytes(header);
        out.writeBytes(chassis);
        out.writeBytes(board);
        out.writeBytes(product);
        return out.toByteArray();
    }

    private static String firmwareVersion(Personality p) {
        return String.format("%d.%02x", p.firmwareMajor(), p.firmwareMinorBcd());
    }

    /** One info area: version, length in 8-byte units, the fixed bytes, the strings, end marker, pad, checksum. */
    private static byte[] area(int[] fixed, String... fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        b.write(FORMAT_VERSION);
        b.write(0);
        for (int f : fixed) {
            b.write(f);
        }
        for (String s : fields) {
            byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
            int n = Math.min(t.length, 63);
            b.write(0xC0 | n);
            b.write(t, 0, n);
        }
        b.write(END_OF_FIELDS);
        int length = (b.size() + 1 + 7) / 8 * 8;
        while (b.size() < length - 1) {
            b.write(0);
        }
        b.write(0);
        byte[] a = b.toByteArray();
        a[1] = (byte) (length / 8);
        a[length - 1] = (byte) checksum(a, length - 1);
        return a;
    }

    /** Zero checksum: the byte that makes the sum of all bytes 0 modulo 256. */
    static int checksum(byte[] b, int len) {
        int sum = 0;
        for (int i = 0; i < len; i++) {
            sum += b[i];
        }
        return -sum & 0xFF;
    }
}
