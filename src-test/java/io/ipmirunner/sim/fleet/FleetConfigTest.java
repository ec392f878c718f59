package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Latency;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.UserTable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fleet file subset, group keys, planning (addresses, dead share, shared profiles) and the inventory. */
class FleetConfigTest {
    private static final FleetGroup BASE = new FleetGroup("default", 1, "generic", BmcSettings.DEFAULTS,
            FaultProfile.NONE, 0);
    private static final UserTable USERS = UserTable.standard("admin", Secret.of("pw", "t"));

    @Test
    void fleetFileGroupsOverrideFleetWideKeys() {
        var doc = FleetFile.parse("""
                seed: 42   # comment
                latency: 10
                groups:
                  - name: rack-a
                    count: 20
                    quirks: [suite-3-only, bad-fru-checksum]
                  -
                    name: flaky
                    count: 5
                    loss: 0.2
                    latency: exp:30
                """, "fleet.yml");
        assertEquals("42", doc.top().get("seed"));
        assertEquals(2, doc.groups().size());
        FleetGroup defaults = GroupKeys.apply(BASE, java.util.Map.of("latency", doc.top().get("latency")));
        FleetGroup a = GroupKeys.apply(defaults, doc.groups().get(0));
        FleetGroup b = GroupKeys.apply(defaults, doc.groups().get(1));
        assertEquals(20, a.count());
        assertEquals(Set.of(Quirk.SUITE_3_ONLY, Quirk.BAD_FRU_CHECKSUM), a.faults().quirks());
        assertEquals(new Latency.Fixed(10), a.faults().latency());
        assertEquals(new Latency.Exponential(30), b.faults().latency());
        assertEquals(0.2, b.faults().loss());
    }

    @Test
    void fleetFileErrorsNameTheLine() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FleetFile.parse("groups:\n  - count: 1\n    x\n", "fleet.yml"));
        // SnakeYAML notices the missing ':' where the next key would start.
        assertTrue(e.getMessage().startsWith("fleet.yml:4:1: YAML syntax error"), e.getMessage());
        var dup = assertThrows(IllegalArgumentException.class,
                () -> FleetFile.parse("seed: 1\nseed: 2\n", "fleet.yml"));
        assertTrue(dup.getMessage().startsWith("fleet.yml:2:"), dup.getMessage());
        var k = assertThrows(IllegalArgumentException.class, () -> GroupKeys.apply(BASE, java.util.Map.of("colour",
                "red")));
        assertTrue(k.getMessage().contains("unknown key"), k.getMessage());
    }

    @Test
    void latencySpellings() {
        assertEquals(new Latency.Uniform(20, 200), Latency.parse("20-200"));
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("200-20"));
    }

    @Test
    void plannerPlacesBmcsInOrderAndPicksTheDeadShareWithTheSeed() {
        FleetGroup g = new FleetGroup("g", 10, "mixed", BmcSettings.DEFAULTS, FaultProfile.NONE, 0.3);
        var plans = FleetPlanner.plan(List.of(g, BASE), new Addressing.BasePort("127.0.0.1", 9001), USERS, 5);
        assertEquals(11, plans.size());
        assertEquals("sim001", plans.get(0).name());
        assertEquals(9011, plans.get(10).bind().getPort());
        assertEquals(3, plans.stream().limit(10).filter(p -> p.profile().faults().unreachable()).count());
        assertEquals(plans.stream().map(p -> p.profile().faults().unreachable()).toList(),
                FleetPlanner.plan(List.of(g, BASE), new Addressing.BasePort("127.0.0.1", 9001), USERS, 5).stream()
                        .map(p -> p.profile().faults().unreachable()).toList(), "same seed, same fleet");
        assertSame(plans.get(0).profile().users(), plans.get(9).profile().users());
        assertEquals("dell", plans.get(1).profile().personality().key(), "mixed cycles through personalities");
    }

    @Test
    void addressRangesExpandAndMustBeLargeEnough() {
        var a = Addressing.AddressList.parse("127.0.1.[1:3]", 623);
        assertEquals("127.0.1.3", a.of(2).getHostString());
        assertEquals("127.0.1.1-127.0.1.3:623", a.describe(3));
        var tooMany = new FleetGroup("g", 4, "generic", BmcSettings.DEFAULTS, FaultProfile.NONE, 0);
        assertThrows(IllegalArgumentException.class, () -> FleetPlanner.plan(List.of(tooMany), a, USERS, 1));
    }

    @Test
    void inventoryQuotesThePassword() {
        String yaml = InventoryWriter.render(List.of(new InventoryWriter.Entry("sim001", "127.0.0.1", 9001)), "admin",
                "pa\"ss\\");
        assertTrue(yaml.contains("all:\n  hosts:\n    sim001: {ipmi_host: 127.0.0.1, ipmi_port: 9001, ipmi_user: "
                + "\"admin\", ipmi_password: \"pa\\\"ss\\\\\"}\n"), yaml);
    }
}
