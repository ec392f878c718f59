package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.V15Packet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When an unanswered command counts as a lost session: only after the BMC answered two presence probes,
 * sent with different resends, so that ordinary loss (a command lost twice while one probe came back) does
 * not log in again and strand a session on the BMC.
 */
class SessionLossRuleTest {
    private final List<byte[]> sent = new ArrayList<>();
    private final SessionLoss loss = new SessionLoss();

    private static Operation read() {
        var spec = Commands.GET_CHASSIS_STATUS;
        return new Operation(spec.name(), spec.netFn(), spec.cmd(), new byte[0]);
    }

    /** The op was just sent for the {@code n}th time and the probe (if any) went along. */
    private void resent(Operation op, int n) {
        if (op.exchange == null) {
            op.exchange = new Exchange(Phase.COMMAND, BmcTimers.fleet(Timing.DEFAULT), 0);
        }
        while (op.attempts() < n) {
            op.exchange.sent(0);
        }
        byte[] probe = loss.probeAfter(op);
        if (probe != null) {
            sent.add(probe);
        }
    }

    /** The BMC's answer, outside the session, to the latest probe. */
    private void probeAnswered(Operation op) throws Exception {
        byte[] probe = sent.getLast();
        IpmiRequest q = IpmiRequest.decode(((V15Packet) LanPacket.decode(probe)).message());
        var spec = Commands.GET_CHANNEL_AUTH_CAPABILITIES;
        var caps = new ChannelAuthCapabilities.Response(1, 1, 0, 0, 0, 0);
        var r = new IpmiResponse(0x81, spec.netFn() | 1, 0, 0x20, q.rqSeq(), 0, spec.cmd(), CompletionCode.OK,
                caps.toBytes());
        loss.heardOutside(LanPacket.decode(new V15Packet(V15Packet.AUTH_NONE, 0, 0, new byte[0], r.encode())
                .encode()), op);
    }

    @Test
    void theFirstSendGoesWithoutAProbe() {
        resent(read(), 1);
        assertTrue(sent.isEmpty());
    }

    @Test
    void oneAnsweredProbeIsOrdinaryLossNotALostSession() throws Exception {
        Operation op = read();
        resent(op, 2);
        probeAnswered(op);
        probeAnswered(op); // a duplicated answer to the same probe is still one
        assertFalse(loss.sessionGone(op));
    }

    @Test
    void twoProbesAnsweredWithTheCommandSilentMeanTheSessionIsGone() throws Exception {
        Operation op = read();
        resent(op, 2);
        probeAnswered(op);
        assertFalse(loss.sessionGone(op));
        resent(op, 3);
        probeAnswered(op);
        assertTrue(loss.sessionGone(op));
        assertEquals(2, sent.size(), "one probe per resend");
    }

    @Test
    void aProbeAnsweredForAnEarlierCommandDoesNotCount() throws Exception {
        Operation first = read();
        resent(first, 2);
        probeAnswered(first);
        Operation second = read();
        resent(second, 2);
        probeAnswered(second);
        assertFalse(loss.sessionGone(second), "only one of its own probes was answered");
    }

    @Test
    void aWriteIsNeverMovedToAFreshSessionByProbes() throws Exception {
        var spec = Commands.CHASSIS_CONTROL;
        Operation write = new Operation(spec.name(), spec.netFn(), spec.cmd(), new byte[] {2});
        resent(write, 2);
        probeAnswered(write);
        resent(write, 3);
        probeAnswered(write);
        assertFalse(loss.sessionGone(write));
    }
}
