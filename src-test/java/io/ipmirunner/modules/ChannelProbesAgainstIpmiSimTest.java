package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmitoolOptions;
import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.ProcessResult;
import io.ipmirunner.ipmi.client.IpmiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code channel_security probe=true} against ipmi_sim, each probe checked with ipmitool making the same
 * attempt: cipher suite 0 with a wrong password, the null user with a null password, IPMI v1.5 auth type none
 * with a wrong password. What ipmitool gets in, the probe must report accepted, and the other way round.
 */
@Tag("interop")
class ChannelProbesAgainstIpmiSimTest {
    @Test
    @SuppressWarnings("unchecked")
    void probesAgreeWithIpmitool() throws Exception {
        Peers.require("ipmi_sim");
        Peers.require("ipmitool");
        try (IpmiSim bmc = IpmiSim.builder().address("127.49.0.20").build();
             IpmiClient client = IpmiClient.create()) {
            Map<String, Object> r = IpmiSimModules.run(client, bmc, new ChannelSecurityModule(),
                    Map.of("probe", "true")).result();
            Map<String, Object> probes = (Map<String, Object>) r.get("probes");

            ProcessResult suite0 = bmc.ipmitool(IpmitoolOptions.lanplus(0).as(bmc.username(), "wrong-pw-49"),
                    "mc", "info");
            assertEquals(suite0.exit() == 0 ? "accepted" : "refused", probes.get("cipher_0_wrong_password"),
                    probes + "\n" + suite0);
            assertEquals("accepted", probes.get("cipher_0_wrong_password"), "ipmi_sim: suite 0 takes any password");
            assertTrue(((List<String>) r.get("findings")).contains("cipher suite 0 logged in with a wrong password "
                    + "(probe)"), r.toString());

            ProcessResult anonymous = bmc.ipmitool(IpmitoolOptions.lanplus(3).as("", ""), "mc", "info");
            assertEquals(anonymous.exit() == 0 ? "accepted" : "refused", probes.get("anonymous_login"),
                    probes + "\n" + anonymous);

            ProcessResult none = bmc.ipmitool(IpmitoolOptions.lan("NONE").as(bmc.username(), "wrong-pw-49"),
                    "mc", "info");
            assertEquals(none.exit() == 0 ? "accepted" : "refused", probes.get("v15_auth_none_wrong_password"),
                    probes + "\n" + none);
            // What ipmi_sim 2.0.33 does, as ipmitool sees it too: no anonymous user, auth type none open.
            assertEquals("refused", probes.get("anonymous_login"));
            assertEquals("accepted", probes.get("v15_auth_none_wrong_password"));
        }
    }
}
