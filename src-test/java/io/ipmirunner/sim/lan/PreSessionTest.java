package io.ipmirunner.sim.lan;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.wire.AsfMessage;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What anyone may ask without a session: ASF ping, authentication capabilities, cipher suites. */
class PreSessionTest {
    private final LanEndpoint bmc = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE), T0);

    @Test
    void asfPingGetsAPong() throws Exception {
        var pong = (AsfMessage) LanPacket.decode(bmc.handle(AsfMessage.ping(9).encode(), T0).orElseThrow());
        assertEquals(9, pong.tag());
        assertTrue(pong.ipmiSupported());
    }

    @Test
    void authCapabilitiesInBothForms() throws Exception {
        var v20 = authCaps(bmc, true);
        assertTrue(v20.supportsV20() && v20.supportsV15());
        assertTrue(v20.supportsAuthType(2) && v20.supportsAuthType(4) && !v20.supportsAuthType(0));
        var v15 = authCaps(bmc, false);
        assertEquals(0, v15.authTypes() & 0x80, "no v2.0 data unless asked");
        LanEndpoint old = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS,
                FaultProfile.NONE.withQuirks(Set.of(Quirk.IPMI_15_ONLY))), T0);
        assertFalse(authCaps(old, true).supportsV20());
    }

    @Test
    void cipherSuitesComeIn16BytePages() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] page;
        int index = 0;
        do {
            page = cipherSuitesPage(index++);
            all.writeBytes(page);
        } while (page.length == ChannelCipherSuites.PAGE_SIZE);
        assertEquals(2, index, "25 bytes of records: a full page and a short one");
        assertEquals(List.of(0, 1, 2, 3, 17), ChannelCipherSuites.parse(all.toByteArray()).stream()
                .map(ChannelCipherSuites.SuiteRecord::id).toList());
        var r17 = ChannelCipherSuites.parse(all.toByteArray()).get(4);
        assertEquals(List.of(3, 4, 1), List.of(r17.auth(), r17.integrity(), r17.confidentiality()));
    }

    private static ChannelAuthCapabilities.Response authCaps(LanEndpoint e, boolean v20) throws Exception {
        var spec = Commands.GET_CHANNEL_AUTH_CAPABILITIES;
        var q = new ChannelAuthCapabilities.Request(ChannelAuthCapabilities.CURRENT_CHANNEL, v20, 4);
        byte[] msg = IpmiRequest.toBmc(spec.netFn(), spec.cmd(), 1, q.toBytes()).encode();
        var reply = (V15Packet) LanPacket.decode(e.handle(new V15Packet(0, 0, 0, new byte[0], msg).encode(), T0)
                .orElseThrow());
        IpmiResponse r = IpmiResponse.decode(reply.message());
        return spec.decodeResponse(r.data());
    }

    private byte[] cipherSuitesPage(int index) throws Exception {
        var spec = Commands.GET_CHANNEL_CIPHER_SUITES;
        var q = new ChannelCipherSuites.Request(ChannelAuthCapabilities.CURRENT_CHANNEL, 0, index);
        byte[] msg = IpmiRequest.toBmc(spec.netFn(), spec.cmd(), 2, q.toBytes()).encode();
        var reply = (V20Packet) LanPacket.decode(bmc.handle(V20Packet.encode(PayloadType.IPMI, false, 0, 0, msg,
                null), T0).orElseThrow());
        return spec.decodeResponse(IpmiResponse.decode(reply.payload()).data()).recordData();
    }
}
