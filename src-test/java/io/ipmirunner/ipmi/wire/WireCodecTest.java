package io.ipmirunner.ipmi.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden byte vectors from the layouts in IPMI v2.0 §13 (hand-assembled, cross-checked with ipmitool -vvv). */
class WireCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void getChannelAuthCapabilitiesRequestMatchesTheBytesIpmitoolSends() {
        // ipmitool -I lanplus -vvv shows this first packet: RMCP 06 00 ff 07, v1.5 header auth none, seq 0,
        // id 0, length 9, message 20 18 c8 81 00 38 8e 04 b5.
        byte[] msg = IpmiRequest.toBmc(0x06, 0x38, 0, new byte[] {(byte) 0x8e, 0x04}).encode();
        assertEquals("2018c881003 88e04b5".replace(" ", ""), HEX.formatHex(msg));
        byte[] packet = new V15Packet(0, 0, 0, new byte[0], msg).encode();
        assertEquals("0600ff07" + "00" + "00000000" + "00000000" + "09" + "2018c88100388e04b5", HEX.formatHex(packet));
    }

    @Test
    void checksumsAreTwosComplement() {
        byte[] msg = IpmiRequest.toBmc(0x06, 0x01, 5, new byte[0]).encode();
        int sum1 = (msg[0] + msg[1] + msg[2]) & 0xFF;
        int sum2 = 0;
        for (int i = 3; i < msg.length; i++) {
            sum2 += msg[i];
        }
        assertEquals(0, sum1);
        assertEquals(0, sum2 & 0xFF);
    }

    @Test
    void responseRoundTripAndMatching() throws Exception {
        IpmiRequest req = IpmiRequest.toBmc(0x00, 0x01, 17, new byte[0]);
        IpmiResponse resp = req.respond(CompletionCode.OK, new byte[] {1, 2, 3});
        IpmiResponse back = IpmiResponse.decode(resp.encode());
        assertTrue(back.answers(0x00, 0x01, 17));
        assertFalse(back.answers(0x00, 0x01, 18));
        assertArrayEquals(new byte[] {1, 2, 3}, back.data());
        assertEquals(0x20, back.rsAddr());
        assertEquals(0x81, back.rqAddr());
    }

    @Test
    void badChecksumIsMalformed() {
        byte[] msg = IpmiRequest.toBmc(0x06, 0x01, 1, new byte[0]).encode();
        msg[msg.length - 1] ^= 1;
        assertThrows(MalformedPacketException.class, () -> IpmiRequest.decode(msg));
    }

    @Test
    void errorResponseKeepsItsCompletionCodeWithoutData() throws Exception {
        IpmiResponse r = IpmiRequest.toBmc(0x06, 0x01, 1, new byte[0]).respond(CompletionCode.of(0xC1), new byte[0]);
        IpmiResponse back = IpmiResponse.decode(r.encode());
        assertEquals(0xC1, back.completionCode().code());
        assertEquals("0xc1 (invalid command)", back.completionCode().toString());
        assertEquals("OEM code", CompletionCode.of(0x42).name());
        assertEquals("command-specific code", CompletionCode.of(0x81).name());
    }

    @Test
    void rmcpPlusPacketWithTrailerPadsToFourBytesAndExposesTheSignedRange() throws Exception {
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] sig = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        byte[] d = V20Packet.encode(PayloadType.IPMI, false, 0x11223344, 7, payload, (b, o, l) -> {
            assertEquals(0, l % 4, "integrity data is DWORD aligned (§13.28.4)");
            return sig;
        });
        V20Packet p = assertInstanceOf(V20Packet.class, LanPacket.decode(d));
        assertTrue(p.authenticated());
        assertEquals(0x11223344, p.sessionId());
        assertEquals(7, p.sessionSeq());
        assertArrayEquals(payload, p.payload());
        V20Packet.Trailer t = p.trailer(12);
        assertArrayEquals(sig, t.authCode());
        assertEquals(0, t.integrityData().length % 4);
        assertThrows(MalformedPacketException.class, () -> p.trailer(16));
    }

    @Test
    void asfPingAndPong() throws Exception {
        assertEquals("0600ff06000011be80070000", HEX.formatHex(AsfMessage.ping(7).encode()));
        AsfMessage pong = assertInstanceOf(AsfMessage.class, LanPacket.decode(AsfMessage.pong(7, true).encode()));
        assertEquals(AsfMessage.PRESENCE_PONG, pong.type());
        assertTrue(pong.ipmiSupported());
    }

    @Test
    void openSessionAndRakpRoundTrip() throws Exception {
        var req = new OpenSessionRequest(3, 4, 0xA0A1A2A3, 1, 1, 1);
        assertEquals(32, req.encode().length);
        assertEquals(req, OpenSessionRequest.decode(req.encode()));
        var resp = new OpenSessionResponse(3, RmcpPlusStatus.OK, 4, 0xA0A1A2A3, 0x0B0B0B0B, 1, 1, 1);
        assertEquals(resp, OpenSessionResponse.decode(resp.encode()));
        byte[] shortError = {3, 0x04};
        assertEquals(RmcpPlusStatus.of(4), OpenSessionResponse.decode(shortError).status());
        var m1 = new Rakp.Message1(3, 5, new byte[16], 0x14, "admin".getBytes());
        var m1b = Rakp.Message1.decode(m1.encode());
        assertEquals(0x14, m1b.role());
        assertArrayEquals("admin".getBytes(), m1b.username());
    }
}
