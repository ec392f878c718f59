package io.ipmirunner.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken playbooks: each must fail with exactly this first problem, at this line and column. The cases
 * here are the file and its plays; those of tasks, blocks and handlers are in {@link MalformedTaskCases}.
 */
class MalformedPlaybookTest {
    /** The registered modules as the messages list them; grows as modules are added. */
    static final String MODULES = String.join(", ", io.ipmirunner.modules.Modules.names());
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("module that does not exist", """
                        - hosts: all
                          tasks:
                            - name: Flash
                              firmware_update:
                        """, "4:7: unknown module 'firmware_update' in task 'Flash' (modules: " + MODULES + "; built-in "
                        + "actions: assert, debug, fail, pause, set_fact, wait_for_power)"),
                bad("duplicate key", """
                        - hosts: all
                          tasks:
                            - name: Twice
                              power: state=on
                              name: again
                        """, "5:7: duplicate key 'name' (first defined at 3:7)"),
                bad("YAML syntax", """
                        - hosts: all
                          tasks:
                            - name: x
                             power: on
                        """, "4:6: YAML syntax error: expected <block end>, but found '<block mapping start>'"),
                bad("playbook not a list", """
                        hosts: all
                        tasks: []
                        """, "1:1: a playbook is a list of plays (each starting with '- hosts:' or '- name:'), "
                        + "found a mapping"),
                bad("empty playbook", "# nothing here\n", "1:1: the playbook is empty"),
                bad("play without hosts", """
                        - name: Lost
                          tasks: []
                        """, "1:3: play 'Lost' has no 'hosts' (a host pattern such as all, rack1 or rack1:&web)"),
                bad("unknown play key", """
                        - hosts: all
                          serail: 5
                        """, "2:3: unknown key 'serail' in play (did you mean 'serial'?)"),
                bad("bad serial", """
                        - hosts: all
                          serial: lots
                        """, "2:11: 'serial' of play must be a number of hosts, a percentage like \"25%\", or a list "
                        + "of those, found the string 'lots'"),
                bad("serial percentage above 100", """
                        - hosts: all
                          serial: [1, "150%"]
                        """, "2:15: 'serial' of play must be a number of hosts, a percentage like \"25%\", or a list "
                        + "of those, found the string '150%'"),
                bad("max_fail_percentage out of range", """
                        - hosts: all
                          max_fail_percentage: 120
                        """, "2:24: 'max_fail_percentage' in play must be a whole number from 0 to 100, found the "
                        + "number 120"),
                bad("unknown strategy", """
                        - hosts: all
                          strategy: parallel
                        """, "2:13: 'strategy' of play must be one of linear, free, found 'parallel'"),
                bad("unknown order", """
                        - hosts: all
                          order: random
                        """, "2:10: 'order' of play must be one of inventory, reverse_inventory, sorted, "
                        + "reverse_sorted, shuffle, found 'random'"),
                bad("any_errors_fatal not boolean", """
                        - hosts: all
                          any_errors_fatal: maybe
                        """, "2:21: 'any_errors_fatal' in play must be true or false, found the string 'maybe'"),
                bad("throttle zero", """
                        - hosts: all
                          throttle: 0
                        """, "2:13: 'throttle' in play must be a whole number >= 1, found the number 0"),
                bad("gather_facts true", """
                        - hosts: all
                          gather_facts: yes
                        """, "2:17: gather_facts: true is not supported in play: ipmi-runner gathers no facts "
                        + "(use the mc_info module)"),
                bad("bad host regex", """
                        - hosts: "~node(0"
                        """, "1:10: 'hosts' of play: bad regular expression '~node(0' in host pattern "
                        + "'~node(0': Unclosed group"),
                bad("templated hosts", """
                        - hosts: "{{ target }}"
                        """, "1:10: 'hosts' of play cannot be a template: the hosts must be known before any host "
                        + "variable is"),
                bad("play vars bad name", """
                        - hosts: all
                          vars:
                            rack-id: 4
                        """, "3:5: variable in 'vars' of play: 'rack-id' is not a valid variable name (letters, "
                        + "digits and _, not starting with a digit)"),
                bad("vars file missing", """
                        - hosts: all
                          vars_files:
                            - vars/nope.yml
                        """, "3:7: vars file 'vars/nope.yml' not found (looked for VARS)"),
                bad("include missing", """
                        - hosts: all
                          tasks:
                            - include_tasks: tasks/nope.yml
                        """, "3:22: include_tasks: file 'tasks/nope.yml' not found (looked for TASKS)"),
                bad("import_playbook", """
                        - import_playbook: other.yml
                        """, "1:3: import_playbook is not supported: run the playbooks one after the other"),
                bad("unsupported tag", """
                        - hosts: all
                          vars:
                            x: !!python/object:os.system ls
                        """, "3:8: unsupported YAML tag '!!python/object:os.system' (only !vault "
                        + "and the standard scalar tags are read)"),
                bad("tabs", "- hosts: all\n\ttasks: []\n",
                        "2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use "
                        + "\\t(TAB) for indentation)"));
    }

    static Arguments bad(String what, String yaml, String expected) {
        return Arguments.of(what, yaml, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cases", "io.ipmirunner.playbook.MalformedTaskCases#cases",
            "io.ipmirunner.playbook.MalformedRetryCases#cases"})
    void firstProblemIsExactlyThis(String what, String yaml, String expected) {
        Path file = TestFiles.write(dir, "play.yml", yaml);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlaybookParser.parse(file));
        String first = TestFiles.lines(e).get(0)
                .replace(dir.resolve("vars/nope.yml").toString(), "VARS")
                .replace(dir.resolve("tasks/nope.yml").toString(), "TASKS");
        assertEquals(expected, first, "all problems: " + TestFiles.lines(e));
        assertEquals(file.toString(), e.problems().get(0).at().file());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cases", "io.ipmirunner.playbook.MalformedTaskCases#cases",
            "io.ipmirunner.playbook.MalformedRetryCases#cases"})
    void noStackTraceEscapes(String what, String yaml, String expected) {
        Path file = TestFiles.write(dir, "play.yml", yaml);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlaybookParser.parse(file));
        assertEquals(0, e.getStackTrace().length, "parse errors carry no stack trace");
        assertEquals(List.of(), e.problems().stream().filter(p -> p.message().contains("Exception")).toList());
    }
}
