package io.ipmirunner.ipmi.sol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FreeIPMI's solpacketseq as {@link SolMachine.Limits#bumpStuckSequence()}: for BMCs that stop acknowledging a
 * sequence number (Intel Windmill, Quanta Winterfell), asked for per host, never assumed.
 */
class SolSequenceBumpTest {
    private static List<Integer> numbers(List<SolEffect> out) {
        return SolMachineTest.sent(out).stream().map(SolPacket::seq).toList();
    }

    @Test
    void aStuckNumberIsBumpedOnceWhenToldAndNeverOtherwise() {
        for (boolean told : new boolean[] {false, true}) {
            SolMachine m = new SolMachine(SolMachine.Role.CONSOLE, new SolMachine.Limits(8, 64, 500, 200, 3, 3, told));
            List<SolEffect> out = new ArrayList<>();
            m.offer(SolMachineTest.ascii("hi"), 0, 2, out);
            m.onTimer(out);
            m.onTimer(out);
            assertEquals(List.of(1, 1, 1), numbers(out));
            out.clear();
            m.onTimer(out);
            if (!told) {
                assertTrue(m.ended() && numbers(out).isEmpty(), "untold: the link ends " + out);
                continue;
            }
            assertEquals(List.of(2), numbers(out), "the same characters under the next number");
            assertEquals("hi", new String(SolMachineTest.sent(out).get(0).data(), StandardCharsets.US_ASCII));
            out.clear();
            m.onPacket(SolPacket.ack(2, 2, false), 64, out);
            assertEquals(0, m.queued());
            m.offer(SolMachineTest.ascii("x"), 0, 1, out);
            for (int i = 0; i < 3; i++) {
                m.onTimer(out);
            }
            assertTrue(m.ended(), "bumped once per link: " + out);
        }
    }
}
