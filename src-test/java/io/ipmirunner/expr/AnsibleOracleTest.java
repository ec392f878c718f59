package io.ipmirunner.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.ProcessResult;
import io.ipmirunner.util.Json;
import io.ipmirunner.util.JsonValues;
import io.ipmirunner.yaml.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ansible is the oracle for expressions: every case of {@code expr/ansible-cases.txt} runs through
 * ansible-core (one generated playbook, {@code connection: local}, each case a registered debug task; the
 * results leave through a final {@code copy} of {@code to_json}, since ansible-core has no JSON callback)
 * and through {@link Expressions}, over the same variables ({@code expr/ansible-vars.yml}). Ansible runs with
 * {@code jinja2_native}: its default in 2.14 turns every computed number into text ({@code "{{ n + 1 }}"} is
 * "43"), while the rule here, as in Ansible's native mode, is that one expression keeps its type. Values are
 * compared with their JSON types (1 is not 1.0, True is not 1); an error on both sides agrees, and an undefined
 * variable must be named alike (the variable, or the missing attribute). The cases that
 * differ must be exactly {@link #KNOWN}, each with its reason (docs/expressions.md lists them too), so a fix
 * or a new difference both show here.
 */
@Tag("interop")
class AnsibleOracleTest {
    /** Case text -> why ipmi-runner differs from Ansible. */
    static final Map<String, String> KNOWN = Map.of(
            "'v' ~ t", "Jinjava's ~ turns booleans into text with Java's spelling (true), Python's is True; "
                    + "write t | string for Python's",
            "s | lower is search('hello')", "Jinjava does not parse a test after a filter; write "
                    + "(s | lower) is search('hello')",
            "-f | abs", "Jinjava binds a filter tighter than unary minus (-(f | abs)); Jinja2 applies the filter to -f",
            "true == 1", "Python's True is the number 1; Jinjava refuses to compare a boolean with a number",
            "{% for u in users if u.enabled %}{{ u.id }}{% endfor %}", "Jinjava's for has no inline if filter: "
                    + "write {% for u in users | selectattr('enabled') %}",
            "{% for x in l %}{{ x }},{% endfor %}", "a template of several parts is text here; Ansible's "
                    + "jinja2_native re-reads the joined text as a Python literal (3,1,2, becomes a list)",
            "{% if fl %}x{% endif %}{{ t }}", "as above: Ansible re-reads the text True as a boolean",
            "{{ n }}{{ n }}", "as above: Ansible re-reads the text 4242 as a number");

    @TempDir
    Path dir;

    record Case(int id, char kind, String text) {}

    @Test
    void expressionsAgreeWithAnsible() throws IOException {
        Peers.require("ansible-playbook");
        List<Case> cases = cases();
        assertTrue(cases.size() >= 100, "at least 100 cases: " + cases.size());
        String vars = resource("expr/ansible-vars.yml");
        Path out = dir.resolve("results.json");
        Files.writeString(dir.resolve("cases.yml"), playbook(cases, vars, out));
        ProcessResult r = ProcessResult.run(List.of("ansible-playbook", "-i", "localhost,", "cases.yml"),
                Map.of("ANSIBLE_JINJA2_NATIVE", "True", "ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCALHOST_WARNING", "False", "ANSIBLE_RETRY_FILES_ENABLED",
                        "False", "ANSIBLE_DEPRECATION_WARNINGS", "False"), dir, Duration.ofMinutes(5));
        assertTrue(Files.exists(out), "ansible-playbook wrote no results: " + r);
        Map<?, ?> ansible = (Map<?, ?>) Json.parse(Files.readString(out));
        @SuppressWarnings("unchecked")
        Map<String, Object> scope = (Map<String, Object>) SafeYaml.parse(vars, "ansible-vars.yml").toPlain();

        Map<String, String> differences = new TreeMap<>();
        StringBuilder table = new StringBuilder();
        for (Case c : cases) {
            String theirs = outcome(c, (Map<?, ?>) ansible.get("c" + c.id()));
            String ours = ours(c, scope);
            table.append(c.kind()).append('\t').append(c.text()).append("\n\tansible: ").append(theirs)
                    .append("\n\tours:    ").append(ours).append('\n');
            if (!theirs.equals(ours)) {
                differences.put(c.text(), "ansible " + theirs + ", ipmi-runner " + ours);
            }
        }
        Files.writeString(Path.of("target", "ansible-oracle.txt"), table);
        StringBuilder unexplained = new StringBuilder();
        differences.forEach((text, what) -> {
            if (!KNOWN.containsKey(text)) {
                unexplained.append("\n  ").append(text).append(": ").append(what);
            }
        });
        assertEquals("", unexplained.toString(), "cases that differ from Ansible without a known reason");
        assertEquals(new TreeMap<>(KNOWN).keySet(), differences.keySet(), "known differences that no longer differ");
    }

    /** What Ansible's undefined errors name: 'x' is undefined, or has no attribute 'x'. */
    private static final java.util.regex.Pattern UNDEFINED =
            java.util.regex.Pattern.compile("(?:'([^']+)' is undefined|has no attribute '([^']+)')");

    /**
     * Ansible's result of one case: "value <json>", "false"/"true" for conditions, "error" or, for an undefined
     * variable, "undefined 'name'".
     */
    private static String outcome(Case c, Map<?, ?> result) {
        if (result == null || Boolean.TRUE.equals(result.get("failed"))) {
            return result == null ? "error" : undefined(String.valueOf(result.get("msg")));
        }
        if (c.kind() == 'w') {
            return Boolean.TRUE.equals(result.get("skipped")) ? "false" : "true";
        }
        return "value " + Json.write(JsonValues.canonical(result.get("msg")));
    }

    private static String ours(Case c, Map<String, Object> scope) {
        try {
            return switch (c.kind()) {
                case 'w' -> String.valueOf(Expressions.isTrue(c.text(), scope));
                case 'x' -> "value " + Json.write(JsonValues.canonical(Expressions.resolve(c.text(), scope)));
                default -> "value " + Json.write(JsonValues.canonical(Expressions.resolve("{{ " + c.text() + " }}",
                        scope)));
            };
        } catch (ExpressionException e) {
            return undefined(e.getMessage());
        }
    }

    private static String undefined(String message) {
        java.util.regex.Matcher m = UNDEFINED.matcher(message);
        return m.find() ? "undefined '" + (m.group(1) != null ? m.group(1) : m.group(2)) + "'" : "error";
    }

    private static String playbook(List<Case> cases, String vars, Path out) {
        StringBuilder pb = new StringBuilder("- hosts: localhost\n  connection: local\n  gather_facts: false\n"
                + "  vars:\n");
        vars.lines().filter(l -> !l.startsWith("#")).forEach(l -> pb.append("    ").append(l).append('\n'));
        pb.append("  tasks:\n");
        List<String> names = new ArrayList<>();
        for (Case c : cases) {
            String quoted = Json.write(c.kind() == 'x' ? c.text() : "{{ " + c.text() + " }}");
            if (c.kind() == 'w') {
                pb.append("    - debug: {msg: hit}\n      when: ").append(Json.write(c.text())).append('\n');
            } else {
                pb.append("    - debug: {msg: ").append(quoted).append("}\n");
            }
            pb.append("      register: c").append(c.id()).append("\n      ignore_errors: true\n");
            names.add("'c" + c.id() + "': c" + c.id());
        }
        pb.append("    - copy:\n        dest: ").append(Json.write(out.toString())).append("\n        content: ")
                .append(Json.write("{{ {" + String.join(", ", names) + "} | to_json }}")).append('\n');
        return pb.toString();
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : resource("expr/ansible-cases.txt").lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(new Case(out.size() + 1, line.charAt(0), line.substring(2)));
            }
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AnsibleOracleTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
