package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.sol.SolEffect;
import io.ipmirunner.ipmi.sol.SolMachine;
import io.ipmirunner.ipmi.sol.SolPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.SerialConsole;
import io.ipmirunner.sim.model.SolSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The BMC's one SOL payload instance (IPMI v2.0 §15, §24): which session activated it and where that console
 * is, the BMC end of the packet exchange ({@link SolMachine} in the BMC role) between the session and the
 * host's {@link SerialConsole}. Pure: packets and the time in, datagrams for the console out. The SOL quirks
 * of {@link Quirk} are played here, on the packets, so the exchange itself stays the honest one.
 */
final class SolPort {
    /** What Activate Payload reports both ways: the SOL header and 196 characters. */
    static final int PAYLOAD_SIZE = 200;
    private static final long NONE = Long.MIN_VALUE;
    private static final SolMachine.Limits LIMITS = new SolMachine.Limits(PAYLOAD_SIZE - SolPacket.HEADER_LENGTH,
            2048, 300, 200, 20, 1000);

    private PlusSession owner;
    private Object peer;
    private SolMachine machine;
    private long timerAt = NONE;
    private FaultProfile faults = FaultProfile.NONE;
    private boolean flows;
    /** STUCK_SOL_SEQUENCE: the number of the console's first data packet, ignored until another comes; -1 none. */
    private int stuckSeq;
    /** SOL_STALLS_WHEN_ALERTS_FAIL, activated with alerts to fail: no character from the console is taken. */
    private boolean deaf;
    /** REPEATED_SOL_SEQUENCE: the real number of the data packet last sent as number 1. */
    private int realSeq;
    private final List<Outbound> outbox = new ArrayList<>();

    boolean active(SessionTable table) {
        if (owner != null && (table.byId(owner.id) != owner || !owner.active() || machine.ended())) {
            owner = null;
            machine = null;
            timerAt = NONE;
        }
        return owner != null;
    }

    /**
     * {@code port}: the UDP port to report for SOL; {@code faults}: the BMC's, for its SOL quirks; {@code flows}:
     * false when activated through a port that does not carry SOL (SOL_PORT_ELSEWHERE), where the instance is
     * taken but the host's output is kept for the console that activates on the SOL port.
     */
    Answer activate(SessionTable table, PlusSession s, Object from, PayloadMessages.InstanceRequest q, int port,
                    SolSettings settings, FaultProfile faults, boolean flows) {
        if (q.payloadType() != PayloadType.SOL || q.instance() != 1) {
            return Answer.INVALID_FIELD;
        }
        if (!settings.enabled()) {
            return Answer.code(PayloadMessages.CC_TYPE_DISABLED);
        }
        if (!s.privilege.atLeast(settings.privilege())) {
            return Answer.INSUFFICIENT_PRIVILEGE;
        }
        if (settings.forceEncryption() && (q.aux() & PayloadMessages.InstanceRequest.AUX_ENCRYPT) == 0) {
            return Answer.code(PayloadMessages.CC_MUST_ENCRYPT);
        }
        if (active(table)) {
            return Answer.code(PayloadMessages.CC_ALREADY_ACTIVE);
        }
        owner = s;
        peer = from;
        machine = new SolMachine(SolMachine.Role.BMC, LIMITS);
        timerAt = NONE;
        this.faults = faults;
        this.flows = flows;
        stuckSeq = faults.has(Quirk.STUCK_SOL_SEQUENCE) ? 0 : -1;
        // §24.1 SOL auxiliary data byte 1, bits 3:2: 00b = serial/modem alerts fail while SOL is active.
        deaf = faults.has(Quirk.SOL_STALLS_WHEN_ALERTS_FAIL) && (q.aux() & 0x0C) == 0;
        realSeq = 0;
        int size = faults.has(Quirk.SWAPPED_SOL_PAYLOAD_SIZE) ? Integer.reverseBytes(PAYLOAD_SIZE) >>> 16
                : PAYLOAD_SIZE;
        return Answer.ok(new PayloadMessages.Activated(q.aux() & 0xFF, size, size, port, 0xFFFF));
    }

    /** Any session may deactivate the instance (that is how a console takes it over); its console is told. */
    Answer deactivate(SessionTable table, PayloadMessages.InstanceRequest q, SecureRandom random) {
        if (q.payloadType() != PayloadType.SOL || q.instance() != 1) {
            return Answer.INVALID_FIELD;
        }
        if (!active(table)) {
            return Answer.code(PayloadMessages.CC_ALREADY_DEACTIVATED);
        }
        SolPacket bye = new SolPacket(0, 0, 0, SolPacket.ST_DEACTIVATING, new byte[0]);
        outbox.add(new Outbound(peer, RmcpPlusMessages.wrapPayload(owner, PayloadType.SOL, bye.encode(), random)));
        owner = null;
        machine = null;
        timerAt = NONE;
        return Answer.OK;
    }

    Answer status(SessionTable table) {
        return Answer.ok(new PayloadMessages.ActivationStatus(1, active(table) ? 1 : 0));
    }

    /** A SOL payload from session {@code s}: typed characters are echoed by the host, acks move output on. */
    void onPayload(SessionTable table, PlusSession s, Object from, byte[] payload, long now, SerialConsole serial,
                   SecureRandom random) {
        if (!active(table) || s != owner) {
            return;
        }
        peer = from;
        SolPacket p;
        try {
            p = SolPacket.decode(payload);
        } catch (MalformedPacketException e) {
            return;
        }
        p = quirky(p);
        if (p == null) {
            return;
        }
        List<SolEffect> out = new ArrayList<>();
        machine.onPacket(p, serial.room(), out);
        apply(out, now, serial, random);
        pump(now, serial, random);
    }

    /**
     * The console's packet as the quirks let the BMC see it: null when dropped whole; characters a quirk
     * refuses are taken out with the sequence number, so the packet's ack part still counts.
     */
    private SolPacket quirky(SolPacket p) {
        if (faults.has(Quirk.SWAPPED_SOL_PAYLOAD_SIZE) && p.length() > PAYLOAD_SIZE - SolPacket.HEADER_LENGTH) {
            return null; // longer than the buffer the BMC really has
        }
        int ack = p.ackSeq();
        if (faults.has(Quirk.REPEATED_SOL_SEQUENCE) && ack == 1 && realSeq != 0) {
            ack = realSeq; // the console acks number 1: it means the packet last sent
        }
        boolean data = p.seq() != 0;
        if (data && stuckSeq == 0) {
            stuckSeq = p.seq();
        } else if (data && stuckSeq > 0 && p.seq() != stuckSeq) {
            stuckSeq = -1; // unstuck by a new number, for the rest of the activation
        }
        if (data && (deaf || p.seq() == stuckSeq)) {
            return new SolPacket(0, ack, p.acceptedCount(), p.control() & SolPacket.NACK, new byte[0]);
        }
        return ack == p.ackSeq() ? p : new SolPacket(p.seq(), ack, p.acceptedCount(), p.control(), p.data());
    }

    /** Time passes: resend what is unacknowledged, send what the host printed. */
    void tick(SessionTable table, long now, SerialConsole serial, SecureRandom random) {
        if (!active(table)) {
            return;
        }
        if (timerAt != NONE && now >= timerAt) {
            timerAt = NONE;
            List<SolEffect> out = new ArrayList<>();
            machine.onTimer(out);
            apply(out, now, serial, random);
        }
        pump(now, serial, random);
    }

    private void pump(long now, SerialConsole serial, SecureRandom random) {
        if (machine == null || !flows) {
            return;
        }
        byte[] printed = serial.take(now, LIMITS.capacity() - machine.queued());
        if (printed.length > 0) {
            List<SolEffect> out = new ArrayList<>();
            machine.offer(printed, 0, printed.length, out);
            apply(out, now, serial, random);
        }
    }

    private void apply(List<SolEffect> effects, long now, SerialConsole serial, SecureRandom random) {
        for (SolEffect e : effects) {
            switch (e) {
                case SolEffect.Send s -> outbox.add(new Outbound(peer,
                        RmcpPlusMessages.wrapPayload(owner, PayloadType.SOL, numbered(s.packet()).encode(), random)));
                case SolEffect.Deliver d -> serial.type(d.chars());
                case SolEffect.ArmTimer a -> timerAt = now + a.millis();
                case SolEffect.CancelTimer c -> timerAt = NONE;
                case SolEffect.Drained d -> { }
                case SolEffect.Ended x -> timerAt = NONE;
            }
        }
    }

    /** REPEATED_SOL_SEQUENCE: every data packet goes out as number 1. */
    private SolPacket numbered(SolPacket p) {
        if (!faults.has(Quirk.REPEATED_SOL_SEQUENCE) || p.seq() == 0) {
            return p;
        }
        realSeq = p.seq();
        return new SolPacket(1, p.ackSeq(), p.acceptedCount(), p.control(), p.data());
    }

    /** Datagrams waiting for the edge to send; taking them empties the box. */
    List<Outbound> drain() {
        List<Outbound> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }
}
