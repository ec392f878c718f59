package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.PlaybookParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Destructive-task confirmation and --step: asked at a terminal, refused without one. */
class ConfirmationTest {
    @TempDir
    Path dir;

    /** Answers from a script; records the prompts. */
    static final class Scripted implements Operator {
        final boolean tty;
        final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();

        Scripted(boolean tty, String... answers) {
            this.tty = tty;
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return tty;
        }

        @Override
        public String ask(String prompt) {
            prompts.add(prompt);
            return answers.isEmpty() ? "" : answers.pop();
        }
    }

    private Playbook playbook(String text) throws Exception {
        return PlaybookParser.parse(Files.writeString(dir.resolve("p.yml"), text));
    }

    private static final String CYCLE = """
            - hosts: all
              tasks:
                - name: look
                  power: {state: status}
                - name: cycle
                  power: {state: cycle}
                - block:
                    - name: wipe
                      sel: {action: clear}
            """;

    @Test
    void destructiveTasksOverTheThresholdAreConfirmedAtATerminal() throws Exception {
        Playbook p = playbook(CYCLE);
        Scripted yes = new Scripted(true, "y");
        DestructiveGuard.check(p, List.of(11), 10, false, false, yes);
        assertEquals(1, yes.prompts.size());
        assertTrue(yes.prompts.getFirst().contains("task 'cycle' (power state=cycle, "), yes.prompts.toString());
        assertTrue(yes.prompts.getFirst().contains("task 'wipe' (sel action=clear, "), yes.prompts.toString());
        assertTrue(!yes.prompts.getFirst().contains("'look'"), yes.prompts.toString());

        UserError no = assertThrows(UserError.class, () -> DestructiveGuard.check(p, List.of(11), 10, false, false,
                new Scripted(true, "")));
        assertEquals("not confirmed; nothing was run", no.getMessage());

        Scripted silent = new Scripted(true);
        DestructiveGuard.check(p, List.of(10), 10, false, false, silent);
        DestructiveGuard.check(p, List.of(500), 10, true, false, silent);
        DestructiveGuard.check(p, List.of(500), 10, false, true, silent);
        assertEquals(List.of(), silent.prompts, "at the threshold, with --yes and under --check nobody is asked");
    }

    @Test
    void withoutATerminalTheRunIsRefused() throws Exception {
        UserError e = assertThrows(UserError.class, () -> DestructiveGuard.check(playbook(CYCLE), List.of(11), 10,
                false, false, new Scripted(false, "y")));
        assertEquals(ExitCodes.BAD_OPTIONS, e.exitCode());
        assertTrue(e.getMessage().startsWith("destructive task 'cycle' (power state=cycle, "), e.getMessage());
        assertTrue(e.getMessage().endsWith("on 11 hosts and 1 more, more than 10 (--destructive-threshold); stdin "
                + "is not a terminal, so nobody can confirm: add --yes, or narrow it with --limit"), e.getMessage());
    }

    @Test
    void playRefusesDestructiveTasksAndStepWithoutATerminal() throws Exception {
        Path p = Files.writeString(dir.resolve("p.yml"), CYCLE);
        CliRun r = CliRun.of("play", p.toString(), "-i", "n1,n2,n3,", "--destructive-threshold", "2",
                "--report-dir", dir.resolve("run").toString());
        assertEquals(ExitCodes.BAD_OPTIONS, r.exit(), r.toString());
        assertTrue(r.err().contains("stdin is not a terminal, so nobody can confirm"), r.toString());
        assertTrue(!Files.exists(dir.resolve("run")), "nothing may run");

        CliRun step = CliRun.of("play", p.toString(), "-i", "n1,", "--step", "--report-dir",
                dir.resolve("run").toString());
        assertEquals(ExitCodes.BAD_OPTIONS, step.exit(), step.toString());
        assertTrue(step.err().contains("--step asks before each task: it needs a terminal on stdin"),
                step.toString());
    }

    @Test
    void stepAsksOncePerTaskAndContinueStopsAsking() throws Exception {
        Scripted op = new Scripted(true, "n", "y", "c");
        StepGate gate = new StepGate(op);
        Playbook p = playbook("""
                - hosts: all
                  tasks:
                    - {name: one, debug: {msg: a}}
                    - {name: two, debug: {msg: b}}
                    - {name: three, debug: {msg: c}}
                    - {name: four, debug: {msg: d}}
                """);
        var tasks = p.plays().getFirst().tasks().stream().map(t -> (io.ipmirunner.playbook.Task) t).toList();
        List<Boolean> admitted = new ArrayList<>();
        for (var t : tasks) {
            admitted.add(gate.admit("p", t, List.of("h1", "h2")));
        }
        admitted.add(gate.admit("p", tasks.getFirst(), List.of("h3")));
        assertEquals(List.of(false, true, true, true, false), admitted, "an answer holds for hosts that come later");
        assertEquals(3, op.prompts.size());
        assertEquals("Perform task: TASK: one (2 hosts) (N)o/(y)es/(c)ontinue: ", op.prompts.getFirst());
    }
}
