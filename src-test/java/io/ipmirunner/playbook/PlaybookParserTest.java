package io.ipmirunner.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.TestFiles;
import io.ipmirunner.yaml.YamlScalar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookParserTest {
    static final Path RACK_BRINGUP = Path.of("src-test/resources/playbook/rack-bringup.yml");

    @TempDir
    Path dir;

    private Playbook parse(String yaml) {
        return PlaybookParser.parse(TestFiles.write(dir, "play.yml", yaml));
    }

    @Test
    void shippedPlaybookParsesIntoTheModel() {
        Playbook pb = PlaybookParser.parse(RACK_BRINGUP);
        assertEquals(2, pb.plays().size());
        Play audit = pb.plays().get(0);
        assertEquals("dc1:!rack04", audit.hostPattern());
        Task read = (Task) audit.tasks().get(0);
        assertEquals("mc_info", read.action().name());
        TaskOptions.Retry retry = read.options().retry().orElseThrow();
        assertEquals(2, retry.retries());
        assertEquals(Duration.ofSeconds(3), retry.delay());
        assertEquals("bmc.device_available", retry.until().orElseThrow().source());
        Action.Assert check = assertInstanceOf(Action.Assert.class, ((Task) audit.tasks().get(1)).action());
        assertEquals(2, check.that().size());

        Play power = pb.plays().get(1);
        assertEquals(List.of(new Serial.Count(1), new Serial.Count(4), new Serial.Percent(25)),
                power.policy().serial().steps());
        assertEquals(OptionalInt.of(10), power.policy().maxFailPercentage());
        assertEquals(RunPolicy.HostOrder.SORTED, power.policy().order());
        assertEquals(Map.of("cycle_after_power_on", false, "power_on_stagger", 2L),
                plain(assertInstanceOf(VarsFile.Loaded.class, power.varsFiles().get(0)).vars()));
        Task on = (Task) power.tasks().get(0);
        Action.ModuleCall call = assertInstanceOf(Action.ModuleCall.class, on.action());
        YamlScalar state = assertInstanceOf(YamlScalar.class, call.args().get("state"));
        assertTrue(state.isYaml11BooleanWord(), "state: on is YAML 1.1's true; the module was given the word 'on'");
        assertEquals("on", state.text());
        assertEquals(OptionalInt.of(8), on.options().pacing().throttle());
        assertEquals(Duration.ofSeconds(2), on.options().pacing().stagger().orElseThrow());
        assertEquals(List.of("verify power"), on.options().notifies());
        Block block = assertInstanceOf(Block.class, power.tasks().get(1));
        IncludeTasks include = assertInstanceOf(IncludeTasks.class, block.block().get(0));
        assertEquals(3, include.tasks().orElseThrow().size());
        assertEquals(1, block.rescue().size());
        assertEquals(1, block.always().size());
        assertEquals(List.of("verify power"), power.handlers().get(0).listen());
        assertTrue(power.handlers().get(0).answers("verify power"));
    }

    private static Map<String, Object> plain(Map<String, io.ipmirunner.yaml.YamlValue> vars) {
        Map<String, Object> out = new java.util.HashMap<>();
        vars.forEach((k, v) -> out.put(k, v.toPlain()));
        return out;
    }

    @Test
    void freeFormArgumentsAndBuiltIns() {
        Playbook pb = parse("""
                - hosts: all
                  tasks:
                    - power: state=cycle wait=true timeout=60
                    - debug: msg="hello there"
                    - pause: {minutes: 2}
                    - fail:
                    - wait_for_power: {state: off, timeout: 2m, interval: 500ms}
                    - set_fact: {done: true}
                """);
        List<TaskItem> t = pb.plays().get(0).tasks();
        Action.ModuleCall power = assertInstanceOf(Action.ModuleCall.class, ((Task) t.get(0)).action());
        assertEquals("cycle", power.args().get("state").toPlain());
        assertEquals(true, power.args().get("wait").toPlain());
        assertEquals("hello there", assertInstanceOf(Action.Debug.class, ((Task) t.get(1)).action()).msg()
                .orElseThrow().toPlain());
        assertEquals(Duration.ofMinutes(2), assertInstanceOf(Action.Pause.class, ((Task) t.get(2)).action()).duration()
                .orElseThrow());
        assertEquals("Failed as requested from task", assertInstanceOf(Action.Fail.class, ((Task) t.get(3)).action())
                .msg().source());
        Action.WaitForPower w = assertInstanceOf(Action.WaitForPower.class, ((Task) t.get(4)).action());
        assertEquals("off", w.state());
        assertEquals(Duration.ofMinutes(2), w.timeout());
        assertEquals(Duration.ofMillis(500), w.interval());
    }

    @Test
    void templatedPartsAreDeferredToRunTime() {
        TestFiles.write(dir, "vars/site.yml", "x: 1\n");
        Playbook pb = parse("""
                - hosts: all
                  vars_files:
                    - vars/site.yml
                    - "vars/{{ rack }}.yml"
                  tasks:
                    - include_tasks: "tasks/{{ role }}.yml"
                    - power:
                        state: "{{ desired_state }}"
                      loop: "{{ racks }}"
                """);
        Play play = pb.plays().get(0);
        assertInstanceOf(VarsFile.Loaded.class, play.varsFiles().get(0));
        assertInstanceOf(VarsFile.Deferred.class, play.varsFiles().get(1));
        assertTrue(assertInstanceOf(IncludeTasks.class, play.tasks().get(0)).tasks().isEmpty());
        assertInstanceOf(Loop.FromExpression.class, play.tasks().get(1).options().loop().orElseThrow());
    }

    @Test
    void encryptedVarsFilesNeedAVaultPassword() {
        TestFiles.write(dir, "vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6231\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> parse("- hosts: all\n  vars_files: [vault.yml]\n"));
        assertTrue(e.getMessage().endsWith("vault.yml:1:1: cannot open vault-encrypted file: no vault password given "
                + "(use --vault-password-file, --vault-id or --ask-vault-pass)"), e.getMessage());
    }

    @Test
    void includeLoopsAreRefused() {
        TestFiles.write(dir, "a.yml", "- include_tasks: b.yml\n");
        TestFiles.write(dir, "b.yml", "- include_tasks: a.yml\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> parse("- hosts: all\n  tasks:\n    - include_tasks: a.yml\n"));
        assertEquals(List.of("1:18: include_tasks of 'a.yml' makes a loop of includes"), TestFiles.lines(e));
        assertEquals(dir.resolve("b.yml").toString(), e.problems().get(0).at().file());
    }

    @Test
    void errorsInIncludedFilesNameThatFile() {
        TestFiles.write(dir, "tasks/t.yml", "- name: x\n  power: state=of\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> parse("- hosts: all\n  tasks:\n    - include_tasks: tasks/t.yml\n"));
        assertEquals(dir.resolve("tasks/t.yml").toString() + ":2:3: power: state must be one of "
                + "status|on|off|cycle|reset|soft|diag, got 'of'", e.problems().get(0).toString());
    }

    @Test
    void backoffGrowsFromTheDelayWithDefaultsForWhatIsLeftOut() {
        Playbook pb = parse("""
                - hosts: all
                  tasks:
                    - mc_info:
                      retries: 4
                      delay: 2s
                      backoff: {factor: 3, max: 2m, jitter: 0.1}
                    - mc_info:
                      until: true
                      backoff:
                    - mc_info:
                      retries: 2
                      delay: 90s
                      backoff: {jitter: 0}
                    - mc_info:
                      delay: 1s
                """);
        List<TaskOptions> o = pb.plays().getFirst().tasks().stream().map(t -> ((Task) t).options()).toList();
        assertEquals(new TaskOptions.Retry(4, Duration.ofSeconds(2), Optional.empty(), Optional.of(
                new TaskOptions.Backoff(3, Duration.ofMinutes(2), 0.1))), o.get(0).retry().orElseThrow());
        assertEquals(new TaskOptions.Backoff(2, Duration.ofMinutes(1), 0.2), o.get(1).retry().orElseThrow().backoff()
                .orElseThrow());
        assertEquals(3, o.get(1).retry().orElseThrow().retries(), "until alone: Ansible's 3 retries");
        assertEquals(new TaskOptions.Backoff(2, Duration.ofSeconds(90), 0), o.get(2).retry().orElseThrow().backoff()
                .orElseThrow(), "the default max never undercuts the delay");
        assertTrue(o.get(3).retry().isEmpty(), "delay alone retries nothing, as in Ansible");
    }

    @Test
    void everyBrokenTaskIsReported() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("""
                - hosts: all
                  tasks:
                    - name: one
                      power: state=on
                      retires: 3
                    - name: two
                      mc_info:
                      when: a ==
                    - name: fine
                      mc_info:
                """));
        assertEquals(List.of("5:7: unknown key 'retires' in task 'one' (did you mean 'retries'?)",
                "8:17: 'when' of task 'two': expression syntax error: unexpected end of expression"),
                TestFiles.lines(e));
    }

    @Test
    void serialBatches() {
        Serial ramp = new Serial(List.of(new Serial.Count(1), new Serial.Count(5), new Serial.Percent(25)));
        assertEquals(List.of(1, 5, 25, 25, 25, 19), ramp.batchSizes(100));
        assertEquals(List.of(3), Serial.ALL_AT_ONCE.batchSizes(3));
        assertEquals(List.of(1, 1, 1), new Serial(List.of(new Serial.Percent(10))).batchSizes(3));
        assertEquals(List.of(), Serial.ALL_AT_ONCE.batchSizes(0));
    }

    @Test
    void extraVars() {
        TestFiles.write(dir, "ev.yml", "serial_size: 5\n");
        Map<String, io.ipmirunner.yaml.YamlValue> ev = ExtraVars.parse(List.of("a=1 b=two",
                "{\"c\": [1, 2]}", "@" + dir.resolve("ev.yml")));
        assertEquals("1", ev.get("a").toPlain());
        assertEquals(List.of(1L, 2L), ev.get("c").toPlain());
        assertEquals(5L, ev.get("serial_size").toPlain());
        assertEquals("-e #1:1:1: -e takes key=value, @FILE or {...}, found 'oops'", assertThrows(
                InvalidInputException.class, () -> ExtraVars.parse(List.of("oops"))).problems().get(0).toString());
    }
}
