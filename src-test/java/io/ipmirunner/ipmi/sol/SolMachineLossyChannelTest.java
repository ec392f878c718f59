package io.ipmirunner.ipmi.sol;

import static io.ipmirunner.ipmi.sol.SolMachineTest.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SOL machine over a lossy channel against a model BMC that follows §15.11. */
class SolMachineLossyChannelTest {
    /**
     * Both directions over a channel that loses 30% of packets each way, with a model BMC that follows
     * §15.11 (one packet outstanding, resend until acked, characters added to a resend): every character
     * arrives once, in order.
     */
    @Test
    void nothingIsLostOrDoubledOverALossyChannel() {
        SplittableRandom random = new SplittableRandom(42);
        SolMachine console = new SolMachine(SolMachine.Role.CONSOLE, new SolMachine.Limits(16, 256, 500, 200, 1000, 1000));
        ModelBmc bmc = new ModelBmc();
        StringBuilder hostPrints = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            hostPrints.append("line ").append(i).append(" of the boot log\r\n");
        }
        String typed = "root\rpassword\rls -l /var/log\r".repeat(20);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        List<SolEffect> out = new ArrayList<>();
        int offered = 0;
        int printed = 0;
        for (int round = 0; round < 200_000 && (got.size() < hostPrints.length()
                || bmc.received.length() < typed.length()); round++) {
            // The host prints a few characters a round, so resends find more to add.
            int more = Math.min(hostPrints.length() - printed, random.nextInt(0, 12));
            bmc.pending.append(hostPrints, printed, printed + more);
            printed += more;
            if (offered < typed.length()) {
                byte[] t = ascii(typed);
                offered += console.offer(t, offered, t.length - offered, out);
            }
            List<SolPacket> toBmc = new ArrayList<>();
            for (SolEffect e : out) {
                switch (e) {
                    case SolEffect.Send s -> toBmc.add(s.packet());
                    case SolEffect.Deliver d -> got.writeBytes(d.chars());
                    default -> { }
                }
            }
            out.clear();
            List<SolPacket> toConsole = new ArrayList<>();
            for (SolPacket p : toBmc) {
                if (random.nextDouble() >= 0.3) {
                    toConsole.addAll(bmc.onPacket(p, random));
                }
            }
            if (random.nextInt(4) == 0) {
                toConsole.addAll(bmc.tick()); // its retransmission timer
                console.onTimer(out);
            }
            for (SolPacket p : toConsole) {
                if (random.nextDouble() >= 0.3) {
                    console.onPacket(p, random.nextInt(0, 40), out);
                }
            }
        }
        assertEquals(hostPrints.toString(), got.toString(StandardCharsets.US_ASCII));
        assertEquals(typed, bmc.received.toString());
        assertTrue(bmc.retransmits > 10, "the channel really lost packets: " + bmc.retransmits);
    }

    /**
     * A BMC by the book: sends its host's output one packet at a time, acks what it receives; its resends add
     * what the host printed since.
     */
    private static final class ModelBmc {
        final StringBuilder pending = new StringBuilder();
        final StringBuilder received = new StringBuilder();
        SolPacket outstanding;
        int nextSeq = 1;
        int lastSeq;
        int lastCount;
        int retransmits;

        List<SolPacket> onPacket(SolPacket p, SplittableRandom random) {
            List<SolPacket> replies = new ArrayList<>();
            if (outstanding != null && p.ackSeq() == outstanding.seq()) {
                int n = p.nack() ? 0 : Math.min(p.acceptedCount(), outstanding.length());
                pending.delete(0, n);
                outstanding = null;
            }
            if (p.seq() != 0) {
                if (p.seq() != lastSeq) {
                    int n = random.nextInt(4) == 0 ? random.nextInt(p.length() + 1) : p.length();
                    received.append(new String(p.data(), 0, n, StandardCharsets.US_ASCII));
                    lastSeq = p.seq();
                    lastCount = n;
                }
                replies.add(SolPacket.ack(p.seq(), lastCount, false));
            }
            if (outstanding == null) {
                replies.addAll(sendNext());
            }
            return replies;
        }

        List<SolPacket> tick() {
            if (outstanding != null) {
                // As ipmi_sim does: the resend carries what the host printed since, under the same number.
                retransmits++;
                outstanding = new SolPacket(outstanding.seq(), 0, 0, 0,
                        ascii(pending.substring(0, Math.min(pending.length(), 23))));
                return List.of(outstanding);
            }
            return sendNext();
        }

        private List<SolPacket> sendNext() {
            if (pending.isEmpty()) {
                return List.of();
            }
            int n = Math.min(pending.length(), 23);
            outstanding = new SolPacket(nextSeq, 0, 0, 0, ascii(pending.substring(0, n)));
            nextSeq = nextSeq % 15 + 1;
            return List.of(outstanding);
        }
    }
}
