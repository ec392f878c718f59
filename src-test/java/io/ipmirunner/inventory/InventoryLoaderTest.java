package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.yaml.TestFiles;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.util.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {
    @TempDir
    Path dir;

    private Inventory load(String... sources) {
        return Inventory.load(List.of(sources), InventoryLoader.Options.defaults());
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private Object var(Inventory inv, String host, String var) {
        return inv.host(host).orElseThrow().vars().get(var).toPlain();
    }

    @Test
    void yamlGroupsHostsAndUngrouped() {
        TestFiles.write(dir, "h.yml", """
                all:
                  hosts:
                    lone:
                  children:
                    dc1:
                      children:
                        rack1:
                          hosts:
                            n[1:3]:
                        rack2:
                          hosts: n9
                """);
        Inventory inv = load(path("h.yml"));
        assertEquals(List.of("lone", "n1", "n2", "n3", "n9"), List.copyOf(inv.hosts().keySet()));
        assertEquals(List.of("ungrouped", "dc1"), inv.group("all").orElseThrow().children());
        assertEquals(List.of("lone"), inv.group("ungrouped").orElseThrow().hosts());
        assertEquals(List.of("dc1", "rack1"), inv.host("n2").orElseThrow().groupNames());
        assertEquals(List.of("n1", "n2", "n3", "n9"), inv.members().get("dc1"));
        assertEquals(2, inv.group("rack1").orElseThrow().depth());
    }

    @Test
    void iniAsAnsibleReadsIt() {
        TestFiles.write(dir, "hosts", """
                # ungrouped first
                h0 port=623 flag=True text="a b" list='[1, "x"]' octal=0623 word=yes # trailing comment
                [rack]
                n[08:10]
                n1:2222 ipmi_port=624
                [rack:vars]
                note = admin # this stays in the value
                n=5
                [dc:children]
                rack
                later
                [later]
                l1
                """);
        Inventory inv = load(path("hosts"));
        assertEquals(623L, var(inv, "h0", "port"));
        assertEquals(true, var(inv, "h0", "flag"));
        assertEquals("a b", var(inv, "h0", "text"));
        assertEquals(List.of(1L, "x"), var(inv, "h0", "list"));
        assertEquals("0623", var(inv, "h0", "octal"));
        assertEquals("yes", var(inv, "h0", "word"));
        assertEquals("admin # this stays in the value", var(inv, "n09", "note"));
        assertEquals(2222L, var(inv, "n1", "ansible_port"));
        assertEquals(624, inv.host("n1").orElseThrow().bmc().port());
        assertEquals(List.of("rack", "later"), inv.group("dc").orElseThrow().children());
        assertEquals(List.of("h0"), inv.group("ungrouped").orElseThrow().hosts());
    }

    /** Ansible's order, lowest first: all (file) < other groups (file) < group_vars/all < group_vars/G < host. */
    @Test
    void variablePrecedence() {
        TestFiles.write(dir, "inv/hosts.yml", """
                all:
                  vars: {a: all-file, b: all-file, c: all-file, d: all-file, e: all-file, f: all-file}
                  children:
                    dc:
                      vars: {b: dc-file, c: dc-file, d: dc-file, e: dc-file, f: dc-file}
                      children:
                        rack:
                          vars: {c: rack-file, d: rack-file, e: rack-file, f: rack-file}
                          hosts:
                            n1: {f: host-file}
                """);
        TestFiles.write(dir, "inv/group_vars/all.yml", "d: gv-all\ne: gv-all\nf: gv-all\n");
        TestFiles.write(dir, "inv/group_vars/dc.yml", "e: gv-dc\nf: gv-dc\n");
        TestFiles.write(dir, "inv/group_vars/rack/1.yml", "e: gv-rack-1\n");
        TestFiles.write(dir, "inv/group_vars/rack/2.yml", "e: gv-rack-2\n");
        TestFiles.write(dir, "inv/group_vars/rack.yml", "e: shadowed by the directory\n");
        TestFiles.write(dir, "inv/host_vars/n1.yml", "g: hv\n");
        Inventory inv = load(path("inv"));
        assertEquals("all-file", var(inv, "n1", "a"));
        assertEquals("dc-file", var(inv, "n1", "b"));
        assertEquals("rack-file", var(inv, "n1", "c"));
        assertEquals("gv-all", var(inv, "n1", "d"), "group_vars/all beats a child group's inventory-file vars");
        assertEquals("gv-rack-2", var(inv, "n1", "e"), "deeper group_vars win; directory files in sorted order");
        assertEquals("host-file", var(inv, "n1", "f"));
        assertEquals("hv", var(inv, "n1", "g"));
    }

    @Test
    void groupsOfTheSameDepthOrderByPriorityThenName() {
        TestFiles.write(dir, "h.yml", """
                alpha: {vars: {x: alpha, y: alpha}, hosts: {n1: }}
                beta: {vars: {x: beta, ansible_group_priority: 0}, hosts: {n1: }}
                gamma: {vars: {y: gamma}, hosts: {n1: }}
                """);
        Inventory inv = load(path("h.yml"));
        assertEquals("alpha", var(inv, "n1", "x"), "beta has the lower priority, so it merges first");
        assertEquals("gamma", var(inv, "n1", "y"), "same priority: by name, gamma after alpha");
        assertFalse(inv.host("n1").orElseThrow().vars().containsKey("ansible_group_priority"));
    }

    @Test
    void playbookGroupVarsComeAfterTheInventorysOwn() {
        TestFiles.write(dir, "inv/h.yml", "rack: {hosts: {n1: }}\n");
        TestFiles.write(dir, "inv/group_vars/rack.yml", "x: inventory\ny: inventory\n");
        TestFiles.write(dir, "pb/group_vars/rack.yml", "x: playbook\n");
        TestFiles.write(dir, "pb/host_vars/n1.yml", "z: playbook-host\n");
        Inventory inv = Inventory.load(List.of(path("inv/h.yml")),
                InventoryLoader.Options.defaults().withPlaybookDir(dir.resolve("pb")));
        assertEquals("playbook", var(inv, "n1", "x"));
        assertEquals("inventory", var(inv, "n1", "y"));
        assertEquals("playbook-host", var(inv, "n1", "z"));
    }

    @Test
    void directorySourcesSkipWhatAnsibleSkips() {
        TestFiles.write(dir, "inv/10-racks.yml", "rack: {hosts: {n1: }}\n");
        TestFiles.write(dir, "inv/20-legacy", "[old]\no1\n");
        TestFiles.write(dir, "inv/sub/more.yaml", "more: {hosts: {m1: }}\n");
        TestFiles.write(dir, "inv/ignored.ini", "[skipped]\ns1\n");
        TestFiles.write(dir, "inv/README.md", "not an inventory\n");
        TestFiles.write(dir, "inv/.hidden.yml", "hidden: {hosts: {x1: }}\n");
        TestFiles.write(dir, "inv/group_vars/rack.yml", "x: 1\n");
        Inventory inv = load(path("inv"));
        assertEquals(List.of("n1", "o1", "m1"), List.copyOf(inv.hosts().keySet()));
        assertEquals(1L, var(inv, "n1", "x"));
    }

    @Test
    void aSymlinkThatLoopsBackIsReadOnce() throws Exception {
        TestFiles.write(dir, "inv/10-racks.yml", "rack: {hosts: {n1: }}\n");
        java.nio.file.Files.createSymbolicLink(dir.resolve("inv/sub"), dir.resolve("inv"));
        Inventory inv = load(path("inv"));
        assertEquals(List.of("n1"), List.copyOf(inv.hosts().keySet()));
    }

    @Test
    void hostListSource() {
        Inventory inv = load("bmc[1:3].lab,10.0.0.9:6230,");
        assertEquals(List.of("bmc1.lab", "bmc2.lab", "bmc3.lab", "10.0.0.9"), List.copyOf(inv.hosts().keySet()));
        assertEquals(6230L, var(inv, "10.0.0.9", "ansible_port"));
    }

    @Test
    void connectionVariables() {
        TestFiles.write(dir, "h.yml", """
                rack:
                  vars:
                    ipmi_user: ops
                    ipmi_password: s3cret
                    ipmi_cipher_suite: 17
                    ipmi_privilege: operator
                    ipmi_timeout: 30s
                    ipmi_retries: 2
                    ipmi_version: 2.0
                    ipmi_kg: {env: BMC_KG}
                  hosts:
                    n1:
                    n2: {ipmi_host: "{{ inventory_hostname_short }}-bmc.mgmt", ipmi_port: 6230}
                    n3: {ipmi_password: {file: secrets/n3.pw}}
                    n4:
                      ipmi_password: !vault |
                        $ANSIBLE_VAULT;1.1;AES256
                        6231
                """);
        Inventory inv = load(path("h.yml"));
        BmcConnection n1 = inv.host("n1").orElseThrow().bmc();
        assertEquals("n1", n1.address());
        assertEquals(623, n1.port());
        assertEquals("ops", n1.user());
        assertEquals(OptionalInt.of(17), n1.cipherSuite());
        assertEquals(Optional.of(Privilege.OPERATOR), n1.privilege());
        assertEquals(Optional.of(Duration.ofSeconds(30)), n1.timeout());
        assertEquals(OptionalInt.of(2), n1.retries());
        assertEquals(IpmiVersion.V20, n1.version());
        SecretSource.Plain plain = assertInstanceOf(SecretSource.Plain.class, n1.password().orElseThrow());
        assertTrue(plain.secret().matches("s3cret".getBytes()));
        assertEquals("plain", plain.secret().label());
        assertEquals("BMC_KG", assertInstanceOf(SecretSource.FromEnv.class, n1.kg().orElseThrow()).variable());
        assertEquals("n2-bmc.mgmt", inv.host("n2").orElseThrow().bmc().address());
        assertEquals(6230, inv.host("n2").orElseThrow().bmc().port());
        SecretSource n3 = inv.host("n3").orElseThrow().bmc().password().orElseThrow();
        assertEquals(dir.resolve("secrets/n3.pw").toAbsolutePath(), assertInstanceOf(SecretSource.FromFile.class, n3)
                .path());
        assertInstanceOf(SecretSource.Vault.class, inv.host("n4").orElseThrow().bmc().password().orElseThrow());
    }

    @Test
    void secretsAreMaskedInListings() {
        TestFiles.write(dir, "h.yml", "r: {hosts: {n1: {ipmi_password: hunter2, db_password: 987654, ipmi_user: u}}}\n");
        Inventory inv = load(path("h.yml"));
        assertInstanceOf(Secret.class, inv.host("n1").orElseThrow().plainVars().get("ipmi_password"));
        String json = Json.write(InventoryListing.list(inv, Optional.empty()));
        assertFalse(json.contains("hunter2") || json.contains("987654"), json);
        assertTrue(json.contains("\"ipmi_password\":\"********\""), json);
        assertFalse(InventoryListing.graph(inv, "all", true).contains("hunter2"));
    }

    @Test
    void warnings() {
        TestFiles.write(dir, "inv/h.yml", "r: {hosts: {n1: {ansible_host: 10.1.1.1, ipmi_pasword: x}, "
                + "n2: {ansible_host: 10.1.1.2}}}\n");
        Inventory inv = load(path("inv"));
        List<String> messages = inv.warnings().stream().map(w -> w.message()).toList();
        assertEquals(List.of("unknown connection variable 'ipmi_pasword' for host 'n1' (did you mean 'ipmi_password'?)",
                "2 host(s) set ansible_host but not ipmi_host (first: n1); the BMC is reached at ipmi_host, else the "
                        + "inventory name, never at ansible_host (the OS address)"), messages);
    }

    @Test
    void graphLooksLikeAnsibleInventorys() {
        TestFiles.write(dir, "h.yml", "dc: {children: {rack1: {hosts: {a: , b: }}, rack2: {hosts: {c: {x: 1}}}}}\n");
        Inventory inv = load(path("h.yml"));
        assertEquals("""
                @all:
                  |--@ungrouped:
                  |--@dc:
                  |  |--@rack1:
                  |  |  |--a
                  |  |  |--b
                  |  |--@rack2:
                  |  |  |--c""", InventoryListing.graph(inv, "all", false));
        assertEquals("""
                @rack2:
                  |--c
                  |  |--{x = 1}""", InventoryListing.graph(inv, "rack2", true));
    }

    @Test
    void listingHasAnsiblesShape() {
        TestFiles.write(dir, "h.yml", "dc: {children: {rack1: {hosts: {a: , b: {x: 1}}}, empty: }}\n");
        Map<String, Object> list = InventoryListing.list(load(path("h.yml")), Optional.empty());
        assertEquals(Map.of("children", List.of("ungrouped", "dc")), list.get("all"));
        assertEquals(Map.of("children", List.of("rack1", "empty")), list.get("dc"));
        assertEquals(Map.of("hosts", List.of("a", "b")), list.get("rack1"));
        assertFalse(list.containsKey("empty"));
        assertEquals(Map.of("hostvars", Map.of("b", Map.of("x", 1L))), list.get("_meta"));
    }

    @Test
    void hostvarsAndInventoryDirForTheMagicVariables() {
        TestFiles.write(dir, "inv/h.yml", "r: {hosts: {n1: {ipmi_password: pw, x: 1}, n2: }}\n");
        Inventory inv = load(path("inv/h.yml"));
        Map<String, Map<String, Object>> hostvars = inv.hostvars();
        assertEquals(1L, hostvars.get("n1").get("x"));
        assertInstanceOf(Secret.class, hostvars.get("n1").get("ipmi_password"));
        assertEquals(List.of("n1", "n2"), List.copyOf(hostvars.keySet()));
        assertEquals(dir.resolve("inv").toAbsolutePath().toString(), inv.inventoryDir());
    }

    @Test
    void configurableHostLimit() {
        TestFiles.write(dir, "h.yml", "r: {hosts: {\"n[1:20]\": }}\n");
        assertEquals(20, Inventory.load(List.of(path("h.yml")), new InventoryLoader.Options(20, Optional.empty()))
                .hosts().size());
    }
}
