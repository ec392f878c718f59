package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.SerialPeer;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.SolConsole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * sol_config against ipmi_sim (OpenIPMI 2.0.33), whose Get SOL Configuration Parameters has only parameters 0, 1,
 * 5 and 6; ipmitool's {@code sol set} is the witness that writes them. ipmi_sim answers the command only once it
 * has connected to the host's serial port, so a serial peer runs.
 */
@Tag("interop")
class SolConfigAgainstIpmiSimTest {
    static final String ADDRESS = "127.62.2.1";

    @Test
    void readsWhatIpmitoolSetsAndNamesWhatIpmiSimLacks() throws Exception {
        try (SerialPeer host = new SerialPeer(ADDRESS, 18003);
             IpmiSim bmc = IpmiSim.builder().address(ADDRESS).sol(ADDRESS, 18003).build();
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults())) {
            assertTrue(host.awaitConnected(Duration.ofSeconds(10)), "ipmi_sim connects to the serial peer");
            Map<String, Object> r = IpmiSimModules.run(client, bmc, new SolConfigModule(), Map.of("channel", "1"))
                    .result();
            assertEquals(true, r.get("enabled"), String.valueOf(r));
            assertEquals("serial", r.get("bit_rate"), "ipmi_sim keeps 0 until set: the serial port's own rate");
            assertEquals(List.of(2, 3, 4, 7, 8).stream().map(p -> "parameter " + p + " (0x80 (command-specific code))")
                    .toList(), r.get("unsupported"), String.valueOf(r));
            assertEquals(List.of("the BMC does not say whether SOL forces encryption and authentication (parameter 2"
                    + " unreadable)"), r.get("findings"));

            assertTrue(bmc.ipmitool("sol", "set", "non-volatile-bit-rate", "19.2", "1").ok(), "ipmitool sets the rate");
            assertTrue(bmc.ipmitool("sol", "set", "enabled", "false", "1").ok(), "ipmitool disables SOL");
            r = IpmiSimModules.run(client, bmc, new SolConfigModule(), Map.of()).result();
            assertEquals(false, r.get("enabled"), String.valueOf(r));
            assertEquals(19200, r.get("bit_rate"), String.valueOf(r));
            assertEquals(List.of(), r.get("findings"), "a disabled SOL has nothing to find");
            try (BmcSession s = IpmiSimModules.open(client, bmc)) {
                IpmiException e = assertThrows(IpmiException.class, () -> SolConsole.open(s, SolConsole.WhenActive.FAIL));
                assertTrue(e.getMessage().contains("SOL is disabled on this BMC"), e.getMessage());
            }
        }
    }
}
