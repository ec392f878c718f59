package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.modules.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Ansible users type out of habit: -f, -k, -m/-a, -e on exec, --list-*, --syntax-check, help, typos. */
class AnsibleHabitsTest {
    private static final Path ROOT = Path.of(System.getProperty("ipmirunner.root", "."));
    private static final String RACK = """
            all:
              vars: {ipmi_simulated: true}
              children:
                rack_a:
                  hosts:
                    a[1:2]:
                rack_b:
                  hosts:
                    b1:
            """;
    private static final String PLAYBOOK = """
            - name: read
              hosts: rack_a
              tags: [reads]
              tasks:
                - name: read power
                  power: {state: status}
                  tags: [power]
                - name: identify
                  identify: {}
                  tags: [never, blink]
            - name: all
              hosts: all
              tasks:
                - name: firmware
                  mc_info:
            """;

    @Test
    void helpPlayPrintsPlaysHelpAndExecHelpListsEveryModule() {
        CliRun help = CliRun.of("help", "play");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("Usage: ipmi-runner play") && help.out().contains("--list-tasks"), help.out());
        CliRun exec = CliRun.of("exec", "--help");
        assertEquals(0, exec.exit(), exec.toString());
        for (String module : Modules.names()) {
            assertTrue(exec.out().contains(module), module + " in exec --help:\n" + exec.out());
        }
        assertTrue(exec.out().contains("Modules: "), exec.out());
    }

    @Test
    void mistypedCommandsAndOptionsGetSuggestions() {
        CliRun command = CliRun.of("pley", "x.yml");
        assertEquals(ExitCodes.BAD_OPTIONS, command.exit());
        // picocli lists every close command ("... or ipmi-runner play or ipmi-runner console?"): play is among them.
        assertTrue(command.err().contains("Did you mean: ")
                && command.err().matches("(?s).*ipmi-runner play( or |\\?).*"), command.err());
        CliRun option = CliRun.of("play", "x.yml", "--forsk", "3");
        assertEquals(ExitCodes.BAD_OPTIONS, option.exit());
        assertTrue(option.err().contains("--forks"), option.err());
    }

    @Test
    void listHostsTasksAndTagsAndSyntaxCheck(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK);
        Path pb = Files.writeString(dir.resolve("pb.yml"), PLAYBOOK);
        CliRun hosts = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--list-hosts", "-l", "a1,b1");
        assertEquals(0, hosts.exit(), hosts.toString());
        assertEquals("""

                playbook: %s

                  play #1 (rack_a): read\tTAGS: [reads]
                    pattern: ['rack_a']
                    hosts (1):
                      a1

                  play #2 (all): all\tTAGS: []
                    pattern: ['all']
                    hosts (2):
                      a1
                      b1
                """.formatted(pb), hosts.out());
        CliRun tasks = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--list-tasks");
        assertEquals(0, tasks.exit(), tasks.toString());
        assertTrue(tasks.out().contains("    tasks:\n      read power\tTAGS: [power, reads]\n\n"), tasks.out());
        CliRun blink = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--list-tasks", "--tags", "blink");
        assertTrue(blink.out().contains("    tasks:\n      identify\tTAGS: [blink, never, reads]\n\n"), blink.out());
        CliRun tags = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--list-tags");
        assertTrue(tags.out().contains("      TASK TAGS: [blink, never, power, reads]\n"), tags.out());
        CliRun syntax = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--syntax-check");
        assertEquals(0, syntax.exit(), syntax.toString());
        assertEquals("\nplaybook: " + pb + "\n", syntax.out());
        Files.writeString(pb, "- hosts: all\n  tasks:\n    - nonsense_module: {}\n");
        CliRun bad = CliRun.of("play", pb.toString(), "-i", inv.toString(), "--syntax-check");
        assertEquals(ExitCodes.PARSE_ERROR, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("pb.yml:3:"), bad.err());
    }

    @Test
    void execTakesModuleAndArgumentsAsAnsibleDoesAndExtraVars(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK);
        CliRun r = CliRun.of("exec", "-i", inv.toString(), "rack_a", "-m", "power", "-a", "state={{ wanted }}",
                "-e", "wanted=status", "-f", "1", "--report-dir", dir.resolve("run").toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("a[1:2] | OK | state=off\n", r.out(), r.toString());
        CliRun none = CliRun.of("exec", "-i", inv.toString(), "rack_a");
        assertEquals(ExitCodes.BAD_OPTIONS, none.exit());
        assertEquals("ipmi-runner: exec needs a MODULE after the PATTERN, or -m MODULE\n", none.err());
    }

    @Test
    void errorsSayWhatToDo(@TempDir Path dir) throws Exception {
        Path inv = Files.writeString(dir.resolve("rack.yml"), RACK);
        // Tests run without a terminal: -k cannot ask.
        CliRun ask = CliRun.of("exec", "-i", inv.toString(), "all", "power", "-k", "-u", "admin");
        assertEquals(ExitCodes.BAD_OPTIONS, ask.exit());
        assertTrue(ask.err().contains("-k asks for the BMC password on a terminal and there is none: use "
                + "--password-file FILE or IPMI_PASSWORD"), ask.err());
        CliRun limit = CliRun.of("exec", "-i", inv.toString(), "rack_a", "power", "--limit", "b1");
        assertEquals(ExitCodes.BAD_OPTIONS, limit.exit());
        assertEquals("ipmi-runner: --limit 'b1' leaves none of the 2 hosts that 'rack_a' matches\n", limit.err());
        // A simulated BMC with a password the inventory leaves empty: the login fails as on a real one.
        Path noPassword = Files.writeString(dir.resolve("nopw.yml"), """
                all:
                  vars: {ipmi_simulated: true, ipmi_user: admin, ipmi_password: ""}
                  hosts:
                    n1:
                """);
        CliRun login = CliRun.of("exec", "-i", noPassword.toString(), "all", "power", "--report-dir",
                dir.resolve("nopw").toString());
        assertEquals(ExitCodes.HOST_FAILED, login.exit(), login.toString());
        assertTrue(login.out().contains("no password was given: use --password-file FILE, IPMI_PASSWORD, "
                + "ipmi_password in the inventory, or -k on a terminal"), login.toString());
    }
}
