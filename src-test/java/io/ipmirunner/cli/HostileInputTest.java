package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input a tester or an attacker hands the CLI: devices that never end, files where directories belong,
 * numbers out of range, loose INI, expressions the run would refuse. Each is a parse error (4) or a bad option
 * (5), said in one line, without a stack trace, in bounded time: never 250, never out of memory.
 */
class HostileInputTest {
    @TempDir
    static Path dir;

    private static Path playbook;
    private static Path aFile;

    static Stream<Arguments> cases() throws IOException {
        playbook = write("p.yml", "- hosts: all\n  tasks:\n    - debug: {msg: hi}\n");
        aFile = write("a-file", "not a directory\n");
        Path unsafe = write("unsafe.yml", "- hosts: all\n  tasks:\n    - debug: {msg: \"{{ ____int3rpr3t3r____ }}\"}\n");
        Path duplicate = write("dup.ini", "[rack]\nn1 ipmi_user=a ipmi_user=b\n");
        Path nul = write("nul.ini", "[rack]\nn1 ipmi_user=ad\0min\n");
        Path junkRun = Files.createDirectories(dir.resolve("junk-run"));
        byte[] junk = new byte[4096];
        new Random(16).nextBytes(junk);
        Files.write(junkRun.resolve("journal.jsonl"), junk);
        Path huge = dir.resolve("huge.ftl");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(33L << 20); // sparse: larger than any template, no disk used
        }
        Path crowded = Files.createDirectories(dir.resolve("crowded"));
        for (int i = 0; i <= 10_000; i++) {
            Files.createFile(crowded.resolve("f" + i + ".retry"));
        }
        String pb = playbook.toString();
        return Stream.of(
                run("check of a device", 4, "check", "-i", "n1,", "/dev/zero"),
                run("-e @device", 4, "play", pb, "-i", "n1,", "-e", "@/dev/zero"),
                run("inventory that is a device", 4, "inventory", "-i", "/dev/zero", "--list"),
                run("--limit @device", 5, "check", pb, "-i", "n1,", "--limit", "@/dev/zero"),
                run("--password-file device", 5, "exec", "n1", "power", "--password-file", "/dev/zero"),
                run("--kg-file device", 5, "exec", "n1", "power", "--kg-file", "/dev/zero"),
                run("--vault-password-file device", 5, "play", pb, "-i", "n1,", "--vault-password-file",
                        "/dev/zero"),
                run("vault file that is a device", 5, "vault", "view", "--vault-password-file",
                        write("pw", "pw\n").toString(), "/dev/zero"),
                run("--port out of range", 5, "exec", "n1", "power", "--port", "99999"),
                run("--report-dir is a file", 5, "play", pb, "-i", "n1,", "--report-dir", aFile.toString()),
                run("--report-dir is /dev/null", 5, "play", pb, "-i", "n1,", "--report-dir", "/dev/null"),
                run("report of a junk journal", 4, "report", junkRun.toString()),
                run("report of a file", 5, "report", aFile.toString()),
                run("report --template larger than 32 MiB", 4, "report", junkRun.toString(), "--template",
                        huge.toString()),
                run("inventory directory with 10,001 entries", 4, "inventory", "-i", crowded.toString(), "--list"),
                run("INI variable set twice", 4, "inventory", "-i", duplicate.toString(), "--list"),
                run("INI NUL byte", 4, "inventory", "-i", nul.toString(), "--list"),
                run("play --forks 0", 5, "play", pb, "-i", "n1,", "--forks", "0"),
                run("exec --forks 0", 5, "exec", "n1", "power", "--forks", "0"),
                run("check of an expression the run refuses", 4, "check", "-i", "n1,", unsafe.toString()));
    }

    private static Arguments run(String what, int exit, String... args) {
        return Arguments.of(what, exit, List.of(args));
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithOneLine(String what, int exit, List<String> args) {
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.of(new ArrayList<>(args).toArray(String[]::new)));
        assertEquals(exit, r.exit(), r.toString());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
    }
}
