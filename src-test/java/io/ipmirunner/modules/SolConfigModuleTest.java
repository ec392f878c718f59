package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.client.ManualTime;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.sim.FakeBmc;
import io.ipmirunner.sim.model.SolSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sol_config against the simulator's command handlers: every parameter of §26.3 Table 26-5 it reads, and findings. */
class SolConfigModuleTest {
    private final FakeBmc bmc = new FakeBmc("sim", new ManualTime());

    private Map<String, Object> run(SolSettings settings) throws Exception {
        bmc.simulated().lan().sol(settings);
        SolConfigModule m = new SolConfigModule();
        ModuleResult r = m.run(bmc, m.validate(Map.of("channel", "1")));
        assertFalse(r.changed(), "a read");
        return r.result();
    }

    @Test
    void aHardenedBmcHasEveryParameterAndNoFinding() throws Exception {
        Map<String, Object> r = run(SolSettings.DEFAULT);
        assertEquals(1, r.get("channel"));
        assertEquals(true, r.get("enabled"));
        assertEquals(true, r.get("force_encryption"));
        assertEquals(true, r.get("force_authentication"));
        assertEquals("administrator", r.get("privilege"));
        assertEquals(Map.of("interval_ms", 20, "send_threshold", 196), r.get("accumulate"));
        assertEquals(Map.of("count", 7, "interval_ms", 300), r.get("retry"));
        assertEquals(115200, r.get("bit_rate"));
        assertEquals(115200, r.get("bit_rate_volatile"));
        assertEquals(1, r.get("payload_channel"));
        assertEquals(623, r.get("port"));
        assertEquals(List.of(), r.get("findings"));
        assertFalse(r.containsKey("unsupported"), String.valueOf(r));
    }

    @Test
    void eachWeakSettingIsAFinding() throws Exception {
        Map<String, Object> r = run(new SolSettings(true, false, false, Privilege.USER));
        assertEquals(List.of("SOL does not force encryption: a console may read and type in the clear",
                "SOL does not force authentication: its packets may go unauthenticated",
                "a user-level account may take the host's console"), r.get("findings"));
        assertEquals(List.of("SOL does not force encryption: a console may read and type in the clear"),
                run(new SolSettings(true, false, true, Privilege.OPERATOR)).get("findings"));
    }

    @Test
    void disabledSolHasNoFindings() throws Exception {
        Map<String, Object> r = run(new SolSettings(false, false, false, Privilege.USER));
        assertEquals(false, r.get("enabled"));
        assertEquals(List.of(), r.get("findings"));
    }

    @Test
    void settingsTheBmcWillNotSayAreAFinding() {
        assertEquals(List.of("the BMC does not say whether SOL forces encryption and authentication (parameter 2"
                + " unreadable)"), SolConfigModule.findings(Map.of("enabled", true)));
    }

    @Test
    void argumentsAreCheckedBeforeAnyBmcIsAsked() throws Exception {
        assertEquals("sol_config: unknown argument 'chanel' (channel)", assertThrows(ModuleArgumentException.class,
                () -> new SolConfigModule().validate(Map.of("chanel", "1"))).getMessage());
        assertThrows(ModuleArgumentException.class, () -> new SolConfigModule().validate(Map.of("channel", "99")));
        assertEquals(new SolConfigModule.Args(null), new SolConfigModule().validate(Map.of()));
    }
}
