package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --shard on the command line: an empty shard is nothing to do (exit 0), a bad one a usage error (exit 5). */
class ShardOptionsTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyShardExitsZeroAndABadOneFive() throws Exception {
        Path inv = Files.writeString(dir.resolve("inv.yml"), "all:\n  hosts:\n    only-one:\n");
        Path pb = Files.writeString(dir.resolve("p.yml"), "- hosts: all\n  tasks:\n    - debug: {msg: hi}\n");
        int empty = 0;
        for (int k = 1; k <= 2; k++) {
            CliRun r = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--shard", k + "/2",
                    "--report-dir", dir.resolve("run" + k).toString(), "--no-progress");
            assertEquals(0, r.exit(), r.toString());
            if (r.err().contains("holds no host; nothing to do")) {
                empty++;
                assertTrue(Files.notExists(dir.resolve("run" + k)), "an empty shard writes no run directory");
            }
        }
        assertEquals(1, empty, "one host: one of two shards is empty");
        CliRun bad = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--shard", "3/2");
        assertEquals(5, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--shard: shard 3/2 does not exist"), bad.err());
        CliRun by = CliRun.of("inventory", "-i", inv.toString(), "--list", "--shard-by", "site");
        assertEquals(5, by.exit(), by.toString());
    }
}
