package io.ipmirunner.sim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.executor.FailureClass;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.Timing;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.Modules;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.lan.Answering;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each {@link Misbehaviour} on its own port, and the read-only modules run against it: every run ends within
 * the module's deadline with a failure class and a one-line message, or with the honest BMC's result; none
 * reports a lie as OK. The modules that read what a case corrupts must fail, with the class given here.
 */
@Tag("hostile")
class HostileBmcTest {
    /** Short exchange timeouts and few busy retries, so the cases that wait cost seconds, not minutes. */
    private static final Timing TIMING = new Timing(200, 50, 500, 1500, 30_000, 300, 2);
    /** What any one module may take here: the exchange timeout, its retries and busy pauses, with room. */
    private static final long MODULE_DEADLINE_MILLIS = 10_000;
    /** Heap the whole suite may leave behind, after a collection: the issue allows the client 150 MB RSS. */
    private static final long HEAP_GROWTH_LIMIT = 32L << 20;
    private static final Map<String, Map<String, String>> RUNS = runs();

    private static Map<String, Map<String, String>> runs() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("sensors", Map.of());
        m.put("sel", Map.of("action", "list"));
        m.put("fru", Map.of());
        m.put("mc_info", Map.of());
        m.put("power", Map.of("state", "status"));
        return m;
    }

    /**
     * The modules that must fail under each case, and the classes allowed; the others fail too or return the
     * honest result. After a timeout the shared session is closed, so later modules on it fail as protocol
     * errors ("session already closed") rather than wait again.
     */
    private static Map<Misbehaviour, Map<String, Set<FailureClass>>> mustFail() {
        Set<FailureClass> p = Set.of(FailureClass.PROTOCOL);
        Set<FailureClass> c = Set.of(FailureClass.COMPLETION_CODE);
        Set<FailureClass> gone = Set.of(FailureClass.TIMEOUT, FailureClass.PROTOCOL);
        Map<Misbehaviour, Map<String, Set<FailureClass>>> m = new EnumMap<>(Misbehaviour.class);
        m.put(Misbehaviour.TRUNCATED, Map.of("sel", p, "fru", p, "mc_info", p));
        m.put(Misbehaviour.OVERSIZED, Map.of("sensors", p, "sel", p, "fru", p, "mc_info", p, "power", p));
        m.put(Misbehaviour.MUTATED, Map.of("sensors", p, "sel", p, "fru", p));
        m.put(Misbehaviour.WRONG_SESSION_ID, Map.of("sensors", Set.of(FailureClass.TIMEOUT), "sel", gone,
                "fru", gone, "mc_info", gone, "power", gone));
        m.put(Misbehaviour.ENDLESS_SDR, Map.of("sensors", p));
        m.put(Misbehaviour.LOOPING_SDR, Map.of("sensors", p));
        m.put(Misbehaviour.ENDLESS_SEL, Map.of("sel", p));
        m.put(Misbehaviour.LOOPING_SEL, Map.of("sel", p));
        m.put(Misbehaviour.ZERO_LENGTH_FRU, Map.of("fru", p));
        m.put(Misbehaviour.BUSY, Map.of("sensors", c, "sel", c, "fru", c, "mc_info", c, "power", c));
        return m;
    }

    private record Outcome(Map<String, Object> result, IpmiException failure, long millis) {}

    @Test
    void everyCaseEndsInTimeWithAFailureOrTheTruth() throws Exception {
        long heapBefore = usedHeapAfterGc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(TIMING))) {
            Map<String, Outcome> honest = runAll(client, Misbehaviour.HONEST);
            honest.forEach((module, o) -> assertTrue(o.failure() == null, module + " on an honest BMC: " + o));
            List<String> report = new ArrayList<>();
            mustFail().forEach((misbehaviour, failing) -> {
                Map<String, Outcome> got = runAll(client, misbehaviour);
                got.forEach((module, o) -> {
                    String what = misbehaviour + " " + module;
                    assertTrue(o.millis() < MODULE_DEADLINE_MILLIS, what + " took " + o.millis() + " ms");
                    if (o.failure() == null) {
                        assertFalse(failing.containsKey(module), what + " reported OK: " + o.result());
                        assertEquals(comparable(honest.get(module).result()), comparable(o.result()),
                                what + " returned data that differs from the honest BMC's");
                        report.add(what + ": ok, the honest result (" + o.millis() + " ms)");
                        return;
                    }
                    String message = o.failure().getMessage();
                    assertFalse(message.contains("\n"), what + ": not one line: " + message);
                    FailureClass cls = FailureClass.of(o.failure());
                    if (failing.containsKey(module)) {
                        assertTrue(failing.get(module).contains(cls), what + ": " + cls + ": " + message);
                    }
                    report.add(what + ": " + cls + " (" + o.millis() + " ms) " + message);
                });
            });
            report.forEach(System.out::println);
        }
        long peak = heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long grown = usedHeapAfterGc() - heapBefore;
        System.out.printf("hostile suite: heap peak %d MiB, after GC grew %d KiB; JVM peak RSS %s%n", peak >> 20,
                grown >> 10, peakRss());
        assertTrue(grown < HEAP_GROWTH_LIMIT, "heap grew " + grown + " bytes");
    }

    /** The one padding let through, as OpenBMC's ipmid sends it (phosphor-host-ipmid issue #126): a warning. */
    @Test
    void chassisIdentifyPaddedAsOpenBmcPadsItIsAWarning() throws Exception {
        Answering echo = (request, honest) -> Commands.CHASSIS_IDENTIFY.matches(request.netFn(), request.cmd())
                ? new Answer(0, request.data()) : honest.apply(request.data());
        try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(TIMING));
             HostileBmc bmc = new HostileBmc(echo); Bmc session = client.open(bmc.target())) {
            Module<?> identify = Modules.find("identify").orElseThrow();
            assertEquals(Map.of("identify", "on", "seconds", 0, "previous", "off", "warnings",
                    List.of("Chassis Identify answered 2 data bytes where IPMI v2.0 §28.5 has none; ignored")),
                    run(identify, session, Map.of("state", "on")).result());
        }
    }

    private static Map<String, Outcome> runAll(IpmiClient client, Misbehaviour misbehaviour) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        try (HostileBmc bmc = new HostileBmc(misbehaviour); Bmc session = client.open(bmc.target())) {
            RUNS.forEach((module, args) -> out.put(module, run(Modules.find(module).orElseThrow(), session, args)));
        }
        return out;
    }

    private static <A> Outcome run(Module<A> module, Bmc bmc, Map<String, String> args) {
        long start = System.nanoTime();
        try {
            Map<String, Object> r = module.run(bmc, module.validate(args)).result();
            return new Outcome(r, null, (System.nanoTime() - start) / 1_000_000);
        } catch (IpmiException e) {
            return new Outcome(null, e, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            throw new AssertionError(module.name() + " let escape " + e, e);
        }
    }

    /** Sensor values move with the simulated BMC's time; names, types and statuses do not. */
    @SuppressWarnings("unchecked")
    private static Object comparable(Map<String, Object> result) {
        Map<String, Object> m = new LinkedHashMap<>(result);
        if (m.get("sensors") instanceof List<?> sensors) {
            m.put("sensors", sensors.stream().map(s -> {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) s);
                copy.remove("value");
                return copy;
            }).toList());
        }
        return m;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    /** VmHWM: the test JVM's peak resident set, the whole JVM (test framework included), not the client alone. */
    private static String peakRss() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).findFirst()
                .map(l -> l.substring(6).strip()).orElse("unknown");
    }
}
