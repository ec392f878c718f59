package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.LossInjector;
import io.ipmirunner.interop.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness: 50 ipmi_sim BMCs behind 20% random loss of packets each way (iptables on loopback); every
 * host must still succeed, through retransmission, RAKP restarts (taking late answers) and the 17-then-3
 * suite proposal (ipmi_sim refuses 17), within the default timing.
 */
@Tag("interop")
class ExecUnderLossTest {
    private static final int BMCS = 50;
    private static final String NET = "127.0.77";

    @Test
    void fiftyBmcsAllSucceedUnderTwentyPercentLossEachWay(@TempDir Path dir) throws Exception {
        Peers.require("ipmi_sim");
        Peers.requireRoot("iptables loss injection");
        List<IpmiSim> fleet = new ArrayList<>();
        try {
            for (int i = 1; i <= BMCS; i++) {
                fleet.add(IpmiSim.builder().address(NET + "." + i).build());
            }
            Path pw = dir.resolve("pw");
            Files.writeString(pw, fleet.getFirst().password());
            CliRun r;
            try (LossInjector loss = LossInjector.onAddress(NET + ".0/26", 0.2)) {
                assertEquals(2, loss.rules().size(), "one rule each way");
                r = CliRun.of("exec", NET + ".[1:" + BMCS + "]", "mc_info", "-u", fleet.getFirst().username(),
                        "--password-file", pw.toString(), "--json", "-v");
            }
            assertEquals(0, r.exit(), r.failures());
            assertEquals(BMCS, r.out().split("\"status\": \"ok\"", -1).length - 1, r.failures());
            assertTrue(r.err().contains("retransmits"), r.failures());
            System.out.println("under 20% loss each way: " + r.millis() + " ms for " + BMCS + " BMCs; "
                    + r.err().lines().filter(l -> l.startsWith("engine:")).findFirst().orElse(""));
        } finally {
            fleet.forEach(IpmiSim::close);
        }
    }
}
