package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.app.PayloadMessages;
import org.junit.jupiter.api.Test;

/** How Activate Payload's answer is read (IPMI v2.0 §24.1, Table 24-2): the SOL port and the payload sizes. */
class SolActivationTest {
    @Test
    void theSessionsPortUnlessAnotherIsReportedAndNotIgnored() {
        assertEquals(623, SolActivation.solPort(0, 623, false), "0: no port named");
        assertEquals(623, SolActivation.solPort(623, 623, false));
        assertEquals(623, SolActivation.solPort(0x6F02, 623, false), "623 with its bytes swapped (X8DTH-iF)");
        assertEquals(9101, SolActivation.solPort(0x8D23, 9101, false), "any session port swapped, as ipmitool");
        assertEquals(40001, SolActivation.solPort(40001, 623, false), "a port of its own: followed");
        assertEquals(623, SolActivation.solPort(40001, 623, true), "ipmi_workarounds: [solport]");
    }

    private static SolMachineLimitsView limits(int inbound) {
        var l = SolActivation.limits(new PayloadMessages.Activated(0, inbound, inbound, 623, 0xFFFF), false);
        return new SolMachineLimitsView(l.maxChars(), l.bumpStuckSequence());
    }

    private record SolMachineLimitsView(int chars, boolean bump) {}

    @Test
    void sizesOutOfTheHeadersRangeFallBackTo32Characters() {
        assertEquals(196, limits(200).chars());
        assertEquals(1, limits(5).chars());
        assertEquals(255, limits(259).chars());
        assertEquals(32, limits(4).chars(), "no room for a character");
        assertEquals(32, limits(0).chars());
        assertEquals(32, limits(0xC800).chars(), "200 with its bytes swapped");
        assertEquals(32, limits(260).chars(), "more than the accepted count's one byte can ack");
        assertFalse(limits(200).bump());
        assertTrue(SolActivation.limits(new PayloadMessages.Activated(0, 200, 200, 623, 0xFFFF), true)
                .bumpStuckSequence());
    }
}
