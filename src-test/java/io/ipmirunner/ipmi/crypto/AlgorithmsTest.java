package io.ipmirunner.ipmi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void authAlgorithmCodesAndLengths() {
        // IPMI v2.0 §13.28 Table 13-17 numbers; lengths of the HMAC output and the RAKP 4 ICV.
        assertEquals(0x00, AuthAlgorithm.RAKP_NONE.code());
        assertEquals(0x01, AuthAlgorithm.RAKP_HMAC_SHA1.code());
        assertEquals(0x02, AuthAlgorithm.RAKP_HMAC_MD5.code());
        assertEquals(0x03, AuthAlgorithm.RAKP_HMAC_SHA256.code());
        assertEquals(0, AuthAlgorithm.RAKP_NONE.hashLength());
        assertEquals(20, AuthAlgorithm.RAKP_HMAC_SHA1.hashLength());
        assertEquals(16, AuthAlgorithm.RAKP_HMAC_MD5.hashLength());
        assertEquals(32, AuthAlgorithm.RAKP_HMAC_SHA256.hashLength());
        assertEquals(0, AuthAlgorithm.RAKP_NONE.rakp4IcvLength());
        assertEquals(12, AuthAlgorithm.RAKP_HMAC_SHA1.rakp4IcvLength());
        assertEquals(16, AuthAlgorithm.RAKP_HMAC_MD5.rakp4IcvLength());
        assertEquals(16, AuthAlgorithm.RAKP_HMAC_SHA256.rakp4IcvLength());
        for (AuthAlgorithm a : AuthAlgorithm.values()) {
            assertEquals(Optional.of(a), AuthAlgorithm.fromCode(a.code()));
        }
        assertEquals(Optional.empty(), AuthAlgorithm.fromCode(4));
        assertEquals(Optional.empty(), AuthAlgorithm.fromCode(-1));
        assertEquals(Optional.empty(), AuthAlgorithm.fromCode(0xC0)); // OEM range is not ours
    }

    @Test
    void integrityAlgorithmCodesAndLengths() {
        // IPMI v2.0 §13.28.4 Table 13-18.
        int[] lengths = {0, 12, 16, 16, 16};
        IntegrityAlgorithm[] all = IntegrityAlgorithm.values();
        assertEquals(5, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i].code());
            assertEquals(lengths[i], all[i].authCodeLength());
            assertEquals(Optional.of(all[i]), IntegrityAlgorithm.fromCode(i));
        }
        assertEquals(IntegrityAlgorithm.MD5_128, IntegrityAlgorithm.fromCode(3).orElseThrow());
        assertEquals(Optional.empty(), IntegrityAlgorithm.fromCode(5));
    }

    @Test
    void confidentialityAlgorithmCodesAndSupport() {
        // IPMI v2.0 §13.28.5 Table 13-19.
        assertEquals(0, ConfidentialityAlgorithm.NONE.code());
        assertEquals(1, ConfidentialityAlgorithm.AES_CBC_128.code());
        assertEquals(2, ConfidentialityAlgorithm.XRC4_128.code());
        assertEquals(3, ConfidentialityAlgorithm.XRC4_40.code());
        assertTrue(ConfidentialityAlgorithm.NONE.supported());
        assertTrue(ConfidentialityAlgorithm.AES_CBC_128.supported());
        assertFalse(ConfidentialityAlgorithm.XRC4_128.supported());
        assertFalse(ConfidentialityAlgorithm.XRC4_40.supported());
        for (ConfidentialityAlgorithm c : ConfidentialityAlgorithm.values()) {
            assertEquals(Optional.of(c), ConfidentialityAlgorithm.fromCode(c.code()));
        }
        assertEquals(Optional.empty(), ConfidentialityAlgorithm.fromCode(4));
    }

    @Test
    void keyedHashConcatenatesParts() {
        byte[] key = "secret".getBytes(StandardCharsets.US_ASCII);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        for (AuthAlgorithm a : AuthAlgorithm.values()) {
            byte[] whole = a.keyedHash(key, abc);
            assertEquals(a.hashLength(), whole.length);
            assertArrayEquals(whole, a.keyedHash(key, new byte[] {'a'}, null, new byte[] {'b', 'c'}));
        }
        assertArrayEquals(new byte[0], AuthAlgorithm.RAKP_NONE.keyedHash(key, abc));
    }

    @Test
    void emptyKeyIsLegal() {
        // A null password is a valid Kuid. RFC 2104 zero-pads the key, so this is HMAC with key "".
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"",b"abc",hashlib.sha1).hexdigest())'
        // (also: printf abc | openssl dgst -sha1 -hmac "")
        byte[] expected = HEX.parseHex("9b4a918f398d74d3e367970aba3cbe54e4d2b5d9");
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, AuthAlgorithm.RAKP_HMAC_SHA1.keyedHash(new byte[0], abc));
        assertArrayEquals(expected, AuthAlgorithm.RAKP_HMAC_SHA1.keyedHash(null, abc));
        assertArrayEquals(expected, AuthAlgorithm.RAKP_HMAC_SHA1.keyedHash(new byte[20], abc));
    }
}
