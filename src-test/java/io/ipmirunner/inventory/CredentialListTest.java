package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.TestFiles;
import io.ipmirunner.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipmi_credentials}: parsed in order, checked with locations, and masked in listings. */
class CredentialListTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) {
        TestFiles.write(dir, "h.yml", yaml);
        return Inventory.load(List.of(dir.resolve("h.yml").toString()), InventoryLoader.Options.defaults());
    }

    @Test
    void entriesInOrderWithTheirSources() {
        Inventory inv = load("""
                all:
                  hosts:
                    n1:
                      ipmi_user: root
                      ipmi_credentials:
                        - {label: fleet, user: admin, password: {env: FLEET_PW}}
                        - {label: factory, password: Factory-Default-1}
                """);
        List<BmcCredential> c = inv.host("n1").orElseThrow().bmc().credentials();
        assertEquals(List.of("fleet", "factory"), c.stream().map(BmcCredential::label).toList());
        assertEquals("admin", c.get(0).user());
        assertEquals("", c.get(1).user(), "empty: ipmi_user applies");
        assertInstanceOf(SecretSource.FromEnv.class, c.get(0).password().orElseThrow());
        assertInstanceOf(SecretSource.Plain.class, c.get(1).password().orElseThrow());
        String json = Json.write(InventoryListing.list(inv, Optional.empty()));
        assertFalse(json.contains("Factory-Default-1"), json);
        assertTrue(json.contains("\"label\":\"factory\""), json);
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load("""
                all:
                  hosts:
                    n1:
                      ipmi_credentials:
                        - {user: admin, password: x}
                        - {label: a, password: x}
                        - {label: a, password: y}
                        - {label: b, pasword: y}
                        - just-a-string
                    n2: {ipmi_credentials: {label: c}}
                """));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        String file = dir.resolve("h.yml").toString();
        assertTrue(problems.contains(file + ":5:11: an ipmi_credentials entry needs a label (it names the login in "
                + "results)"), problems.toString());
        assertTrue(problems.contains(file + ":7:11: ipmi_credentials label 'a' is used twice"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":8:") && p.contains("pasword")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":9:") && p.contains("is a mapping")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":10:") && p.contains("must be a list")),
                problems.toString());
    }

    @Test
    void passwordNextToACredentialListIsIgnoredWithAWarning() {
        Inventory inv = load("all:\n  hosts:\n    n1: {ipmi_password: x, ipmi_credentials: [{label: a}]}\n");
        assertTrue(inv.warnings().stream().anyMatch(w -> w.message().contains("ipmi_password is not used")),
                inv.warnings().toString());
    }
}
