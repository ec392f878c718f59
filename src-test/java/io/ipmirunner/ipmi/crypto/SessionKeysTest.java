package io.ipmirunner.ipmi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed with python3 hmac/hashlib, independently of the Java code. Fixed inputs:
 * Rm = 00..0f, Rc = 10..1f (so Rm|Rc = bytes(range(32))), ROLEm = 0x14 (administrator with the
 * name-only-lookup bit), UNAMEm = "admin" (ULENGTHm 5), Kuid = "secret", Kg = "0123456789abcdefghij".
 * K1/K2 constants are 20 bytes of 0x01 / 0x02 for every algorithm (see SessionKeys).
 */
class SessionKeysTest {
    private static final HexFormat HEX = HexFormat.of();
    static final byte[] RM = range(0x00, 16);
    static final byte[] RC = range(0x10, 16);
    static final int ROLE = 0x14;
    static final byte[] USER = ascii("admin");
    static final byte[] KUID = ascii("secret");
    static final byte[] KG = ascii("0123456789abcdefghij");

    // The SIK/K1/K2 lines below come from (h = sha1, md5, sha256; key b"secret" or b"0123456789abcdefghij"):
    // python3 -c 'import hmac,hashlib;h=hashlib.sha1;s=hmac.new(b"secret",bytes(range(32))+b"\x14\x05admin",h).digest();
    //   print(s.hex(),hmac.new(s,b"\x01"*20,h).hexdigest(),hmac.new(s,b"\x02"*20,h).hexdigest())'

    @Test
    void sha1WithoutKg() {
        check(AuthAlgorithm.RAKP_HMAC_SHA1, null,
                "a39ae2b160a1e5efe017ffd6ec1a4ff8eeac6f54",
                "58dbc1afa00eb3f9487c9eaef0dc7892cc43e496",
                "8bd9b8ce0674b5d745ced91e728ac1a51464fcaf");
    }

    @Test
    void sha1WithKg() {
        check(AuthAlgorithm.RAKP_HMAC_SHA1, KG,
                "65f784b694a40588bbd04701ea80d7f32d82e940",
                "696460a459ab60253097b17d0cbf70afd1778948",
                "ee2af29b141446326871f9d79268ec2e2fe28b9c");
    }

    @Test
    void md5WithoutKg() {
        check(AuthAlgorithm.RAKP_HMAC_MD5, null,
                "4c3d49d8eda56585fc428f2d478028e3",
                "9c7da384756484c798cd772e86038d98",
                "61323fd5c3dab121a241ea16f712fd94");
    }

    @Test
    void md5WithKg() {
        check(AuthAlgorithm.RAKP_HMAC_MD5, KG,
                "39a0a9cf30159dc039fde5d0a2572960",
                "54482a82c66742dcc214f7a24228f856",
                "bdaa6e07be8ba1910445f988b0d343c1");
    }

    @Test
    void sha256WithoutKg() {
        // The 20-byte constant (not 32) is what makes these match; ipmitool and FreeIPMI both use 20.
        check(AuthAlgorithm.RAKP_HMAC_SHA256, null,
                "0c4b7464110cf18fd94ec46aa0242c66ab06157709c02ea7db1653aac04b1023",
                "b56faef1c37759ee6f92dccb3dfb8a7610c83e064883aa735d3e84c1cb0c5728",
                "45d88aac4a3d9b6ac2cdf022f1f31a5a82ac0aecfe8d8559b4060eb4a13b4334");
    }

    @Test
    void sha256WithKg() {
        check(AuthAlgorithm.RAKP_HMAC_SHA256, KG,
                "1b81a421925c6a1fe7328bea4e72c8e5826e24f55ba8bc6fc9511f62edcd7b9f",
                "714226f0e5a8c5cab79a60a68df75e8aabb6499f74ed7160a1a4882a170d25a0",
                "9438f46f203279dfa20c2567f2e242f305711668b5fc3ef590f30ebef086ad71");
    }

    @Test
    void emptyOrAllZeroKgMeansKuid() {
        byte[] viaKuid = SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA1, null, KUID, RM, RC, ROLE, USER).sik();
        for (byte[] kg : new byte[][] {new byte[0], new byte[20]}) {
            assertArrayEquals(viaKuid,
                    SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA1, kg, KUID, RM, RC, ROLE, USER).sik());
        }
    }

    @Test
    void zeroPaddedKuidIsEquivalent() {
        // ipmitool keys with its 20-byte zero-padded authcode buffer; RFC 2104 makes that identical.
        byte[] padded = Arrays.copyOf(KUID, 20);
        assertArrayEquals(
                SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA256, null, KUID, RM, RC, ROLE, USER).sik(),
                SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA256, null, padded, RM, RC, ROLE, USER).sik());
    }

    @Test
    void nullUserAndEmptyPassword() {
        // ULENGTHm = 0 and no UNAMEm bytes; empty Kuid.
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"",bytes(range(32))+b"\x14\x00",hashlib.sha1).hexdigest())'
        assertArrayEquals(HEX.parseHex("1ef174987424ab7da5153b1b2c6c8a4b81c4830b"),
                SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA1, null, new byte[0], RM, RC, ROLE, null).sik());
    }

    @Test
    void rakpNoneHasNoKeys() {
        SessionKeys keys = SessionKeys.derive(AuthAlgorithm.RAKP_NONE, KG, KUID, RM, RC, ROLE, USER);
        assertEquals(0, keys.sik().length);
        assertEquals(0, keys.k1().length);
        assertEquals(0, keys.k2().length);
        assertEquals(0, keys.aesKey().length);
    }

    @Test
    void aesKeyIsFirst16BytesOfK2() {
        for (AuthAlgorithm a : new AuthAlgorithm[] {AuthAlgorithm.RAKP_HMAC_SHA1, AuthAlgorithm.RAKP_HMAC_MD5,
                AuthAlgorithm.RAKP_HMAC_SHA256}) {
            SessionKeys keys = SessionKeys.derive(a, null, KUID, RM, RC, ROLE, USER);
            assertArrayEquals(Arrays.copyOf(keys.k2(), 16), keys.aesKey());
        }
    }

    @Test
    void toStringShowsLengthsNotKeys() {
        SessionKeys keys = SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA1, null, KUID, RM, RC, ROLE, USER);
        String s = keys.toString();
        assertTrue(s.contains("20 bytes"), s);
        for (byte[] k : new byte[][] {keys.sik(), keys.k1(), keys.k2()}) {
            assertFalse(s.toLowerCase().contains(HEX.formatHex(k, 0, 4)), s);
            assertFalse(s.contains(Arrays.toString(k)), s);
        }
    }

    private static void check(AuthAlgorithm alg, byte[] kg, String sik, String k1, String k2) {
        SessionKeys keys = SessionKeys.derive(alg, kg, KUID, RM, RC, ROLE, USER);
        assertEquals(sik, HEX.formatHex(keys.sik()), "SIK");
        assertEquals(k1, HEX.formatHex(keys.k1()), "K1");
        assertEquals(k2, HEX.formatHex(keys.k2()), "K2");
    }

    static byte[] range(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
