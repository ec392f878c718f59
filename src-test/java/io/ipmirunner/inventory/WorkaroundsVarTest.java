package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.session.Workaround;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipmi_workarounds}: FreeIPMI's names, as a list or comma-separated; the engine takes two when told. */
class WorkaroundsVarTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) {
        TestFiles.write(dir, "h.yml", yaml);
        return Inventory.load(List.of(dir.resolve("h.yml").toString()), InventoryLoader.Options.defaults());
    }

    @Test
    void aListOrFreeIpmisCommaSeparatedSpelling() {
        Inventory inv = load("""
                all:
                  vars:
                    ipmi_workarounds: [forcepermsg]
                  hosts:
                    n1:
                    n2: {ipmi_workarounds: "noauthcodecheck, forcepermsg"}
                    n3: {ipmi_workarounds: []}
                """);
        assertEquals(Set.of(Workaround.FORCEPERMSG), inv.host("n1").orElseThrow().bmc().workarounds());
        assertEquals(Set.of(Workaround.FORCEPERMSG, Workaround.NOAUTHCODECHECK),
                inv.host("n2").orElseThrow().bmc().workarounds());
        assertEquals(Set.of(), inv.host("n3").orElseThrow().bmc().workarounds());
        assertTrue(inv.warnings().isEmpty(), inv.warnings().toString());
    }

    @Test
    void flagsTheEngineDoesNotNeedAreWarningsAndIntel20IsTaken() {
        Inventory inv = load("all:\n  hosts:\n    n1: {ipmi_workarounds: [idzero, intel20]}\n");
        assertEquals(Set.of(Workaround.INTEL20), inv.host("n1").orElseThrow().bmc().workarounds());
        List<String> w = inv.warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("'idzero'") && w.get(0).contains("not needed"), w.toString());
    }

    @Test
    void aNameFreeIpmiDoesNotHaveIsAnErrorWhereItIs() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load("all:\n  hosts:\n    n1:\n      ipmi_workarounds: [forcepermgs, {a: 1}]\n"));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        String file = dir.resolve("h.yml").toString();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":4:") && p.contains("'forcepermgs'")
                && p.contains("did you mean 'forcepermsg'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("lists FreeIPMI's workaround names")),
                problems.toString());
    }
}
