package io.ipmirunner.sim.lan;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.Step;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.OpenSessionRequest;
import io.ipmirunner.ipmi.wire.OpenSessionResponse;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.RmcpPlusStatus;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import org.junit.jupiter.api.Test;

/** Session limit, idle timeout, replay protection and the session commands, on a fake clock. */
class SessionRulesTest {
    private final LanEndpoint bmc = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE), T0);

    @Test
    void theFifthSessionIsRefusedUntilOneIsClosed() throws Exception {
        ActiveSession[] s = new ActiveSession[4];
        for (int i = 0; i < 4; i++) {
            s[i] = SimHarness.session(bmc, SimHarness.admin().withCipherSuite(3), T0);
        }
        assertEquals(4, bmc.activeSessions(T0));
        assertEquals(RmcpPlusStatus.INSUFFICIENT_RESOURCES, openSession(T0).status());
        SimHarness.ok(bmc, s[0], Commands.CLOSE_SESSION, new SessionMessages.CloseRequest(s[0].bmcSessionId()), T0);
        assertEquals(3, bmc.activeSessions(T0));
        assertEquals(RmcpPlusStatus.OK, openSession(T0).status());
    }

    @Test
    void idleSessionsExpireAfterTheTimeout() {
        ActiveSession s = SimHarness.session(bmc, SimHarness.admin(), T0);
        SimHarness.ok(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0 + 59_000);
        assertTrue(SimHarness.call(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0 + 118_000).isPresent(),
                "activity restarts the idle clock");
        assertTrue(SimHarness.call(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0 + 179_000).isEmpty());
        assertEquals(0, bmc.activeSessions(T0 + 179_000));
    }

    @Test
    void aReplayedRequestIsDropped() {
        ActiveSession s = SimHarness.session(bmc, SimHarness.admin().withCipherSuite(17), T0);
        var spec = Commands.GET_DEVICE_ID;
        byte[] datagram = s.encode(IpmiRequest.toBmc(spec.netFn(), spec.cmd(), 9, new byte[0]));
        assertTrue(bmc.handle(datagram, T0).isPresent());
        assertTrue(bmc.handle(datagram, T0).isEmpty());
    }

    @Test
    void privilegeCanBeLoweredAndRaisedOnlyUpToTheSessionMaximum() {
        ActiveSession s = SimHarness.session(bmc, SimHarness.admin(), T0);
        var user = SimHarness.ok(bmc, s, Commands.SET_SESSION_PRIVILEGE, new SessionMessages.PrivilegeLevel(2), T0);
        assertEquals(2, user.privilege());
        ActiveSession op = SimHarness.session(bmc, SimHarness.admin().withPrivilege(
                io.ipmirunner.ipmi.command.Privilege.OPERATOR), T0);
        var r = SimHarness.call(bmc, op, Commands.SET_SESSION_PRIVILEGE, new SessionMessages.PrivilegeLevel(4), T0);
        assertEquals(0x81, r.orElseThrow().completionCode().code());
    }

    @Test
    void getSessionInfoCountsSessions() {
        ActiveSession s = SimHarness.session(bmc, SimHarness.admin(), T0);
        SimHarness.session(bmc, SimHarness.admin().withCipherSuite(3), T0);
        var info = SimHarness.ok(bmc, s, Commands.GET_SESSION_INFO, new SessionMessages.InfoRequest(0), T0);
        assertEquals(4, info.slotCount());
        assertEquals(2, info.activeCount());
        assertEquals(2, info.userId());
    }

    @Test
    void aColdResetSilencesTheBmcAndForgetsSessions() {
        ActiveSession s = SimHarness.session(bmc, SimHarness.admin(), T0);
        SimHarness.ok(bmc, s, Commands.COLD_RESET, Empty.INSTANCE, T0);
        assertTrue(SimHarness.call(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0 + 5_000).isEmpty());
        assertTrue(SimHarness.call(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0 + 11_000).isEmpty(),
                "back, but the session is gone");
        assertInstanceOf(Step.Established.class, SimHarness.login(bmc, SimHarness.admin(), T0 + 11_000));
    }

    @Test
    void outsideASessionOnlyThePreSessionCommandsAreAnswered() {
        var spec = Commands.GET_DEVICE_ID;
        byte[] msg = IpmiRequest.toBmc(spec.netFn(), spec.cmd(), 1, new byte[0]).encode();
        assertTrue(bmc.handle(new V15Packet(0, 0, 0, new byte[0], msg).encode(), T0).isEmpty());
        assertTrue(bmc.handle(V20Packet.encode(PayloadType.IPMI, false, 0, 0, msg, null), T0).isEmpty());
    }

    @Test
    void exhaustedBmcRefusesEverySession() {
        LanEndpoint full = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS,
                FaultProfile.NONE.withSessionsExhausted(true)), T0);
        Step s = SimHarness.login(full, SimHarness.admin(), T0);
        assertInstanceOf(Step.SendLater.class, s, "the client backs off and retries: " + s);
    }

    private OpenSessionResponse openSession(long now) throws Exception {
        var q = new OpenSessionRequest(1, 4, 0x1234, 1, 1, 1);
        byte[] d = V20Packet.encode(PayloadType.OPEN_SESSION_REQUEST, false, 0, 0, q.encode(), null);
        V20Packet p = (V20Packet) LanPacket.decode(bmc.handle(d, now).orElseThrow());
        return OpenSessionResponse.decode(p.payload());
    }
}
