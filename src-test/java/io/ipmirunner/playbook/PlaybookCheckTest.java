package io.ipmirunner.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipmirunner.expr.ExpressionNames;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.InventoryLoader;
import io.ipmirunner.yaml.TestFiles;
import io.ipmirunner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookCheckTest {
    @TempDir
    Path dir;

    private Inventory inventory;

    @BeforeEach
    void inventory() {
        TestFiles.write(dir, "inv.yml", """
                rack1:
                  vars: {pdu: a}
                  hosts: {n1: , n2: {slot: 2}}
                rack2:
                  hosts: {m1: }
                """);
        inventory = Inventory.load(List.of(dir.resolve("inv.yml").toString()), InventoryLoader.Options.defaults());
    }

    private List<String> errors(String yaml, Optional<HostPattern> limit, Map<String, YamlValue> extra) {
        Playbook pb = PlaybookParser.parse(TestFiles.write(dir, "play.yml", yaml));
        return PlaybookCheck.run(pb, inventory, limit, extra).errors().list().stream()
                .map(p -> p.at().line() + ":" + p.at().column() + ": " + p.message()).toList();
    }

    private List<String> errors(String yaml) {
        return errors(yaml, Optional.empty(), Map.of());
    }

    @Test
    void emptyHostPatternIsAnError() {
        assertEquals(List.of("1:10: 'hosts' of play 'rack3': pattern 'rack3' matches no hosts in the inventory"),
                errors("- hosts: rack3\n"));
        // --limit emptying the list says so: the pattern alone matches a host.
        assertEquals(List.of("1:10: 'hosts' of play 'rack2': --limit 'rack1' leaves none of the 1 hosts that 'rack2' "
                + "matches"), errors("- hosts: rack2\n", Optional.of(HostPattern.parse("rack1")),
                Map.of()));
    }

    @Test
    void undefinedVariablesAreFoundWhereKnowable() {
        assertEquals(List.of(
                "4:13: undefined variable 'pdus' in 'when' of task 'p' (not in the inventory, vars, vars_files, -e, "
                        + "register or set_fact) (did you mean 'pdu'?)",
                "7:20: undefined variable 'missing' in debug of task 'd' (not in the inventory, vars, vars_files, -e, "
                        + "register or set_fact)"),
                errors("""
                        - hosts: rack1
                          tasks:
                            - name: p
                              when: pdus == "a"
                              power: state=status
                            - name: d
                              debug: {msg: "{{ missing }} {{ slot }} {{ pdu }} {{ inventory_hostname }} {{ later }} {{ r.state }}"}
                            - name: r
                              power: state=status
                              register: r
                            - set_fact: {later: 1}
                              when: x | default(false) and y.z | d(true) and r.changed
                              loop: "{{ groups.rack1 }}"
                        """));
    }

    @Test
    void extraVarsAndLoopVariablesCount() {
        assertEquals(List.of(), errors("""
                - hosts: all
                  vars: {base: 1}
                  tasks:
                    - debug: {msg: "{{ item }} {{ target }} {{ base }} {{ ansible_loop.index }}"}
                      loop: [1, 2]
                """, Optional.empty(), Map.of("target", io.ipmirunner.yaml.YamlScalar.string("x",
                io.ipmirunner.yaml.Location.commandLine("-e")))));
    }

    @Test
    void runTimeVarsFilesSkipTheVariableCheck() {
        assertEquals(List.of(), errors("""
                - hosts: all
                  vars_files: ["vars/{{ pdu }}.yml"]
                  tasks:
                    - debug: {msg: "{{ from_the_file }}"}
                """));
    }

    @Test
    void hostCounts() {
        Playbook pb = PlaybookParser.parse(TestFiles.write(dir, "play.yml", "- hosts: rack1\n- hosts: all:!n1\n"));
        assertEquals(List.of(2, 2), PlaybookCheck.run(pb, inventory, Optional.empty(), Map.of()).hostCounts());
    }

    @Test
    void namesReadByExpressions() {
        assertEquals(List.of("a", "c", "d"), List.copyOf(ExpressionNames.inExpression(
                "a.b[c] > 1 and \"s {{ x }}\" == d | string and e | default(0) == 1 and f is defined "
                        + "and [1] | select('gt', 0) | map(attribute='k') | list | length > range(3) | length")));
        assertEquals(List.of("x", "y"), List.copyOf(ExpressionNames.inTemplate(
                "{{ x }} and {{ y.z ~ \"}}\" }} {{ w | d('') }} {{ none }} {{ 'q' if w.v is defined else '' }}")));
        assertEquals(java.util.Set.of(), ExpressionNames.inTemplate("{% for i in items %}{{ i }}{% endfor %}"));
        assertEquals(java.util.Set.of("r", "s", "u"), ExpressionNames.guardedBy(
                "r.x is defined and s is defined and u[h] | default('') != '' and v == 1"));
    }
}
