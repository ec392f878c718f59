package io.ipmirunner.ipmi.wire;

import static io.ipmirunner.ipmi.wire.CompletionCode.Disposition.FAIL;
import static io.ipmirunner.ipmi.wire.CompletionCode.Disposition.FATAL;
import static io.ipmirunner.ipmi.wire.CompletionCode.Disposition.OK;
import static io.ipmirunner.ipmi.wire.CompletionCode.Disposition.RETRY_LATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one classification of completion codes (IPMI v2.0 Table 5-2) into retry later, fail and fatal. */
class CompletionCodeTest {
    @Test
    void everyGenericCodeHasItsDisposition() {
        Map<Integer, CompletionCode.Disposition> expected = Map.ofEntries(Map.entry(0x00, OK),
                Map.entry(0xC0, RETRY_LATER), Map.entry(0xC1, FATAL), Map.entry(0xC2, FATAL),
                Map.entry(0xC3, RETRY_LATER), Map.entry(0xC4, FAIL), Map.entry(0xC5, FAIL), Map.entry(0xC6, FAIL),
                Map.entry(0xC7, FAIL), Map.entry(0xC8, FAIL), Map.entry(0xC9, FAIL), Map.entry(0xCA, FAIL),
                Map.entry(0xCB, FAIL), Map.entry(0xCC, FAIL), Map.entry(0xCD, FAIL), Map.entry(0xCE, RETRY_LATER),
                Map.entry(0xCF, FAIL), Map.entry(0xD0, RETRY_LATER), Map.entry(0xD1, RETRY_LATER),
                Map.entry(0xD2, RETRY_LATER), Map.entry(0xD3, FAIL), Map.entry(0xD4, FATAL), Map.entry(0xD5, FAIL),
                Map.entry(0xD6, FATAL), Map.entry(0xFF, FAIL), Map.entry(0x01, FAIL), Map.entry(0x80, FAIL));
        expected.forEach((code, d) -> assertEquals(d, CompletionCode.of(code).disposition(),
                CompletionCode.of(code).toString()));
    }

    @Test
    void toARequestWithoutDataInvalidFieldAndWrongStateMeanNotReady() {
        assertEquals(RETRY_LATER, CompletionCode.INVALID_DATA_FIELD.dispositionWithoutRequestData());
        assertEquals(RETRY_LATER, CompletionCode.NOT_SUPPORTED_IN_STATE.dispositionWithoutRequestData());
        assertEquals(RETRY_LATER, CompletionCode.of(0xD2).dispositionWithoutRequestData());
        assertEquals(FATAL, CompletionCode.INVALID_COMMAND.dispositionWithoutRequestData());
        assertEquals(FAIL, CompletionCode.UNSPECIFIED.dispositionWithoutRequestData());
    }

    @Test
    void transientIsRetryLater() {
        assertTrue(CompletionCode.NODE_BUSY.isTransient());
        assertTrue(CompletionCode.of(0xD1).isTransient());
        assertFalse(CompletionCode.NOT_SUPPORTED_IN_STATE.isTransient());
        assertFalse(CompletionCode.OK.isTransient());
    }
}
