package io.ipmirunner.ipmi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.NetFn;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.session.RmcpPlusSession;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A BMC double logs the rqSeq and session sequence number of every request the engine's {@link Transmissions}
 * puts on the wire for a Chassis Control whose reply does not come: a probe first, never a blind copy; a
 * copy is the spec's retry (the same rqSeq in a new packet, a new session sequence number) and is marked.
 */
class NonIdempotentRetryTest {
    record Logged(int cmd, int rqSeq, int sessionSeq) {}

    private final RmcpPlusSession session = new RmcpPlusSession(CipherSuite.byId(0).orElseThrow(),
            new SessionKeys(new byte[20], new byte[20], new byte[16]), new byte[0], 0x1234, 0x5678,
            Privilege.ADMINISTRATOR, new SecureRandom());
    private final Transmissions tx = new Transmissions();
    private final List<Logged> log = new ArrayList<>();
    private int bmcSeq = 100;

    private void wire(IpmiRequest request) throws Exception {
        V20Packet p = (V20Packet) LanPacket.decode(session.encode(request));
        IpmiRequest seen = IpmiRequest.decode(p.payload());
        log.add(new Logged(seen.cmd(), seen.rqSeq(), p.sessionSeq()));
    }

    /** The BMC's reply to a logged request reaches the client, numbered by the BMC. */
    private void reply(Logged l, int netFn) {
        tx.answered(new IpmiResponse(0x81, netFn | 1, 0, 0x20, l.rqSeq(), 0, l.cmd(), CompletionCode.of(0),
                new byte[0]), bmcSeq++);
    }

    private Operation control() throws Exception {
        Operation read = new Operation("Get Chassis Status", NetFn.CHASSIS, 0x01, new byte[0]);
        assertTrue(read.idempotent);
        inFlight(read);
        wire(tx.request(read, false));
        reply(log.getLast(), NetFn.CHASSIS);
        tx.settle();
        var spec = Commands.CHASSIS_CONTROL;
        Operation op = new Operation(spec.name(), spec.netFn(), spec.cmd(),
                new ChassisControl(ChassisControl.HARD_RESET).toBytes());
        assertFalse(op.idempotent);
        inFlight(op);
        wire(tx.request(op, false));
        op.exchange.sent(0);
        return op;
    }

    private static void inFlight(Operation op) {
        op.exchange = new Exchange(Phase.COMMAND, BmcTimers.fleet(Timing.DEFAULT), 0);
    }

    @Test
    void aLostReplyIsFoundOutByAProbeAndTheRequestIsNotResent() throws Exception {
        Operation op = control();
        bmcSeq++; // the BMC executed it and numbered its reply; the reply was lost
        assertInstanceOf(Transmissions.Next.Probe.class, tx.onTimeout(op));
        wire(tx.probe(op));
        reply(log.getLast(), NetFn.APP);
        assertInstanceOf(Transmissions.Next.Arrived.class, tx.onOtherReply(op));
        assertEquals(1, log.stream().filter(l -> l.cmd() == 0x02).count(), log.toString());
        assertFalse(op.duplicatePossible);
    }

    @Test
    void aResendKeepsTheRqSeqTakesANewSessionSequenceNumberAndIsMarked() throws Exception {
        Operation op = control();
        assertInstanceOf(Transmissions.Next.Probe.class, tx.onTimeout(op));
        wire(tx.probe(op));
        reply(log.getLast(), NetFn.APP); // no gap: the numbers suggest the request never arrived
        assertInstanceOf(Transmissions.Next.Resend.class, tx.onOtherReply(op));
        wire(tx.request(op, true));
        List<Logged> copies = log.stream().filter(l -> l.cmd() == 0x02).toList();
        assertEquals(2, copies.size(), log.toString());
        assertEquals(copies.get(0).rqSeq(), copies.get(1).rqSeq(), "a retry carries the same rqSeq: " + log);
        assertTrue(copies.get(1).sessionSeq() > copies.get(0).sessionSeq(), "and a new session sequence number");
        Logged probe = log.get(2);
        assertNotEquals(copies.get(0).rqSeq(), probe.rqSeq(), "the probe is a request of its own");
        assertTrue(op.duplicatePossible, "resent without proof the first copy was lost");
    }
}
