package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.cli.Main;
import io.ipmirunner.yaml.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example inventories load as documented, and the CLI commands work on them. */
class InventoryExamplesTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Inventory load(String example) {
        return Inventory.load(List.of("inventory-examples/" + example), InventoryLoader.Options.defaults());
    }

    @Test
    void byRack() {
        Inventory inv = load("by-rack");
        assertEquals(16 + 16 + 8 + 6 + 3, inv.hosts().size());
        Host n7 = inv.host("r01-n07").orElseThrow();
        assertEquals("ADMIN", n7.bmc().user(), "host_vars beat group_vars/all");
        Host gpu = inv.host("r04-gpuc").orElseThrow();
        assertEquals(17, gpu.bmc().cipherSuite().getAsInt());
        assertEquals(3, inv.host("r03-n05").orElseThrow().bmc().cipherSuite().getAsInt());
        assertEquals("pdu-b02", inv.host("r02-n01").orElseThrow().vars().get("pdu").toPlain(),
                "group_vars/rack02/ is a directory of files");
        assertEquals(List.of("r03-n01", "r03-n03", "r03-n05", "r03-n07", "r03-n09", "r03-n11", "r03-n13", "r03-n15"),
                inv.members().get("rack03"));
    }

    @Test
    void byRoleWithPriorities() {
        Inventory inv = load("by-role");
        assertEquals("compute", inv.host("cmp-001.dc2.example.net").orElseThrow().vars().get("role").toPlain());
        assertEquals("gpu", inv.host("gpu-a01.dc2.example.net").orElseThrow().vars().get("role").toPlain());
        assertEquals(6230, inv.host("lab-bmc-1").orElseThrow().bmc().port(), "JSON inventory files are read too");
        assertTrue(inv.host("gpu-h01.dc2.example.net").orElseThrow().bmc().password().orElseThrow()
                instanceof SecretSource.Vault);
    }

    @Test
    void iniSite() {
        Inventory inv = load("ini-site");
        Host es4 = inv.host("es-04.edge.example.net").orElseThrow();
        assertEquals("172.16.2.104", es4.bmc().address());
        assertEquals(623, es4.bmc().port(), "host:2222 is the OS port (ansible_port), not the BMC's");
        assertEquals("spare chassis, # not a comment", es4.vars().get("note").toPlain());
        assertEquals(List.of("edge", "lights-out"), es4.vars().get("site_tags").toPlain());
        assertEquals(30L, es4.vars().get("ipmi_timeout").toPlain());
        assertEquals(List.of("jump-bmc.edge.example.net"), inv.group("ungrouped").orElseThrow().hosts());
    }

    @Test
    void inventoryCommand() {
        Run graph = cli("inventory", "-i", "inventory-examples/ini-site", "--graph", "edge");
        assertEquals(0, graph.exit(), graph.err());
        assertTrue(graph.out().startsWith("@edge:\n  |--@edge_north:\n  |  |--en-01.edge.example.net\n"), graph.out());
        Run list = cli("inventory", "-i", "inventory-examples/by-rack", "--list", "--limit", "rack04");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("\"r04-gpua\": {"), list.out());
        assertFalse(list.out().contains("r01-n01"), list.out());
        Run host = cli("inventory", "-i", "inventory-examples/by-rack", "--host", "r04-n01");
        assertTrue(host.out().contains("\"ipmi_host\": \"10.20.4.201\""), host.out());
        assertEquals(5, cli("inventory", "-i", "inventory-examples/by-rack").exit(), "--list, --graph or --host");
        assertEquals(5, cli("inventory", "-i", "inventory-examples/by-rack", "--graph", "nope").exit());
    }

    @Test
    void parseErrorsExitWithFourAndOneLineEach() {
        TestFiles.write(dir, "bad.yml", "rack1:\n  host:\n    n1:\n  hosts:\n    no:\n");
        Run r = cli("inventory", "-i", dir.resolve("bad.yml").toString(), "--list");
        assertEquals(4, r.exit());
        assertEquals(List.of(dir.resolve("bad.yml")
                        + ":2:3: unknown key 'host' in group 'rack1' (did you mean 'hosts'?)",
                dir.resolve("bad.yml") + ":5:5: host name 'no' is read by YAML 1.1 as the boolean false: quote it "
                        + "(\"no\")"), r.err().lines().toList());
        assertEquals("", r.out());
    }

    @Test
    void checkAndGraphCommands() {
        String playbook = "src-test/resources/playbook/rack-bringup.yml";
        Run check = cli("check", playbook, "-i", "inventory-examples/by-rack");
        assertEquals(0, check.exit(), check.err());
        assertEquals("ok: 2 play(s), 10 task(s) and handler(s), hosts per play [40, 32]\n", check.out());
        Run limited = cli("check", playbook, "-i", "inventory-examples/by-rack", "--limit", "rack04");
        assertEquals(4, limited.exit());
        assertTrue(limited.err().contains("rack-bringup.yml:3:10: 'hosts' of play 'Audit BMCs before touching power': "
                + "--limit 'rack04' leaves none of the 40 hosts that 'dc1:!rack04' matches"), limited.err());
        assertEquals("check: 2 problems\n", limited.out());
        Run graph = cli("graph", playbook, "-i", "inventory-examples/by-rack", "--format", "mermaid");
        assertEquals(0, graph.exit(), graph.err());
        assertTrue(graph.out().startsWith("flowchart TD\n"));
        assertEquals(5, cli("graph", playbook, "--format", "svg").exit());
    }

    @Test
    void listingOfEveryExampleIsValidJsonShape() {
        for (String example : List.of("by-rack", "by-role", "ini-site", "single-file.ini")) {
            assertTrue(InventoryListing.list(load(example), Optional.empty()).containsKey("_meta"), example);
        }
    }
}
