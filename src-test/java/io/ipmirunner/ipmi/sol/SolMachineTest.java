package io.ipmirunner.ipmi.sol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SOL packet exchange (IPMI v2.0 §15.9-§15.11) as a pure machine: no sockets, no clock. */
class SolMachineTest {
    static final SolMachine.Limits LIMITS = new SolMachine.Limits(8, 64, 500, 200, 5, 3);

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static List<SolPacket> sent(List<SolEffect> effects) {
        return effects.stream().filter(e -> e instanceof SolEffect.Send).map(e -> ((SolEffect.Send) e).packet())
                .toList();
    }

    static String delivered(List<SolEffect> effects) {
        StringBuilder b = new StringBuilder();
        effects.stream().filter(e -> e instanceof SolEffect.Deliver)
                .forEach(e -> b.append(new String(((SolEffect.Deliver) e).chars(), StandardCharsets.US_ASCII)));
        return b.toString();
    }

    @Test
    void headerLayoutIsTable15_2() throws MalformedPacketException {
        SolPacket p = new SolPacket(3, 7, 5, SolPacket.NACK, ascii("ab"));
        assertEquals("0307054061" + "62", HexFormat.of().formatHex(p.encode()));
        assertEquals(p, SolPacket.decode(p.encode()));
        // Reserved high nibbles are ignored, not taken as part of the sequence numbers.
        SolPacket q = SolPacket.decode(HexFormat.of().parseHex("f3a70000"));
        assertEquals(3, q.seq());
        assertEquals(7, q.ackSeq());
        assertThrows(MalformedPacketException.class, () -> SolPacket.decode(new byte[3]));
    }

    @Test
    void decoderTurnsAnyBytesIntoAPacketOrTheTypedError() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            try {
                SolPacket p = SolPacket.decode(data);
                assertEquals(data.length - SolPacket.HEADER_LENGTH, p.length());
                SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
                List<SolEffect> out = new ArrayList<>();
                m.offer(ascii("x"), 0, 1, out);
                m.onPacket(p, random.nextInt(-5, 300), out); // nothing a BMC sends may crash the machine
            } catch (MalformedPacketException expected) {
                assertTrue(data.length < SolPacket.HEADER_LENGTH);
            }
        }
    }

    @Test
    void typedCharactersGoOnePacketAtATimeWithSequence1To15AndWrap() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, new SolMachine.Limits(1, 64, 500, 200, 5, 3));
        List<SolEffect> out = new ArrayList<>();
        assertEquals(20, m.offer(ascii("abcdefghijklmnopqrst"), 0, 20, out));
        List<Integer> seqs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<SolPacket> s = sent(out);
            assertEquals(1, s.size(), "one packet outstanding");
            seqs.add(s.get(0).seq());
            out.clear();
            m.onPacket(SolPacket.ack(s.get(0).seq(), 1, false), 0, out);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1, 2, 3, 4, 5), seqs);
        assertEquals(0, m.queued());
    }

    @Test
    void aPartialAckSendsTheRestInANewPacket() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        m.offer(ascii("hello"), 0, 5, out);
        SolPacket first = sent(out).get(0);
        out.clear();
        m.onPacket(SolPacket.ack(first.seq(), 2, false), 0, out);
        SolPacket rest = sent(out).get(0);
        assertEquals("llo", new String(rest.data(), StandardCharsets.US_ASCII));
        assertEquals(first.seq() + 1, rest.seq());
    }

    @Test
    void aNackKeepsTheCharactersAndRetriesAfterAPause() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        m.offer(ascii("hi"), 0, 2, out);
        SolPacket first = sent(out).get(0);
        out.clear();
        m.onPacket(SolPacket.ack(first.seq(), 0, true), 0, out);
        assertEquals(List.of(), sent(out), "not at once");
        assertTrue(out.contains(new SolEffect.ArmTimer(200)));
        out.clear();
        m.onTimer(out);
        assertEquals("hi", new String(sent(out).get(0).data(), StandardCharsets.US_ASCII));
        for (int i = 0; i < 3; i++) {
            SolPacket p = sent(out).get(0);
            out.clear();
            m.onPacket(SolPacket.ack(p.seq(), 0, true), 0, out);
            m.onTimer(out);
        }
        assertTrue(m.ended(), "a BMC that refuses forever ends the link: " + out);
    }

    @Test
    void anUnackedPacketIsResentUnchangedThenTheLinkEnds() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        m.offer(ascii("abc"), 0, 3, out);
        SolPacket first = sent(out).get(0);
        for (int i = 0; i < LIMITS.maxAttempts() - 1; i++) {
            out.clear();
            m.onTimer(out);
            assertEquals(List.of(first), sent(out));
        }
        out.clear();
        m.onTimer(out);
        assertInstanceOf(SolEffect.Ended.class, out.get(out.size() - 1));
        assertEquals(0, m.offer(ascii("x"), 0, 1, out), "nothing is taken after the end");
    }

    @Test
    void inboundIsAckedDeliveredOnceAndARepeatIsAckedAgain() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        SolPacket data = new SolPacket(4, 0, 0, 0, ascii("POST ok"));
        m.onPacket(data, 100, out);
        assertEquals("POST ok", delivered(out));
        assertEquals(List.of(SolPacket.ack(4, 7, false)), sent(out));
        out.clear();
        m.onPacket(data, 100, out); // our ack was lost
        assertEquals("", delivered(out));
        assertEquals(List.of(SolPacket.ack(4, 7, false)), sent(out));
        out.clear();
        // A BMC that does not increment the sequence number: new characters are still new.
        m.onPacket(new SolPacket(4, 0, 0, 0, ascii("PXE")), 100, out);
        assertEquals("PXE", delivered(out));
    }

    /**
     * OpenIPMI's ipmi_sim resends its whole buffer under the old sequence number, with what the host printed
     * since added: a console that took the packet once must deliver only the added characters and ack all.
     */
    @Test
    void aResendWithCharactersAddedDeliversOnlyTheAddedOnes() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        m.onPacket(new SolPacket(6, 0, 0, 0, ascii("BIOS ")), 100, out);
        out.clear();
        m.onPacket(new SolPacket(6, 0, 0, 0, ascii("BIOS v2.1\r\n")), 100, out); // the ack was lost
        assertEquals("v2.1\r\n", delivered(out));
        assertEquals(List.of(SolPacket.ack(6, 11, false)), sent(out));
        out.clear();
        m.onPacket(new SolPacket(6, 0, 0, 0, ascii("BIOS v2.1\r\nPOST")), 2, out); // lost again; little room
        assertEquals("PO", delivered(out));
        assertEquals(List.of(SolPacket.ack(6, 13, false)), sent(out));
        out.clear();
        m.onPacket(new SolPacket(7, 0, 0, 0, ascii("ST ok")), 100, out);
        assertEquals("ST ok", delivered(out));
    }

    @Test
    void aFullReceiverAcceptsPartOrNacks() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        m.onPacket(new SolPacket(1, 0, 0, 0, ascii("abcdef")), 4, out);
        assertEquals("abcd", delivered(out));
        assertEquals(List.of(SolPacket.ack(1, 4, false)), sent(out));
        out.clear();
        m.onPacket(new SolPacket(2, 0, 0, 0, ascii("ef")), 0, out);
        assertEquals("", delivered(out));
        assertEquals(List.of(SolPacket.ack(2, 0, true)), sent(out));
        out.clear();
        // Its resend, now with room and a character added: still refused, or the BMC, once it has the first
        // NACK, would send "ef" again under a new number and they would come out twice.
        m.onPacket(new SolPacket(2, 0, 0, 0, ascii("efg")), 5, out);
        assertEquals("", delivered(out));
        assertEquals(List.of(SolPacket.ack(2, 0, true)), sent(out));
    }

    /** §15.9 operation bit 4: a packet of its own, after the characters typed before it, resent until acked. */
    @Test
    void aBreakGoesAfterWhatWasTypedBeforeItAndIsResentUntilAcked() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, new SolMachine.Limits(4, 64, 500, 200, 5, 3));
        List<SolEffect> out = new ArrayList<>();
        m.offer(ascii("abcdef"), 0, 6, out);
        assertTrue(m.sendBreak(out));
        m.offer(ascii("h"), 0, 1, out);
        assertTrue(m.sendBreak(out), "a second break while one waits is the same one");
        List<SolPacket> s = sent(out);
        assertEquals(List.of(new SolPacket(1, 0, 0, 0, ascii("abcd"))), s);
        out.clear();
        m.onPacket(SolPacket.ack(1, 4, false), 0, out);
        assertEquals(List.of(new SolPacket(2, 0, 0, 0, ascii("ef"))), sent(out), "not past the break");
        out.clear();
        m.onPacket(SolPacket.ack(2, 2, false), 0, out);
        SolPacket brk = new SolPacket(3, 0, 0, SolPacket.OP_BREAK, new byte[0]);
        assertEquals(List.of(brk), sent(out));
        out.clear();
        m.onTimer(out);
        assertEquals(List.of(brk), sent(out), "resent unchanged");
        out.clear();
        m.onPacket(SolPacket.ack(3, 0, true), 0, out);
        assertEquals(List.of(), sent(out), "refused: asked again after the pause");
        out.clear();
        m.onTimer(out);
        assertEquals(List.of(new SolPacket(4, 0, 0, SolPacket.OP_BREAK, new byte[0])), sent(out));
        out.clear();
        m.onPacket(SolPacket.ack(4, 0, false), 0, out);
        assertEquals(List.of(new SolPacket(5, 0, 0, 0, ascii("h"))), sent(out), "then what was typed after it");
        out.clear();
        m.end("done", out);
        assertFalse(m.sendBreak(out));
    }

    @Test
    void deactivatingStatusEndsTheLink() {
        SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, LIMITS);
        List<SolEffect> out = new ArrayList<>();
        m.onPacket(new SolPacket(0, 0, 0, SolPacket.ST_DEACTIVATING, new byte[0]), 10, out);
        assertTrue(m.ended());
        assertEquals(new SolEffect.Ended("the BMC deactivated SOL"), out.get(out.size() - 1));
    }
}
