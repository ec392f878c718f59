package io.ipmirunner.ipmi.crypto;

import static io.ipmirunner.ipmi.crypto.SessionKeysTest.ascii;
import static io.ipmirunner.ipmi.crypto.SessionKeysTest.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from python3 hmac/hashlib. The protected data is 40..7f (64 bytes), embedded at
 * offset 3 of a larger buffer to exercise off/len. K1 is b0.. (20 bytes for SHA1, 16 for MD5,
 * 32 for SHA256); the MD5-128 password is "secret".
 */
class PayloadIntegrityTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DATA = range(0x40, 64);
    private static final byte[] BUF = embed(DATA);
    private static final byte[] PASSWORD = ascii("secret");

    @Test
    void hmacSha1_96() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(bytes(range(0xb0,0xc4)),bytes(range(0x40,0x80)),hashlib.sha1).hexdigest()[:24])'
        check(IntegrityAlgorithm.HMAC_SHA1_96, range(0xb0, 20), null, "35930ef76b0102c58926a8fb");
    }

    @Test
    void hmacMd5_128KeyedWithK1() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(bytes(range(0xb0,0xc0)),bytes(range(0x40,0x80)),hashlib.md5).hexdigest())'
        check(IntegrityAlgorithm.HMAC_MD5_128, range(0xb0, 16), PASSWORD, "454b2b5369342a156ffbc4b792b39c3a");
    }

    @Test
    void hmacSha256_128() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(bytes(range(0xb0,0xd0)),bytes(range(0x40,0x80)),hashlib.sha256).hexdigest()[:32])'
        // (cross-checked: openssl dgst -sha256 -mac HMAC -macopt hexkey:b0b1..cf gives cca7771e...d317 97de...)
        check(IntegrityAlgorithm.HMAC_SHA256_128, range(0xb0, 32), null, "cca7771ee636b998bd7bae4c1b04d317");
    }

    @Test
    void md5_128SandwichesPasswordPaddedTo20() {
        // python3 -c 'import hashlib;p=b"secret".ljust(20,b"\0");print(hashlib.md5(p+bytes(range(0x40,0x80))+p).hexdigest())'
        check(IntegrityAlgorithm.MD5_128, range(0xb0, 20), PASSWORD, "ed692c2f11ff7d3759e2f6eeb4e649a3");
        // Null password = 20 zero bytes each side:
        // python3 -c 'import hashlib;p=bytes(20);print(hashlib.md5(p+bytes(range(0x40,0x80))+p).hexdigest())'
        check(IntegrityAlgorithm.MD5_128, null, null, "14349365436ef2f42b1ac5b34355306a");
        // K1 plays no part in MD5-128.
        assertArrayEquals(PayloadIntegrity.authCode(IntegrityAlgorithm.MD5_128, null, PASSWORD, BUF, 3, 64),
                PayloadIntegrity.authCode(IntegrityAlgorithm.MD5_128, new byte[20], PASSWORD, BUF, 3, 64));
    }

    @Test
    void md5_128RejectsOverlongPassword() {
        assertThrows(IllegalArgumentException.class,
                () -> PayloadIntegrity.authCode(IntegrityAlgorithm.MD5_128, null, new byte[21], BUF, 3, 64));
    }

    @Test
    void noneIsEmpty() {
        assertEquals(0, PayloadIntegrity.authCode(IntegrityAlgorithm.NONE, null, null, BUF, 3, 64).length);
        assertTrue(PayloadIntegrity.verify(IntegrityAlgorithm.NONE, null, null, BUF, 3, 64, new byte[0]));
        assertFalse(PayloadIntegrity.verify(IntegrityAlgorithm.NONE, null, null, BUF, 3, 64, new byte[12]));
    }

    @Test
    void verifyRejectsTamperingTruncationAndBadRanges() {
        byte[] k1 = range(0xb0, 20);
        byte[] code = PayloadIntegrity.authCode(IntegrityAlgorithm.HMAC_SHA1_96, k1, null, BUF, 3, 64);
        byte[] tampered = BUF.clone();
        tampered[10] ^= 1;
        assertFalse(PayloadIntegrity.verify(IntegrityAlgorithm.HMAC_SHA1_96, k1, null, tampered, 3, 64, code));
        assertFalse(PayloadIntegrity.verify(IntegrityAlgorithm.HMAC_SHA1_96, k1, null, BUF, 3, 64,
                Arrays.copyOf(code, 11)));
        assertFalse(PayloadIntegrity.verify(IntegrityAlgorithm.HMAC_SHA1_96, k1, null, BUF, 3, 64, null));
        assertFalse(PayloadIntegrity.verify(IntegrityAlgorithm.HMAC_SHA1_96, k1, null, BUF, 3, 1000, code));
        assertFalse(PayloadIntegrity.verify(IntegrityAlgorithm.HMAC_SHA1_96, k1, null, BUF, -1, 64, code));
    }

    private static void check(IntegrityAlgorithm alg, byte[] k1, byte[] kuid, String expected) {
        byte[] code = PayloadIntegrity.authCode(alg, k1, kuid, BUF, 3, DATA.length);
        assertEquals(alg.authCodeLength(), code.length);
        assertEquals(expected, HEX.formatHex(code), alg.name());
        assertTrue(PayloadIntegrity.verify(alg, k1, kuid, BUF, 3, DATA.length, HEX.parseHex(expected)));
        // Same result when the data is its own array: off/len are honoured.
        assertArrayEquals(code, PayloadIntegrity.authCode(alg, k1, kuid, DATA, 0, DATA.length));
    }

    private static byte[] embed(byte[] data) {
        byte[] buf = new byte[data.length + 5];
        Arrays.fill(buf, (byte) 0xEE);
        System.arraycopy(data, 0, buf, 3, data.length);
        return buf;
    }
}
