package io.ipmirunner.ipmi.crypto;

import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_HMAC_MD5;
import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_HMAC_SHA1;
import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_HMAC_SHA256;
import static io.ipmirunner.ipmi.crypto.AuthAlgorithm.RAKP_NONE;
import static io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm.AES_CBC_128;
import static io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm.XRC4_128;
import static io.ipmirunner.ipmi.crypto.ConfidentialityAlgorithm.XRC4_40;
import static io.ipmirunner.ipmi.crypto.IntegrityAlgorithm.HMAC_MD5_128;
import static io.ipmirunner.ipmi.crypto.IntegrityAlgorithm.HMAC_SHA1_96;
import static io.ipmirunner.ipmi.crypto.IntegrityAlgorithm.HMAC_SHA256_128;
import static io.ipmirunner.ipmi.crypto.IntegrityAlgorithm.MD5_128;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CipherSuiteTest {
    private static final IntegrityAlgorithm I_NONE = IntegrityAlgorithm.NONE;
    private static final ConfidentialityAlgorithm C_NONE = ConfidentialityAlgorithm.NONE;

    // IPMI v2.0 §22.15.2 Table 22-20, typed in from the spec independently of CipherSuite.java.
    private static final List<CipherSuite> TABLE_22_20_SELECTABLE = List.of(
            new CipherSuite(0, RAKP_NONE, I_NONE, C_NONE),
            new CipherSuite(1, RAKP_HMAC_SHA1, I_NONE, C_NONE),
            new CipherSuite(2, RAKP_HMAC_SHA1, HMAC_SHA1_96, C_NONE),
            new CipherSuite(3, RAKP_HMAC_SHA1, HMAC_SHA1_96, AES_CBC_128),
            new CipherSuite(6, RAKP_HMAC_MD5, I_NONE, C_NONE),
            new CipherSuite(7, RAKP_HMAC_MD5, HMAC_MD5_128, C_NONE),
            new CipherSuite(8, RAKP_HMAC_MD5, HMAC_MD5_128, AES_CBC_128),
            new CipherSuite(11, RAKP_HMAC_MD5, MD5_128, C_NONE),
            new CipherSuite(12, RAKP_HMAC_MD5, MD5_128, AES_CBC_128),
            new CipherSuite(15, RAKP_HMAC_SHA256, I_NONE, C_NONE),
            new CipherSuite(16, RAKP_HMAC_SHA256, HMAC_SHA256_128, C_NONE),
            new CipherSuite(17, RAKP_HMAC_SHA256, HMAC_SHA256_128, AES_CBC_128));

    @Test
    void selectableIdsMapToTable2220() {
        for (CipherSuite expected : TABLE_22_20_SELECTABLE) {
            assertEquals(Optional.of(expected), CipherSuite.byId(expected.id()), "suite " + expected.id());
            assertEquals(Optional.of(expected), CipherSuite.matching(expected.auth(), expected.integrity(),
                    expected.confidentiality()));
        }
        assertEquals(TABLE_22_20_SELECTABLE, CipherSuite.selectable());
        assertThrows(UnsupportedOperationException.class, () -> CipherSuite.selectable().clear());
    }

    @Test
    void xrc4AndUnknownSuitesAreAbsent() {
        for (int id : new int[] {4, 5, 9, 10, 13, 14, 18, 19, 20, 255, -1}) {
            assertEquals(Optional.empty(), CipherSuite.byId(id), "suite " + id);
        }
        // The xRC4 rows of Table 22-20 exist but must not be matched to a selectable suite.
        assertEquals(Optional.empty(), CipherSuite.matching(RAKP_HMAC_SHA1, HMAC_SHA1_96, XRC4_128));
        assertEquals(Optional.empty(), CipherSuite.matching(RAKP_HMAC_MD5, MD5_128, XRC4_40));
        // Not a Table 22-20 combination at all.
        assertEquals(Optional.empty(), CipherSuite.matching(RAKP_HMAC_SHA1, HMAC_SHA256_128, AES_CBC_128));
        assertEquals(Optional.empty(), CipherSuite.matching(RAKP_NONE, HMAC_SHA1_96, C_NONE));
    }

    @Test
    void everySelectableSuiteIsRunnable() {
        for (CipherSuite s : CipherSuite.selectable()) {
            assertTrue(s.confidentiality().supported(), "suite " + s.id());
        }
    }

    @Test
    void theDefaultProposalsAre17Then3NeverSuite0() {
        assertEquals(List.of(17, 3), CipherSuite.defaultPreference().stream().map(CipherSuite::id).toList());
    }
}
