package io.ipmirunner.ipmi.sol;

import java.util.Arrays;
import java.util.List;

/**
 * The console side of the SOL packet exchange (IPMI v2.0 §15.9-§15.11), pure: packets, offered characters
 * and timer expiries in; packets to send, characters to deliver and timer requests out. No I/O, no clock.
 *
 * <p>Outbound (typed characters to the host): at most one data packet is outstanding (§15.11); it is resent
 * unchanged until the BMC acks its sequence number. An ack for fewer characters than sent (partial ack)
 * drops only those; the rest goes in the next packet with a new sequence number. A NACK keeps every
 * character and retries after a pause. Sequence numbers run 1-15 and wrap; 0 is reserved for ack-only
 * packets.
 *
 * <p>Inbound (the host's output): every packet carrying a sequence number is acked in a packet of its own,
 * with as many characters as the receiver has room for. A BMC whose ack got lost sends the same packet
 * again, perhaps with characters added: those of the last packet already taken are acked again and not
 * delivered twice. A BMC that reuses a sequence number for new characters (a known fault) still gets them
 * delivered, because they do not begin with the last packet's.
 */
public final class SolMachine {
    /**
     * Which end this machine plays: byte 4 means operations from the console and status from the BMC, and
     * its bit 4 is "generate break" one way and "SOL deactivating" the other (§15.9).
     */
    public enum Role { CONSOLE, BMC }

    /**
     * {@code maxChars}: characters per packet we send (the BMC's inbound payload size less the header);
     * {@code capacity}: characters queued for sending at most; a pause after a NACK; attempts per packet.
     * {@code bumpStuckSequence}: once per link, a packet sent {@code maxAttempts} times unacknowledged goes out
     * again under the next sequence number before the link is given up (FreeIPMI's {@code solpacketseq}, for
     * BMCs that stop acknowledging a number: Intel Windmill, Quanta Winterfell). Asked for, never assumed: a BMC
     * that took the characters and lost every ack gets them twice.
     */
    public record Limits(int maxChars, int capacity, long retransmitMillis, long nackPauseMillis, int maxAttempts,
                         int maxNacks, boolean bumpStuckSequence) {
        public Limits {
            if (maxChars < 1 || maxChars > 255 || capacity < maxChars || retransmitMillis < 1 || maxAttempts < 1
                    || nackPauseMillis < 1 || maxNacks < 1) {
                throw new IllegalArgumentException("bad SOL limits " + this);
            }
        }

        public Limits(int maxChars, int capacity, long retransmitMillis, long nackPauseMillis, int maxAttempts,
                      int maxNacks) {
            this(maxChars, capacity, retransmitMillis, nackPauseMillis, maxAttempts, maxNacks, false);
        }
    }

    private final Role role;
    private final Limits limits;
    private final byte[] queue;
    private int queued;
    private SolPacket inFlight;
    private int attempts;
    private int nacks;
    private boolean paused;
    private int nextSeq = 1;
    /** Where in the queue a break goes (the characters before it are sent first), or -1. */
    private int breakAt = -1;
    private int lastInSeq;
    private byte[] lastInData = new byte[0];
    private int lastInAccepted;
    private boolean ended;
    private boolean bumped;

    public SolMachine(Role role, Limits limits) {
        this.role = role;
        this.limits = limits;
        this.queue = new byte[limits.capacity()];
    }

    /** Characters waiting to be sent or acknowledged. */
    public int queued() {
        return queued;
    }

    public boolean ended() {
        return ended;
    }

    /** Queues as many of {@code chars} as there is room for and returns how many. */
    public int offer(byte[] chars, int off, int len, List<SolEffect> out) {
        if (ended) {
            return 0;
        }
        int n = Math.min(len, queue.length - queued);
        System.arraycopy(chars, off, queue, queued, n);
        queued += n;
        sendNext(out);
        return n;
    }

    /**
     * Asks the BMC to generate a break on the host's serial port (§15.9 operation bit 4), after the characters
     * queued so far: a packet of its own with a sequence number and no characters, resent until acked like
     * any data. A break asked for while one waits is the same break. False once the link has ended.
     */
    public boolean sendBreak(List<SolEffect> out) {
        if (ended) {
            return false;
        }
        if (breakAt < 0) {
            breakAt = queued;
        }
        sendNext(out);
        return true;
    }

    /** A packet from the BMC; {@code room} = characters the receiver can take now. */
    public void onPacket(SolPacket p, int room, List<SolEffect> out) {
        if (ended) {
            return;
        }
        if (inFlight != null && p.ackSeq() == inFlight.seq()) {
            acknowledged(p, out);
        }
        if (p.seq() != 0) {
            received(p, room, out);
        }
        if (role == Role.CONSOLE && (p.control() & SolPacket.ST_DEACTIVATING) != 0) {
            end("the BMC deactivated SOL", out);
        }
    }

    private void acknowledged(SolPacket ack, List<SolEffect> out) {
        int sent = inFlight.length();
        int accepted = ack.nack() ? 0 : Math.min(ack.acceptedCount(), sent);
        boolean breakSent = (inFlight.control() & SolPacket.OP_BREAK) != 0;
        inFlight = null;
        attempts = 0;
        if (breakSent && !ack.nack()) {
            out.add(new SolEffect.CancelTimer());
            sendNext(out);
            return;
        }
        if (breakSent) {
            breakAt = 0; // refused: asked again after the pause
        }
        if (accepted > 0) {
            nacks = 0;
            System.arraycopy(queue, accepted, queue, 0, queued - accepted);
            queued -= accepted;
            if (breakAt > 0) {
                breakAt -= accepted;
            }
            out.add(new SolEffect.Drained());
            out.add(new SolEffect.CancelTimer());
            sendNext(out);
            return;
        }
        if ((sent > 0 || breakSent) && ++nacks > limits.maxNacks()) {
            end("the BMC refused characters " + nacks + " times in a row", out);
            return;
        }
        // Refused or nothing taken: the host's port is not ready; ask again after a pause, not at once.
        paused = sent > 0 || breakSent;
        out.add(new SolEffect.ArmTimer(limits.nackPauseMillis()));
    }

    private void received(SolPacket p, int room, List<SolEffect> out) {
        byte[] data = p.data();
        // A resend after a lost ack has the last packet's sequence number and begins with its characters; a
        // BMC may append what its host printed since (OpenIPMI's ipmi_sim resends its whole buffer, up to 255).
        // Same number, other characters: a BMC that does not increment the number (a known fault), all new.
        boolean resend = p.seq() == lastInSeq && data.length >= lastInData.length
                && Arrays.equals(data, 0, lastInData.length, lastInData, 0, lastInData.length);
        if (resend && lastInAccepted < lastInData.length) {
            // We took only part of it: the BMC sends the rest under a new number once it has our ack, so taking
            // more now would deliver those characters twice. The same ack again.
            out.add(new SolEffect.Send(SolPacket.ack(p.seq(), lastInAccepted, lastInAccepted == 0)));
            return;
        }
        // All of the last one was taken: ack it again with the added characters (FreeIPMI's ipmiconsole reads a
        // resend so too). The accepted count is one byte: of a longer packet 255 are taken at most.
        int taken = resend ? lastInData.length : 0;
        int n = Math.max(0, Math.min(Math.min(room, data.length - taken), 255 - taken));
        if (n > 0) {
            out.add(new SolEffect.Deliver(Arrays.copyOfRange(data, taken, taken + n)));
        }
        int accepted = taken + n;
        lastInSeq = p.seq();
        lastInData = data;
        lastInAccepted = accepted;
        out.add(new SolEffect.Send(SolPacket.ack(p.seq(), accepted, data.length > 0 && accepted == 0)));
    }

    /** The timer fired: resend the outstanding packet, or retry after a NACK's pause. */
    public void onTimer(List<SolEffect> out) {
        if (ended) {
            return;
        }
        if (inFlight != null) {
            if (attempts >= limits.maxAttempts() && limits.bumpStuckSequence() && !bumped) {
                bumped = true;
                inFlight = new SolPacket(nextSeq, 0, 0, inFlight.control(), inFlight.data());
                nextSeq = nextSeq % 15 + 1;
                attempts = 0;
            }
            if (attempts >= limits.maxAttempts()) {
                end("no acknowledgement of SOL data after " + attempts + " transmissions", out);
                return;
            }
            attempts++;
            out.add(new SolEffect.Send(inFlight));
            out.add(new SolEffect.ArmTimer(limits.retransmitMillis()));
            return;
        }
        paused = false;
        sendNext(out);
    }

    private void sendNext(List<SolEffect> out) {
        if (inFlight != null || paused || queued == 0 && breakAt != 0) {
            return;
        }
        if (breakAt == 0) {
            breakAt = -1;
            inFlight = new SolPacket(nextSeq, 0, 0, SolPacket.OP_BREAK, new byte[0]);
        } else {
            int n = Math.min(Math.min(queued, limits.maxChars()), breakAt > 0 ? breakAt : Integer.MAX_VALUE);
            inFlight = new SolPacket(nextSeq, 0, 0, 0, Arrays.copyOf(queue, n));
        }
        nextSeq = nextSeq % 15 + 1;
        attempts = 1;
        out.add(new SolEffect.Send(inFlight));
        out.add(new SolEffect.ArmTimer(limits.retransmitMillis()));
    }

    /** The edge ends the link (deactivated, session lost): nothing more is sent or delivered. */
    public void end(String reason, List<SolEffect> out) {
        if (!ended) {
            ended = true;
            inFlight = null;
            out.add(new SolEffect.CancelTimer());
            out.add(new SolEffect.Ended(reason));
        }
    }
}
