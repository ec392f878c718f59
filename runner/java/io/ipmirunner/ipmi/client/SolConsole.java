package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.session.Workaround;
import io.ipmirunner.ipmi.sol.SolMachine;
import io.ipmirunner.ipmi.wire.PayloadType;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A host's serial console over LAN: a session of its own to the BMC (the SOL payload instance belongs to the
 * session that activates it, and the shared session stays free for chassis control), the payload checked and
 * activated (IPMI v2.0 §24.8, §24.4, §24.1), then characters both ways through {@link SolLink}. Closing
 * deactivates the payload (§24.2) and closes the session. Blocking calls: meant for virtual threads.
 */
public final class SolConsole implements AutoCloseable {
    /** What to do when SOL is already active on another session (one instance per BMC, §24.1). */
    public enum WhenActive { FAIL, STEAL }

    private static final int BUFFER_BYTES = 256 * 1024;

    private final Bmc own;
    private final BmcSession session;
    private final SolLink link;
    private final PayloadMessages.Activated activated;
    /** How the SOL port was chosen when it is not the session's (see {@link #open}). */
    private String portNote = "";
    private boolean closed;

    private SolConsole(Bmc own, BmcSession session, SolLink link, PayloadMessages.Activated activated) {
        this.own = own;
        this.session = session;
        this.link = link;
        this.activated = activated;
    }

    /**
     * Opens a console to the BMC behind {@code bmc}, through a new session with the same login. When Activate
     * Payload names another UDP port for SOL (§24.1; see {@link SolActivation#solPort}), a session is opened on
     * that port; if it logs in, the payload is deactivated here, this session closed, and SOL activated there,
     * as FreeIPMI's ipmiconsole does (a port that serves a payload need only carry that payload's commands,
     * §24.1). If nothing answers there, the reported port was wrong (FreeIPMI's {@code solport} faults) and SOL
     * goes on here: its link runs meanwhile, so what the host prints is not lost. {@link #portNote()} says
     * which way it went.
     */
    public static SolConsole open(Bmc bmc, WhenActive policy) throws IpmiException {
        BmcSession session = own(bmc, bmc.loginWith(c -> c));
        BmcTarget target = session.driver().target();
        int port = target.address().getPort();
        boolean ignore = target.config().workarounds().contains(Workaround.SOLPORT);
        SolConsole here = attach(session, policy);
        int sol = SolActivation.solPort(here.activated.port(), port, ignore);
        if (sol == port) {
            return here;
        }
        BmcSession probe = session.client().openUnshared(target.withPort(sol));
        try {
            // The first request logs in: Get Payload Activation Status, which such a port must carry (§24.4).
            probe.send(Commands.GET_PAYLOAD_ACTIVATION_STATUS, new PayloadMessages.TypeRequest(PayloadType.SOL));
        } catch (IpmiException.Unreachable | IpmiException.Timeout e) {
            probe.close();
            here.portNote = "the BMC reported SOL on UDP port " + sol + ", where nothing answered; SOL runs on port "
                    + port + " (ipmi_workarounds: [solport] skips the try)";
            return here;
        } catch (IpmiException | RuntimeException e) {
            probe.close();
            here.close();
            throw e;
        }
        here.close();
        SolConsole there = attach(probe, policy);
        if (SolActivation.solPort(there.activated.port(), sol, false) != sol) {
            int again = there.activated.port();
            there.close();
            throw new IpmiException.ProtocolError(bmc.host(), Phase.COMMAND, "the BMC moved SOL from UDP port " + port
                    + " to " + sol + " and from there to " + again);
        }
        there.portNote = "SOL runs on UDP port " + sol + ", as the BMC reported";
        return there;
    }

    /** How the SOL port was chosen, when it is not the session's; empty otherwise. */
    public String portNote() {
        return portNote;
    }

    private static BmcSession own(Bmc bmc, Bmc own) throws IpmiException {
        if (own instanceof BmcSession session) {
            return session;
        }
        own.close();
        throw new IpmiException.ProtocolError(bmc.host(), Phase.COMMAND, "this connection cannot carry SOL");
    }

    /** SOL activated in {@code own}, a session of the console's own, and the link started; closes it on failure. */
    private static SolConsole attach(BmcSession own, WhenActive policy) throws IpmiException {
        try {
            // The first request logs in; only then is the session's version and cipher suite known. Get Channel
            // Payload Support (§24.8) is not asked: OpenIPMI's ipmi_sim 2.0.33 dies on it, some BMCs refuse it
            // (FreeIPMI's solchannelsupport), and Activate Payload's completion code says as much (0x81).
            boolean taken = activeAlready(own);
            CipherSuite suite = onLoop(own, () -> own.driver().payloadSuite()).orElseThrow(() ->
                    new IpmiException.ProtocolError(own.host(), Phase.COMMAND, "SOL needs an IPMI v2.0 (RMCP+) session"));
            SolLink link = new SolLink(own.driver(), own.client().loop(), BUFFER_BYTES);
            onLoop(own, () -> {
                own.driver().attachPayloadPort(link);
                return null;
            });
            PayloadMessages.Activated a = SolActivation.activate(own, policy, taken, SolActivation.aux(suite));
            SolMachine.Limits limits = SolActivation.limits(a,
                    own.driver().target().config().workarounds().contains(Workaround.SOLPACKETSEQ));
            onLoop(own, () -> {
                link.start(limits);
                return null;
            });
            return new SolConsole(own, own, link, a);
        } catch (IpmiException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * Get Payload Activation Status (§24.4): whether SOL is active on some session already. A BMC that refuses
     * the command (FreeIPMI's solstatus: Supermicro X8SIL-F) is taken as "not active": Activate Payload then
     * tells, and only the policy steal deactivates anyone's.
     */
    private static boolean activeAlready(BmcSession own) throws IpmiException {
        try {
            return own.send(Commands.GET_PAYLOAD_ACTIVATION_STATUS, new PayloadMessages.TypeRequest(PayloadType.SOL))
                    .active(SolActivation.INSTANCE);
        } catch (IpmiException.CompletionCodeError e) {
            return false;
        }
    }

    private interface LoopCall<T> {
        T call();
    }

    private static <T> T onLoop(BmcSession s, LoopCall<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        s.client().execute(() -> f.complete(call.call()));
        return f.join();
    }

    public String host() {
        return own.host();
    }

    /** What Activate Payload answered: sizes, port. */
    public PayloadMessages.Activated activated() {
        return activated;
    }

    /** The host's output: count read, 0 when nothing came within {@code waitMillis}, -1 once the link ended. */
    public int read(byte[] buf, long waitMillis) throws InterruptedException {
        return link.read(buf, waitMillis);
    }

    /** Types characters; returns how many were queued within {@code waitMillis} (fewer once the link ended). */
    public int write(byte[] chars, long waitMillis) throws InterruptedException {
        return link.write(chars, waitMillis);
    }

    /**
     * A serial break on the host's port (IPMI v2.0 §15.9 operation bit 4; Linux takes a break and the next key
     * as a magic SysRq), after what was typed so far. False once the link has ended.
     */
    public boolean sendBreak() {
        return link.sendBreak();
    }

    /** Why the link ended (the BMC deactivated it, stopped acknowledging, the session was lost), if it did. */
    public Optional<String> ended() {
        return Optional.ofNullable(link.endReason());
    }

    /** Deactivates the payload (best effort: the BMC may be gone) and closes the session. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean live = link.endReason() == null;
        onLoop(session, () -> {
            link.end("console closed");
            return null;
        });
        try {
            if (live) {
                SolActivation.deactivate(own);
            }
        } catch (IpmiException e) {
            // The session closes next, and a BMC deactivates the payload of a closed session (§24.2).
        } finally {
            own.close();
        }
    }
}
