package io.ipmirunner.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a small FRU inventory image (Platform Management FRU Information Storage Definition v1.0):
 * common header, Board Info area and Product Info area, each zero-padded to 8 bytes and checksummed.
 * Written by hand here so the fixture does not share code (or bugs) with the runner's FRU decoder.
 */
final class FruImage {
    private FruImage() {}

    /** Field values of the image; the fixture exposes them so tests can assert on what clients print. */
    record Fields(String boardManufacturer, String boardProduct, String boardSerial, String boardPartNumber,
                  String productManufacturer, String productName, String productPartNumber,
                  String productVersion, String productSerial, String assetTag) {}

    static byte[] build(Fields f) {
        // Board area: version 1, length (patched), language 0 (English), mfg date/time 0 = unspecified.
        byte[] board = area(new byte[] {1, 0, 0, 0, 0, 0},
                f.boardManufacturer(), f.boardProduct(), f.boardSerial(), f.boardPartNumber(), "");
        // Product area: version 1, length (patched), language 0.
        byte[] product = area(new byte[] {1, 0, 0},
                f.productManufacturer(), f.productName(), f.productPartNumber(), f.productVersion(),
                f.productSerial(), f.assetTag(), "");
        // Common header: format 1, internal use 0, chassis 0, board at 8 bytes, product after the board,
        // multirecord 0, pad, checksum. Offsets are in multiples of 8 bytes.
        byte[] header = {1, 0, 0, 1, (byte) (1 + board.length / 8), 0, 0, 0};
        header[7] = checksum(header, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(board);
        out.writeBytes(product);
        return out.toByteArray();
    }

    /** One info area: fixed prefix, 8-bit ASCII type/length fields, end marker 0xC1, padding, checksum. */
    private static byte[] area(byte[] prefix, String... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(prefix);
        for (String field : fields) {
            byte[] text = field.getBytes(StandardCharsets.US_ASCII);
            if (text.length > 63) {
                throw new IllegalArgumentException("FRU field longer than 63 bytes: " + field);
            }
            body.write(0xC0 | text.length); // type 11b = 8-bit ASCII + Latin-1
            body.writeBytes(text);
        }
        body.write(0xC1);
        while ((body.size() + 1) % 8 != 0) {
            body.write(0);
        }
        byte[] a = java.util.Arrays.copyOf(body.toByteArray(), body.size() + 1);
        a[1] = (byte) (a.length / 8);
        a[a.length - 1] = checksum(a, a.length - 1);
        return a;
    }

    /** Zero checksum: the byte that makes the sum of the first {@code n} bytes plus itself 0 mod 256. */
    private static byte checksum(byte[] b, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += b[i] & 0xff;
        }
        return (byte) (-sum);
    }
}
