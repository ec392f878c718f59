package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.sol.SolEffect;
import io.ipmirunner.ipmi.sol.SolMachine;
import io.ipmirunner.ipmi.sol.SolPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.model.SerialConsole;
import io.ipmirunner.sim.model.SolSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The BMC's one SOL payload instance (IPMI v2.0 §15, §24): which session activated it and where that console
 * is, the BMC end of the packet exchange ({@link SolMachine} in the BMC role) between the session and the
 * host's {@link SerialConsole}. Pure: packets and the time in, datagrams for the console out.
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
    private final List<Outbound> outbox = new ArrayList<>();

    boolean active(SessionTable table) {
        if (owner != null && (table.byId(owner.id) != owner || !owner.active() || machine.ended())) {
            owner = null;
            machine = null;
            timerAt = NONE;
        }
        return owner != null;
    }

    Answer activate(SessionTable table, PlusSession s, Object from, PayloadMessages.InstanceRequest q, int port,
                    SolSettings settings) {
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
        return Answer.ok(new PayloadMessages.Activated(q.aux() & 0xFF, PAYLOAD_SIZE, PAYLOAD_SIZE, port, 0xFFFF));
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
        List<SolEffect> out = new ArrayList<>();
        machine.onPacket(p, serial.room(), out);
        apply(out, now, serial, random);
        pump(now, serial, random);
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
        if (machine == null) {
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
                        RmcpPlusMessages.wrapPayload(owner, PayloadType.SOL, s.packet().encode(), random)));
                case SolEffect.Deliver d -> serial.type(d.chars());
                case SolEffect.ArmTimer a -> timerAt = now + a.millis();
                case SolEffect.CancelTimer c -> timerAt = NONE;
                case SolEffect.Drained d -> { }
                case SolEffect.Ended x -> timerAt = NONE;
            }
        }
    }

    /** Datagrams waiting for the edge to send; taking them empties the box. */
    List<Outbound> drain() {
        List<Outbound> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }
}
