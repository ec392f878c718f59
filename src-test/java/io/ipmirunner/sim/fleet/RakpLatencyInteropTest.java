package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RAKP latency fault delays only the RAKP Message 2 reply: ipmitool, waiting one second per try, gives
 * up at RAKP 1 on a BMC whose password check takes ten seconds, and logs in on one whose replies are all
 * otherwise delayed less than that.
 */
@Tag("interop")
class RakpLatencyInteropTest {
    @TempDir
    Path dir;

    private static final List<String> ONE_SECOND_TRIES = List.of("-I", "lanplus", "-C", "3", "-N", "1", "-R", "2");

    @Test
    void aSlowPasswordCheckStallsTheLoginAtRakpOnly() {
        Peers.require("ipmitool");
        var faults = FaultProfile.NONE.withRakpLatency(new Latency.Fixed(10_000));
        try (var fleet = new InteropFleet(1, dir, faults)) {
            var r = fleet.ipmitool(0, ONE_SECOND_TRIES, "power", "status");
            assertFalse(r.ok(), r.out());
            assertTrue(r.out().contains("RAKP"), "ipmitool names the stalled step: " + r.out());
        }
    }

    @Test
    void otherRepliesKeepTheirOwnLatency() {
        Peers.require("ipmitool");
        var faults = FaultProfile.NONE.withLatency(new Latency.Fixed(10_000)).withRakpLatency(new Latency.Fixed(50));
        try (var fleet = new InteropFleet(1, dir, faults)) {
            var r = fleet.ipmitool(0, ONE_SECOND_TRIES, "power", "status");
            assertFalse(r.ok(), "the pre-session replies are slow: " + r.out());
            assertFalse(r.out().contains("RAKP"), "the login never got as far as RAKP: " + r.out());
        }
        try (var fleet = new InteropFleet(1, dir, FaultProfile.NONE.withRakpLatency(new Latency.Fixed(300)))) {
            var r = fleet.ipmitool(0, ONE_SECOND_TRIES, "power", "status");
            assertTrue(r.ok() && r.out().contains("Chassis Power is"), r.out());
        }
    }
}
