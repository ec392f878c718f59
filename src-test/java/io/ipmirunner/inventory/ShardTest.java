package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --shard K/N: every host in one shard, by the inventory alone (not its order), sites kept whole and even. */
class ShardTest {
    @TempDir
    Path dir;

    /** An inventory of {@code sites} sites of {@code perSite} hosts, listed in {@code order}. */
    private Inventory inventory(String file, int sites, int perSite, long order) {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            for (int i = 0; i < perSite; i++) {
                lines.add("    h-" + s + "-" + i + ": {site: s" + s + "}\n");
            }
        }
        Collections.shuffle(lines, new Random(order));
        TestFiles.write(dir, file, "all:\n  hosts:\n" + String.join("", lines));
        return Inventory.load(List.of(dir.resolve(file).toString()), InventoryLoader.Options.defaults());
    }

    private static Map<String, Integer> shardOf(Inventory inv, int n, Optional<String> by) {
        Map<String, Integer> out = new HashMap<>();
        for (int k = 1; k <= n; k++) {
            for (String h : new Shard(k, n, by).hosts(inv)) {
                assertEquals(null, out.put(h, k), h + " is in two shards");
            }
        }
        return out;
    }

    @Test
    void everyHostInExactlyOneShardWhateverTheInventorysOrder() {
        Inventory one = inventory("a.yml", 4, 250, 1);
        Inventory other = inventory("b.yml", 4, 250, 2);
        Map<String, Integer> a = shardOf(one, 4, Optional.empty());
        assertEquals(one.hosts().keySet(), a.keySet());
        assertEquals(a, shardOf(other, 4, Optional.empty()), "the same hosts listed in another order");
        for (int k = 1; k <= 4; k++) {
            int size = new Shard(k, 4, Optional.empty()).hosts(one).size();
            assertTrue(size > 200 && size < 300, "shard " + k + " of 1,000 hosts holds " + size);
        }
    }

    @Test
    void shardByKeepsAValueTogetherAndDealsValuesEvenly() {
        Inventory inv = inventory("c.yml", 6, 100, 3);
        Map<String, Integer> s = shardOf(inv, 4, Optional.of("site"));
        Map<String, Set<Integer>> shardsOfSite = new HashMap<>();
        s.forEach((h, k) -> shardsOfSite.computeIfAbsent(h.split("-")[1], x -> new HashSet<>()).add(k));
        shardsOfSite.forEach((site, shards) -> assertEquals(1, shards.size(), "site " + site + " split: " + shards));
        List<Integer> sizes = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            sizes.add(new Shard(k, 4, Optional.of("site")).hosts(inv).size());
        }
        assertEquals(List.of(200, 200, 100, 100), sizes, "six equal sites over four shards, largest first");
        assertEquals(s, shardOf(inventory("d.yml", 6, 100, 4), 4, Optional.of("site")));
    }

    @Test
    void parsesKOverNAndAutoFromTheJobIndex() {
        assertEquals(new Shard(2, 4, Optional.empty()), Shard.parse("2/4", Optional.empty(), v -> null));
        assertEquals(new Shard(1, 4, Optional.of("site")),
                Shard.parse("auto/4", Optional.of("site"), Map.of(Shard.INDEX_VARIABLE, "0")::get));
        assertEquals("4/4 by site", Shard.parse("auto/4", Optional.of("site"),
                Map.of(Shard.INDEX_VARIABLE, "3")::get).label());
        for (String bad : List.of("0/4", "5/4", "x/4", "2", "2/4/1", "1/0")) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad, Optional.empty(), v -> null), bad);
        }
        var missing = assertThrows(IllegalArgumentException.class, () -> Shard.parse("auto/4", Optional.empty(),
                v -> null));
        assertTrue(missing.getMessage().contains("JOB_COMPLETION_INDEX"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("auto/4", Optional.empty(),
                Map.of(Shard.INDEX_VARIABLE, "4")::get), "index 4 is shard 5 of 4");
    }
}
