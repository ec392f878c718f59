package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host lists folded into Ansible's range syntax, and those ranges pasted back into a host pattern. */
class HostRangesTest {
    @Test
    void namesFoldIntoAnsibleRanges() {
        assertEquals("node[01:03],node05", HostRanges.fold(List.of("node01", "node02", "node03", "node05")));
        assertEquals("127.0.1.[1:3],127.0.1.10", HostRanges.fold(List.of("127.0.1.1", "127.0.1.2", "127.0.1.3",
                "127.0.1.10")));
        assertEquals("rack-a-bmc[01:02],rack-b-bmc01", HostRanges.fold(List.of("rack-a-bmc01", "rack-b-bmc01",
                "rack-a-bmc02")));
        assertEquals("n[1:2],n[08:09],bmc", HostRanges.fold(List.of("n1", "n08", "n2", "bmc", "n09")));
        assertEquals("r[1:2]-bmc", HostRanges.fold(List.of("r1-bmc", "r2-bmc")));
        assertEquals("solo7", HostRanges.fold(List.of("solo7")));
        assertEquals("node[08:10]", HostRanges.fold(List.of("node08", "node09", "node10")));
    }

    /** What the fold prints, given to --limit, selects exactly the hosts it was folded from. */
    @Test
    void foldedRangesPasteBackIntoALimit(@TempDir Path dir) {
        TestFiles.write(dir, "fleet.yml", """
                rack_a:
                  hosts:
                    rack-a-bmc[01:12]:
                rack_b:
                  hosts:
                    rack-b-bmc[1:12]:
                odd:
                  hosts:
                    r[1:20]-bmc:
                    solo:
                """);
        Inventory inv = Inventory.load(List.of(dir.resolve("fleet.yml").toString()),
                InventoryLoader.Options.defaults());
        List<String> all = List.copyOf(inv.hosts().keySet());
        Random random = new Random(20);
        for (int round = 0; round < 200; round++) {
            List<String> picked = new ArrayList<>();
            for (String h : all) {
                if (random.nextInt(3) > 0) {
                    picked.add(h);
                }
            }
            if (picked.isEmpty()) {
                continue;
            }
            String folded = HostRanges.fold(picked);
            List<String> back = HostPattern.parseLimit(folded).match(inv);
            assertEquals(picked.stream().sorted().toList(), back.stream().sorted().toList(), folded);
        }
        assertEquals(List.of("rack-a-bmc01", "rack-a-bmc02", "rack-a-bmc03", "rack-a-bmc11"),
                HostPattern.parseLimit("rack-a-bmc[01:03],rack-a-bmc11").match(inv));
    }

    /** A group's subscript stays Ansible's: the name before the brackets is a group. */
    @Test
    void aGroupSubscriptIsNotARange(@TempDir Path dir) {
        TestFiles.write(dir, "h.yml", """
                rack1:
                  hosts: {a: , b: , c: }
                ungrouped:
                  hosts: {rack11: , rack12: }
                """);
        Inventory inv = Inventory.load(List.of(dir.resolve("h.yml").toString()), InventoryLoader.Options.defaults());
        assertEquals(List.of("b", "c"), HostPattern.parse("rack1[1:2]").match(inv));
        assertEquals(List.of("rack11", "rack12"), HostPattern.parse("rack[11:12]").match(inv));
    }
}
