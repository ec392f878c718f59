package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCodecTest {
    private static final Instant AT = Instant.parse("2026-12-03T05:24:33.123456789Z");

    @TempDir
    Path dir;

    static Map<String, Object> awkwardResult() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("tenth", 0.1);
        nested.put("tiny", 1e-300);
        nested.put("negative_zero", -0.0);
        nested.put("huge", 1e308);
        nested.put("long_max", Long.MAX_VALUE);
        nested.put("long_min", Long.MIN_VALUE);
        nested.put("beyond_long", new BigInteger("123456789012345678901234567890"));
        nested.put("int", 42);
        nested.put("nothing", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensors", List.of(Map.of("name", "CPU Temp", "reading", 41.5), Arrays.asList(1, null, "x", false)));
        m.put("nested", nested);
        m.put("unicode", "é ✓ \ud83d\ude00 \u2028 \u0000\u001f \"quoted\" back\\slash");
        m.put("lone_surrogate", "\ud800x");
        m.put("empty", Map.of());
        m.put("ansible_facts", Map.of("fw", "1.2.3"));
        return m;
    }

    static List<RunEvent> everyKind() {
        return List.of(
                new RunEvent.RunStarted("p.yml", List.of("inv.yml", "more.yml"), null, true, "ops"),
                new RunEvent.PlayStarted("Audit", List.of("n1", "n2")),
                new RunEvent.TaskStarted("Audit", "Read FRU", false, "p.yml:3:7", "fru"),
                new RunEvent.TaskStarted("Audit", "restart", true, "p.yml:20:7", "power"),
                new RunEvent.HostResult("n1", "Read FRU", "p.yml:3:7", RunEvent.Status.OK, false, 3,
                        Duration.ofMillis(1234), awkwardResult(), null, null),
                new RunEvent.HostResult("n2", "Read FRU", "p.yml:3:7", RunEvent.Status.FAILED, true, 1,
                        Duration.ZERO, Map.of(), "n2: timeout in command", FailureClass.TIMEOUT),
                new RunEvent.HostResult("n2", "Read FRU", "p.yml:3:7", RunEvent.Status.UNREACHABLE, false, 1,
                        Duration.ofSeconds(20), Map.of(), null, FailureClass.UNREACHABLE),
                new RunEvent.Rescued("n2", "firmware"),
                new RunEvent.PlayEnded("Audit"),
                new RunEvent.RunEnded(Map.of("n1", new RunEvent.Recap(1, 2, 3, 4, 5, 6, 7),
                        "n2", RunEvent.Recap.ZERO)));
    }

    @Test
    void everyEventDecodesEqualToTheOneEncoded() throws Exception {
        for (RunEvent e : everyKind()) {
            String line = JournalCodec.encode(AT, e);
            assertFalse(line.contains("\n"), line);
            assertEquals(new JournalCodec.Entry(AT, e), JournalCodec.decode(line), line);
        }
    }

    @Test
    void numbersComeBackInTheirCanonicalType() throws Exception {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("long_small", 5L);
        in.put("short", (short) 3);
        in.put("big_small", BigInteger.valueOf(-7));
        in.put("big_long", BigInteger.valueOf(Long.MAX_VALUE));
        in.put("float", 2.5f);
        in.put("list", List.of(1L, 3_000_000_000L));
        RunEvent.HostResult r = new RunEvent.HostResult("n", "t", "p.yml:1:1", RunEvent.Status.OK, false, 1,
                Duration.ofNanos(1_500_000), in, null, null);
        assertEquals(Map.of("long_small", 5, "short", 3, "big_small", -7, "big_long", Long.MAX_VALUE,
                "float", 2.5, "list", List.of(1, 3_000_000_000L)), r.result());
        assertEquals(Duration.ofMillis(1), r.duration(), "the journal keeps milliseconds");
        assertEquals(r, JournalCodec.decode(JournalCodec.encode(AT, r)).event());
    }

    @Test
    void aValueJsonCannotGiveBackIsRefusedWhenWrittenNamingWhereItIs() {
        Object secretish = new Object() {
            @Override
            public String toString() {
                return "hunter2";
            }
        };
        Map<String, Object> readings = new HashMap<>();
        readings.put("readings", List.of(1.0, Double.NaN));
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("result.raw: byte[]", Map.of("raw", new byte[] {1, 2}));
        cases.put("result.sdr.readings[1]: non-finite NaN", Map.of("sdr", readings));
        cases.put("result.max: non-finite Infinity", Map.of("max", Double.POSITIVE_INFINITY));
        cases.put("result.users: a key of type Integer", Map.of("users", Map.of(1, "admin")));
        cases.put("result.set: ", Map.of("set", Set.of("a")));
        cases.put("result.session: ", Map.of("session", secretish));
        cases.forEach((where, result) -> {
            RunEvent.HostResult r = new RunEvent.HostResult("n7", "t", "p.yml:1:1", RunEvent.Status.OK, false, 1,
                    Duration.ZERO, result, null, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JournalCodec.encode(AT, r));
            assertTrue(e.getMessage().startsWith("journal: result of 't' on n7: " + where), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), "the value itself stays out of the message");
        });
    }

    @Test
    void aTornLastLineIsSkippedAndSoIsOneAResumedRunWroteRightAfter() throws Exception {
        List<RunEvent> events = everyKind();
        writeAll(events);
        Path file = dir.resolve("journal.jsonl");
        byte[] full = Files.readAllBytes(file);
        String one = JournalCodec.encode(AT, events.get(4)) + "\n";
        for (int cut = 1; cut < one.length() - 1; cut += 7) {
            byte[] torn = one.substring(0, cut).getBytes(StandardCharsets.UTF_8);
            Files.write(file, full);
            Files.write(file, torn, StandardOpenOption.APPEND);
            assertEquals(events, events(), "cut at " + cut);
            Files.write(file, one.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            List<RunEvent> resumed = new java.util.ArrayList<>(events);
            resumed.add(events.get(4));
            assertEquals(resumed, events(), "a torn line at " + cut + " with a whole one after it");
        }
    }

    @Test
    void junkIsRefusedWithTheLineItIsOn() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Files.write(dir.resolve("journal.jsonl"), junk);
        JournalException e = assertThrows(JournalException.class, () -> JournalReader.read(dir));
        assertTrue(e.getMessage().startsWith("line 1: not a journal line"), e.getMessage());
        assertThrows(JournalException.class, () -> Resume.from(dir));
        assertThrows(JournalException.class, () -> JournalReader.failedHosts(dir));

        writeAll(everyKind());
        Files.writeString(dir.resolve("journal.jsonl"), "not json\n" + JournalCodec.encode(AT, everyKind().get(0))
                + "\n");
        e = assertThrows(JournalException.class, () -> JournalReader.read(dir));
        assertTrue(e.getMessage().equals("line 1: not a journal line (not JSON)"), e.getMessage());
        Files.writeString(dir.resolve("journal.jsonl"), "{\"at\":\"2026-01-01T00:00:00Z\",\"event\":\"party\"}\n");
        e = assertThrows(JournalException.class, () -> JournalReader.read(dir));
        assertTrue(e.getMessage().equals("line 1: unknown event 'party'"), e.getMessage());
        Files.writeString(dir.resolve("journal.jsonl"), "{\"at\":\"2026-01-01T00:00:00Z\",\"event\":\"host_result\","
                + "\"status\":\"ok\",\"attempts\":\"three\"}\n");
        e = assertThrows(JournalException.class, () -> JournalReader.read(dir));
        assertTrue(e.getMessage().equals("line 1: 'attempts' is not a number"), e.getMessage());
    }

    @Test
    void failureClassesKeepTheirLowerCaseNamesOnTheWire() throws Exception {
        RunEvent.HostResult r = new RunEvent.HostResult("n", "t", "p.yml:1:1", RunEvent.Status.FAILED, false, 1,
                Duration.ZERO, Map.of(), "boom", FailureClass.COMPLETION_CODE);
        assertTrue(JournalCodec.encode(AT, r).contains("\"error\":\"boom\",\"failure_class\":\"completion_code\""));
        for (FailureClass c : FailureClass.values()) {
            assertEquals(c, FailureClass.of(c.label()).orElseThrow());
        }
        assertEquals(List.of("unreachable", "auth", "timeout", "completion_code", "protocol", "assertion",
                "unsupported", "retries", "expression", "arguments", "vars_files", "internal"),
                Arrays.stream(FailureClass.values()).map(FailureClass::label).toList());
    }

    private void writeAll(List<RunEvent> events) throws Exception {
        Files.deleteIfExists(dir.resolve("journal.jsonl"));
        try (Journal j = new Journal(dir, new FakeTime())) {
            events.forEach(j::on);
        }
    }

    private List<RunEvent> events() throws Exception {
        return JournalReader.read(dir).stream().map(JournalCodec.Entry::event).toList();
    }
}
