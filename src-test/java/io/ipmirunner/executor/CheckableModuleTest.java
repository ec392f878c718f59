package io.ipmirunner.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.modules.CheckableModule;
import io.ipmirunner.modules.HostBoundModule;
import io.ipmirunner.modules.ModuleArgumentException;
import io.ipmirunner.modules.ModuleResult;
import io.ipmirunner.playbook.PlaybookParser;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.FakeBmc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module that can plan runs its check under --check instead of being skipped, and a module that names
 * host variables gets them bound per host (a secret stays a Secret, never a string in the arguments).
 */
class CheckableModuleTest {
    @TempDir
    Path dir;
    final FakeTime time = new FakeTime();

    /** Records which entry point ran and what bind saw. */
    static final class Planner implements CheckableModule<Planner.Args>, HostBoundModule<Planner.Args> {
        /** The variable named in the task, and once bound, the secret it holds. */
        record Args(String passwordVar, Secret password) {}

        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "user";
        }

        @Override
        public Args validate(Map<String, String> args) {
            return new Args(args.get("password_var"), null);
        }

        @Override
        public Args bind(Args validated, Map<String, Object> vars) throws ModuleArgumentException {
            if (!(vars.get(validated.passwordVar()) instanceof Secret s)) {
                throw new ModuleArgumentException("not a secret");
            }
            calls.add("bind " + s.length());
            return new Args(validated.passwordVar(), s);
        }

        @Override
        public ModuleResult run(Bmc bmc, Args args) {
            calls.add("run");
            return new ModuleResult(true, Map.of("verified", true));
        }

        @Override
        public ModuleResult check(Bmc bmc, Args args) {
            calls.add("check");
            return new ModuleResult(true, Map.of("changes", List.of("password")));
        }
    }

    private Task task(String yaml) throws Exception {
        Path f = dir.resolve("play.yml");
        Files.writeString(f, "- hosts: all\n  tasks:\n" + yaml.indent(4));
        return (Task) PlaybookParser.parse(f).plays().getFirst().tasks().getFirst();
    }

    private RunEvent.HostResult run(boolean check, Planner p, Map<String, Object> vars) throws Exception {
        TaskRunner runner = new TaskRunner(new ActionRunner(time, time, check, FakeTime.NO_JITTER,
                n -> Optional.of(p)), time, time, FakeTime.NO_JITTER);
        return runner.run(task("- user: {id: 3, password_var: new_password}"),
                new HostContext("n1", new HashMap<>(vars), () -> new FakeBmc("n1", time)));
    }

    @Test
    void checkModeRunsTheCheckNotTheWrite() throws Exception {
        Planner p = new Planner();
        var r = run(true, p, Map.of("new_password", Secret.of("pw-123", "plain")));
        assertEquals(RunEvent.Status.CHANGED, r.status());
        assertEquals(true, r.result().get("check_mode"));
        assertEquals(List.of("password"), r.result().get("changes"));
        assertEquals(List.of("bind 6", "check"), p.calls);
    }

    @Test
    void aRealRunBindsThenRuns() throws Exception {
        Planner p = new Planner();
        var r = run(false, p, Map.of("new_password", Secret.of("pw-123", "plain")));
        assertEquals(RunEvent.Status.CHANGED, r.status());
        assertEquals(List.of("bind 6", "run"), p.calls);
    }

    @Test
    void aBindingErrorFailsTheHostAsAnArgumentError() throws Exception {
        Planner p = new Planner();
        var r = run(false, p, Map.of("new_password", "plain text"));
        assertEquals(RunEvent.Status.FAILED, r.status());
        assertEquals(FailureClass.ARGUMENTS, r.failureClass());
        assertTrue(p.calls.isEmpty());
    }
}
