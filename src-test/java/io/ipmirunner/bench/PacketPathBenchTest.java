package io.ipmirunner.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.session.Decoded;
import org.junit.jupiter.api.Test;

/** The micro-benchmark measures the paths a session really takes, not a rejection. */
class PacketPathBenchTest {
    @Test
    void theBenchmarkedReplyIsAcceptedAndLoginCryptoRuns() throws Exception {
        var b = new PacketPathBench();
        b.setUp();
        var accepted = assertInstanceOf(Decoded.Accepted.class, b.decodeResponse());
        assertArrayEquals(new byte[] {0x61, 0x10, 0x00, 0x70}, accepted.response().data());
        assertTrue(b.encodeRequest().length > 32, "an encrypted, signed request");
        assertTrue(b.integrityAndConfidentiality().length == 12, "HMAC-SHA1-96");
        b.sessionEstablishment();
    }
}
