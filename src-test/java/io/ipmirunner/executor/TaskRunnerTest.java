package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.modules.ModuleResult;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.sim.FakeBmc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRunnerTest {
    @TempDir
    Path dir;

    final FakeTime time = new FakeTime();

    private Task task(String yaml) throws IOException {
        Path f = dir.resolve("play.yml");
        Files.writeString(f, "- hosts: all\n  tasks:\n" + yaml.indent(4));
        return (Task) PlaybookParser.parse(f).plays().getFirst().tasks().getFirst();
    }

    private HostContext host(String name, Map<String, Object> vars) {
        FakeBmc bmc = new FakeBmc(name, time);
        return new HostContext(name, new HashMap<>(vars), () -> bmc);
    }

    private TaskRunner runner(boolean check, FakeModule... modules) {
        return new TaskRunner(new ActionRunner(time, time, check, FakeTime.NO_JITTER, FakeModule.only(modules)), time,
                time, FakeTime.NO_JITTER);
    }

    @Test
    void whenFalseSkipsWithoutTouchingTheBmc() throws Exception {
        FakeModule power = new FakeModule("power", (h, a, n) -> new ModuleResult(false, Map.of()));
        var r = runner(false, power).run(task("- power: {state: status}\n  when: enabled"),
                host("n1", Map.of("enabled", false)));
        assertEquals(RunEvent.Status.SKIPPED, r.status());
        assertTrue(power.calls.isEmpty());
    }

    @Test
    void registerHoldsResultChangedFailedAndAttempts() throws Exception {
        FakeModule power = new FakeModule("power",
                (h, a, n) -> new ModuleResult(true, Map.of("state", "on")));
        HostContext h = host("n1", Map.of());
        var r = runner(false, power).run(task("- power: {state: \"on\"}\n  register: p"), h);
        assertEquals(RunEvent.Status.CHANGED, r.status());
        assertEquals(Map.of("state", "on", "changed", true, "failed", false, "attempts", 1), h.vars().get("p"));
        assertEquals(List.of("n1 {state=on}"), power.calls);
    }

    @Test
    void untilRetriesWithTheDelayAndCountsAttempts() throws Exception {
        FakeModule power = new FakeModule("power",
                (h, a, n) -> new ModuleResult(false, Map.of("state", n < 3 ? "off" : "on")));
        HostContext h = host("n1", Map.of());
        var r = runner(false, power).run(task("""
                - power: {state: status}
                  register: p
                  until: p.state == "on"
                  retries: 5
                  delay: 2m
                """), h);
        assertEquals(RunEvent.Status.OK, r.status());
        assertEquals(3, r.attempts());
        assertEquals(List.of(Duration.ofMinutes(2), Duration.ofMinutes(2)), time.sleeps);
        assertEquals(Duration.ofMinutes(4), r.duration());
        assertEquals(3, ((Map<?, ?>) h.vars().get("p")).get("attempts"));
    }

    @Test
    void unreachableIsNotRetriedAndIsNotIgnorable() throws Exception {
        FakeModule power = new FakeModule("power", (h, a, n) -> {
            throw FakeModule.unreachable(h);
        });
        var r = runner(false, power).run(task("- power: {state: status}\n  retries: 3\n  ignore_errors: true"),
                host("n1", Map.of()));
        assertEquals(RunEvent.Status.UNREACHABLE, r.status());
        assertEquals(FailureClass.UNREACHABLE, r.failureClass());
        assertEquals(1, power.calls.size());
        assertFalse(r.keepsHost());
    }

    @Test
    void failedWhenChangedWhenAndIgnoreErrors() throws Exception {
        FakeModule mc = new FakeModule("mc_info",
                (h, a, n) -> new ModuleResult(false, Map.of("firmware", "1.0")));
        var r = runner(false, mc).run(task("""
                - mc_info:
                  register: m
                  failed_when: m.firmware == "1.0"
                  changed_when: true
                  ignore_errors: true
                """), host("n1", Map.of()));
        assertEquals(RunEvent.Status.FAILED, r.status());
        assertTrue(r.ignored());
        assertTrue(r.keepsHost());
        assertEquals(true, r.result().get("changed"));
    }

    @Test
    void loopRunsPerItemAndRegistersResults() throws Exception {
        FakeModule power = new FakeModule("power", (h, a, n) -> new ModuleResult(true, Map.of()));
        HostContext h = host("n1", Map.of());
        var r = runner(false, power).run(task("""
                - power: {state: "{{ item }}"}
                  loop: ["on", "off"]
                  register: r
                """), h);
        assertEquals(RunEvent.Status.CHANGED, r.status());
        assertEquals(List.of("n1 {state=on}", "n1 {state=off}"), power.calls);
        assertEquals(2, ((List<?>) ((Map<?, ?>) h.vars().get("r")).get("results")).size());
    }

    @Test
    void loopControlLabelNamesEachItemsResult() throws Exception {
        FakeModule user = new FakeModule("power", (h, a, n) -> new ModuleResult(false, Map.of()));
        HostContext h = host("n1", Map.of("accounts", List.of(Map.of("name", "ops", "secret", "s1"),
                Map.of("name", "audit", "secret", "s2"))));
        var r = runner(false, user).run(task("""
                - power: {state: status}
                  loop: "{{ accounts }}"
                  loop_control: {label: "{{ item.name }}"}
                  register: r
                """), h);
        assertEquals(RunEvent.Status.OK, r.status());
        assertEquals(List.of("ops", "audit"), ((List<?>) ((Map<?, ?>) h.vars().get("r")).get("results")).stream()
                .map(x -> ((Map<?, ?>) x).get("_ansible_item_label")).toList());
    }

    @Test
    void omitLeavesAnArgumentOut() throws Exception {
        FakeModule power = new FakeModule("power", (h, a, n) -> new ModuleResult(false, Map.of()));
        HostContext h = host("n1", Map.of("omit", MagicVariables.OMIT_VALUE));
        runner(false, power).run(task("- power: {state: status, wait: \"{{ w | default(omit) }}\"}"), h);
        assertEquals(List.of("n1 {state=status}"), power.calls);
    }

    @Test
    void expressionErrorsAtRunTimeNameTheTaskAndTheVariable() throws Exception {
        HostContext h = host("n1", Map.of("bmc", Map.of("state", "on")));
        var r = runner(false).run(task("- debug: {msg: \"{{ bmc.power }}\"}"), h);
        assertEquals(FailureClass.EXPRESSION, r.failureClass());
        assertEquals(dir.resolve("play.yml") + ":3:7: 'dict object' has no attribute 'power' (its keys: state)",
                r.error());
        var loop = runner(false).run(task("- debug: {msg: x}\n  loop: \"{{ bmc }}\""), h);
        assertEquals(dir.resolve("play.yml") + ":3:7: 'loop' needs a list, '{{ bmc }}' gave a mapping", loop.error());
    }

    @Test
    void builtInsSetFactAssertFailPauseDebug() throws Exception {
        HostContext h = host("n1", Map.of("rack", "r1"));
        TaskRunner runner = runner(false);
        assertEquals(RunEvent.Status.OK, runner.run(task("- set_fact: {where: \"{{ rack }}-a\"}"), h).status());
        assertEquals("r1-a", h.vars().get("where"));
        assertEquals(RunEvent.Status.OK, runner.run(task("- assert: {that: [where == \"r1-a\"]}"), h).status());
        var failed = runner.run(task("- assert: {that: [where == \"x\"], fail_msg: \"bad {{ where }}\"}"), h);
        assertEquals("bad r1-a", failed.error());
        assertEquals(FailureClass.ASSERTION, failed.failureClass());
        assertEquals("stop n1", runner.run(task("- fail: {msg: \"stop {{ inventory_hostname }}\"}"),
                host("n1", Map.of("inventory_hostname", "n1"))).error());
        runner.run(task("- pause: {seconds: 7}"), h);
        assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
        assertEquals("r1-a", runner.run(task("- debug: {msg: \"{{ where }}\"}"), h).result().get("msg"));
    }

    @Test
    void waitForPowerPollsUntilTheStateOrTimesOut() throws Exception {
        FakeModule power = new FakeModule("power",
                (h, a, n) -> new ModuleResult(false, Map.of("state", n < 4 ? "off" : "on")));
        var r = runner(false, power).run(task("- wait_for_power: {state: \"on\", interval: 10s, timeout: 1m}"),
                host("n1", Map.of()));
        assertEquals(RunEvent.Status.OK, r.status());
        assertEquals(30_000, r.result().get("waited_ms"));
        var late = runner(false, power).run(task("- wait_for_power: {state: \"off\", interval: 10s, timeout: 25s}"),
                host("n2", Map.of()));
        assertEquals(RunEvent.Status.OK, late.status());
        var never = runner(false, new FakeModule("power",
                (h, a, n) -> new ModuleResult(false, Map.of("state", "off"))))
                .run(task("- wait_for_power: {state: \"on\", interval: 10s, timeout: 25s}"), host("n3", Map.of()));
        assertEquals(RunEvent.Status.FAILED, never.status());
        assertEquals(FailureClass.TIMEOUT, never.failureClass());
    }

    @Test
    void checkModeRunsReadsButNotWrites() throws Exception {
        FakeModule power = new FakeModule("power",
                (h, a, n) -> new ModuleResult(false, Map.of("state", "off")));
        TaskRunner runner = runner(true, power);
        assertEquals(RunEvent.Status.OK, runner.run(task("- power: {state: status}"), host("n1", Map.of())).status());
        var write = runner.run(task("- power: {state: \"off\"}"), host("n1", Map.of()));
        assertEquals(RunEvent.Status.CHANGED, write.status());
        assertEquals(true, write.result().get("check_mode"));
        assertEquals(1, power.calls.size());
    }

    @Test
    void checkModeStillRetriesAsAnsibleDoesWithinRetriesTimesDelay() throws Exception {
        FakeModule power = new FakeModule("power",
                (h, a, n) -> new ModuleResult(false, Map.of("state", "off")));
        var r = runner(true, power).run(task("""
                - power: {state: status}
                  register: p
                  until: p.state == "on"
                  retries: 10
                  delay: 1
                """), host("n1", Map.of()));
        assertEquals(RunEvent.Status.FAILED, r.status());
        assertEquals(11, power.calls.size());
        assertEquals(Duration.ofSeconds(10), r.duration());
    }
}
