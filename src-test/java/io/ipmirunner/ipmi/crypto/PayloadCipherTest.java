package io.ipmirunner.ipmi.crypto;

import static io.ipmirunner.ipmi.crypto.SessionKeysTest.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * AES-CBC-128 known answers from openssl. K2 = c0..d3 (20 bytes, so the AES key is c0..cf),
 * IV = e0..ef. Each vector: the padded plaintext (data | 01..N | N) typed out, then
 * printf '<padded hex>' | xxd -r -p | openssl enc -aes-128-cbc -nopad \
 *   -K c0c1c2c3c4c5c6c7c8c9cacbcccdcecf -iv e0e1e2e3e4e5e6e7e8e9eaebecedeeef | xxd -p -c 256
 */
class PayloadCipherTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ConfidentialityAlgorithm AES = ConfidentialityAlgorithm.AES_CBC_128;
    private static final byte[] K2 = range(0xc0, 20);
    private static final byte[] IV = range(0xe0, 16);
    private static final String IV_HEX = "e0e1e2e3e4e5e6e7e8e9eaebecedeeef";

    @Test
    void emptyPlaintextGetsFullPad() throws Exception {
        // padded = 0102030405060708090a0b0c0d0e0f0f (15 pad bytes + pad length 15)
        kat("", "2f22358a22f058bc688391d698cb81c4");
    }

    @Test
    void fifteenBytesNeedNoPad() throws Exception {
        // padded = 303132333435363738393a3b3c3d3e00 (pad length 0)
        kat("303132333435363738393a3b3c3d3e", "3808d7ede111bba19ade667df1606311");
    }

    @Test
    void sixteenBytesSpillIntoSecondBlock() throws Exception {
        // padded = 303132333435363738393a3b3c3d3e3f 0102030405060708090a0b0c0d0e0f0f
        kat("303132333435363738393a3b3c3d3e3f",
                "16cef2a1c236967fc8f8564a17793ba061e5682797591f6ae984882577633538");
    }

    @Test
    void twentyBytes() throws Exception {
        // padded = 303132333435363738393a3b3c3d3e3f40414243 0102030405060708090a0b 0b
        kat("303132333435363738393a3b3c3d3e3f40414243",
                "16cef2a1c236967fc8f8564a17793ba083912f9b51522d5340050675bce5e44c");
    }

    @Test
    void randomIvRoundTripsEveryLength() throws Exception {
        SecureRandom rnd = new SecureRandom();
        for (int n = 0; n <= 100; n++) {
            byte[] plain = range(n, n);
            byte[] wire = PayloadCipher.encrypt(AES, K2, plain, rnd);
            assertEquals(0, (wire.length - 16) % 16);
            assertEquals(16 + (n / 16 + 1) * 16, wire.length);
            assertArrayEquals(plain, PayloadCipher.decrypt(AES, K2, wire));
        }
    }

    @Test
    void noneCopies() throws Exception {
        byte[] plain = {1, 2, 3};
        byte[] enc = PayloadCipher.encrypt(ConfidentialityAlgorithm.NONE, null, plain, new SecureRandom());
        assertArrayEquals(plain, enc);
        assertNotSame(plain, enc);
        byte[] dec = PayloadCipher.decrypt(ConfidentialityAlgorithm.NONE, null, plain);
        assertArrayEquals(plain, dec);
        assertNotSame(plain, dec);
    }

    @Test
    void rejectsBadLengths() {
        for (int n : new int[] {0, 1, 15, 16, 17, 31, 33, 47}) {
            assertThrows(MalformedPacketException.class, () -> PayloadCipher.decrypt(AES, K2, new byte[n]), "len " + n);
        }
        assertThrows(MalformedPacketException.class, () -> PayloadCipher.decrypt(AES, K2, null));
    }

    @Test
    void rejectsPadLengthOver15() throws Exception {
        for (int pad : new int[] {16, 17, 0x80, 0xff}) {
            byte[] block = new byte[16];
            block[15] = (byte) pad;
            byte[] wire = rawEncrypt(block);
            assertThrows(MalformedPacketException.class, () -> PayloadCipher.decrypt(AES, K2, wire), "pad " + pad);
        }
    }

    @Test
    void toleratesOddPadBytesLikeFreeIpmi() throws Exception {
        // FreeIPMI's library decoder does not check the pad byte values; neither do we.
        byte[] block = HEX.parseHex("4142" + "ffffffffffffffffffffffffff" + "0d");
        assertArrayEquals(new byte[] {0x41, 0x42}, PayloadCipher.decrypt(AES, K2, rawEncrypt(block)));
        // Maximal pad over a single block leaves one data byte.
        byte[] max = HEX.parseHex("5a" + "0102030405060708090a0b0c0d0e" + "0e");
        assertArrayEquals(new byte[] {0x5a}, PayloadCipher.decrypt(AES, K2, rawEncrypt(max)));
    }

    @Test
    void unsupportedAlgorithmOnReceiveIsMalformed() {
        assertThrows(MalformedPacketException.class,
                () -> PayloadCipher.decrypt(ConfidentialityAlgorithm.XRC4_128, K2, new byte[32]));
        assertThrows(UnsupportedOperationException.class,
                () -> PayloadCipher.encrypt(ConfidentialityAlgorithm.XRC4_40, K2, new byte[1], new SecureRandom()));
    }

    @Test
    void decryptNeverThrowsAnythingButMalformedPacket() {
        Random rnd = new Random(0x1B2C3D4EL);
        byte[] valid = PayloadCipher.encrypt(AES, K2, range(0, 40), IV);
        int values = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] payload;
            switch (i % 4) {
                case 0 -> payload = new byte[rnd.nextInt(80)]; // random length, random bytes
                case 1 -> payload = new byte[16 * (1 + rnd.nextInt(5))]; // aligned lengths, random bytes
                case 2 -> payload = Arrays.copyOf(valid, rnd.nextInt(valid.length + 1)); // truncations
                default -> payload = valid.clone(); // bit flips in a valid payload
            }
            if (i % 4 < 2) {
                rnd.nextBytes(payload);
            } else if (i % 4 == 3) {
                payload[rnd.nextInt(payload.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            try {
                assertNotNull(PayloadCipher.decrypt(AES, K2, payload));
                values++;
            } catch (MalformedPacketException expected) {
                // the only acceptable failure
            }
        }
        // Sanity: the property ran over both outcomes, not just one.
        assertTrue(values > 0 && values < 10_000, "values=" + values);
    }

    private static void kat(String plainHex, String ciphertextHex) throws Exception {
        byte[] wire = PayloadCipher.encrypt(AES, K2, HEX.parseHex(plainHex), IV);
        assertEquals(IV_HEX + ciphertextHex, HEX.formatHex(wire));
        assertArrayEquals(HEX.parseHex(plainHex), PayloadCipher.decrypt(AES, K2, wire));
    }

    /** IV | AES-CBC(block) with no IPMI padding, to hand-craft trailers. */
    private static byte[] rawEncrypt(byte[] blocks) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(K2, 0, 16, "AES"), new IvParameterSpec(IV));
        byte[] out = Arrays.copyOf(IV, 16 + blocks.length);
        c.doFinal(blocks, 0, blocks.length, out, 16);
        return out;
    }
}
