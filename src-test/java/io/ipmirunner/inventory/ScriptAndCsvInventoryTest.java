package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.yaml.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inventory scripts that fail, and the CSV inventory (scripts that work: AnsibleInventoryInteropTest). */
class ScriptAndCsvInventoryTest {
    @Test
    void csvRowsBecomeHostsWithTheirGroupsAndVariables() {
        Inventory inv = Inventory.load(List.of("inventory-examples/rack-sheet.csv"),
                InventoryLoader.Options.defaults());
        assertEquals(List.of("r03-n01", "r03-n02", "r03-gpu1", "oob-switch-bmc"), List.copyOf(inv.hosts().keySet()));
        Host gpu = inv.hosts().get("r03-gpu1");
        assertEquals(List.of("gpu", "rack03"), gpu.groupNames());
        assertEquals("10.0.3.21", gpu.bmc().address());
        assertEquals("admin", gpu.bmc().user());
        assertEquals("quote \"inside\" a note", gpu.vars().get("notes").toPlain());
        assertEquals(623L, ((Number) gpu.vars().get("ipmi_port").toPlain()).longValue());
        assertEquals("moved from r01, 2026-10", inv.hosts().get("r03-n02").vars().get("notes").toPlain());
        Host oob = inv.hosts().get("oob-switch-bmc");
        assertEquals(List.of("ungrouped"), oob.groupNames());
        assertEquals(6230, oob.bmc().port());
        assertEquals("operator", oob.vars().get("ipmi_user").toPlain());
        assertTrue(!inv.hosts().get("r03-n01").vars().containsKey("notes"), "an empty cell sets nothing");
        assertEquals(List.of("r03-n01", "r03-n02"), inv.select(HostPattern.parse("compute"), java.util.Optional.empty())
                .stream().map(Host::name).toList());
    }

    @Test
    void csvMistakesAreNamedAtFileLineColumn(@TempDir Path dir) throws IOException {
        Map<String, String> cases = Map.of(
                "name,address\nn1,10.0.0.1\n", "x.csv:1:1: the header names no 'host' column (found: name, address)",
                "host,address\nn1,10.0.0.1,extra\n", "x.csv:2:1: row has 3 fields, the header 2",
                "host,address\nn1,10.0.0.1\nn1,10.0.0.2\n", "x.csv:3:1: host 'n1' is already listed above",
                "host,notes\nn1,\"open\n", "x.csv:2:4: quote not closed in this line");
        for (var c : cases.entrySet()) {
            Path csv = Files.writeString(dir.resolve("x.csv"), c.getKey());
            var e = assertThrows(InvalidInputException.class, () -> Inventory.load(List.of(csv.toString()),
                    InventoryLoader.Options.defaults()));
            assertEquals(dir + "/" + c.getValue(), e.problems().getFirst().toString(), c.getKey());
        }
    }

    @Test
    void scriptsThatFailOrPrintNoJsonAreNamed(@TempDir Path dir) throws IOException {
        assertEquals(dir + "/fails --list:1:1: inventory script exited 3: cmdb unreachable",
                problem(script(dir, "fails", "echo 'cmdb unreachable' >&2; exit 3")));
        assertEquals(dir + "/prose --list:1:1: inventory script printed no JSON object (output starting with "
                + "something else)", problem(script(dir, "prose", "echo 'ipmi_password=hunter2'")));
        assertEquals(dir + "/silent --list:1:1: inventory script printed no JSON object (nothing)",
                problem(script(dir, "silent", "true")));
        assertEquals(dir + "/broken --list:1:1: inventory script printed text that is not JSON (line 2, column 1)",
                problem(script(dir, "broken", "echo '{\"g\": [\"a\", '")));
        assertEquals(dir + "/nohost --host a:1:1: inventory script exited 1: no --host here",
                problem(script(dir, "nohost", "if [ \"$1\" = --list ]; then echo '{\"g\": [\"a\"]}'; "
                        + "else echo 'no --host here' >&2; exit 1; fi")));
        // The output is not echoed into the message: it may hold passwords.
        assertTrue(!problem(dir.resolve("prose")).contains("hunter2"));
    }

    @Test
    void aScriptWithoutMetaIsAskedForEachHost(@TempDir Path dir) throws IOException {
        Path s = script(dir, "inv", "if [ \"$1\" = --list ]; then echo '{\"g\": {\"hosts\": [\"a\", \"b\"]}}'; "
                + "else echo \"{\\\"ipmi_host\\\": \\\"10.0.0.$([ \"$2\" = a ] && echo 1 || echo 2)\\\"}\"; fi");
        Inventory inv = Inventory.load(List.of(s.toString()), InventoryLoader.Options.defaults());
        assertEquals("10.0.0.1", inv.hosts().get("a").bmc().address());
        assertEquals("10.0.0.2", inv.hosts().get("b").bmc().address());
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static String problem(Path script) {
        var e = assertThrows(InvalidInputException.class, () -> Inventory.load(List.of(script.toString()),
                InventoryLoader.Options.defaults()));
        return e.problems().getFirst().toString();
    }
}
