package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.Problem;
import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken inventories: each must fail with exactly this first problem, named by file:line:column. */
class MalformedInventoryTest {
    private static final int SMALL_LIMIT = 100;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                yaml("top level is a list", "- node01\n", "hosts.yml:1:1: a YAML inventory must be a mapping of group "
                        + "names (all:, children:, hosts:, vars:), found a list"),
                yaml("empty file", "# todo\n", "hosts.yml:1:1: the inventory file is empty"),
                yaml("plugin configuration", "plugin: aws_ec2\n", "hosts.yml:1:1: inventory plugin configurations "
                        + "(plugin: ...) are not supported; write the hosts and groups out"),
                yaml("misspelled hosts", """
                        rack1:
                          host:
                            node01:
                        """, "hosts.yml:2:3: unknown key 'host' in group 'rack1' (did you mean 'hosts'?)"),
                yaml("unknown group key", """
                        rack1:
                          members:
                            node01:
                        """, "hosts.yml:2:3: unknown key 'members' in group 'rack1' (a group holds hosts, children "
                        + "and vars)"),
                yaml("group is a list", "rack1: [node01, node02]\n", "hosts.yml:1:8: group 'rack1' must be a "
                        + "mapping with hosts, children or vars, found a list"),
                yaml("hosts is a list", """
                        rack1:
                          hosts: [node01, node02]
                        """, "hosts.yml:2:10: 'hosts' in group 'rack1' must be a mapping, found a list"),
                yaml("host named no", """
                        rack1:
                          hosts:
                            no:
                        """, "hosts.yml:3:5: host name 'no' is read by YAML 1.1 as the boolean false: quote it "
                        + "(\"no\")"),
                yaml("host named by a number", """
                        rack1:
                          hosts:
                            42:
                        """, "hosts.yml:3:5: host name '42' is read by YAML as a number: quote it (\"42\")"),
                yaml("group named on", """
                        all:
                          children:
                            on:
                              hosts: {a: }
                        """, "hosts.yml:3:5: group name 'on' is read by YAML 1.1 as the boolean true: quote it "
                        + "(\"on\")"),
                yaml("host vars not a mapping", """
                        rack1:
                          hosts:
                            node01: 10.0.0.1
                        """, "hosts.yml:3:13: variables of host 'node01' must be a mapping, found the string "
                        + "'10.0.0.1'"),
                yaml("range over the limit", """
                        rack1:
                          hosts:
                            node[1:500]:
                        """, "hosts.yml:3:5: host range node[1:500] expands to more than 100 hosts"),
                yaml("range over the limit by multiplication", """
                        rack1:
                          hosts:
                            r[1:20]-n[1:20]:
                        """, "hosts.yml:3:5: host range r[1:20]-n[1:20] expands to more than 100 hosts"),
                yaml("inventory over the limit", """
                        a: {hosts: {"a[1:60]": }}
                        b: {hosts: {"b[1:60]": }}
                        """, "hosts.yml:2:13: the inventory has more than 100 hosts (the limit; raise it with "
                        + "--max-inventory-hosts)"),
                yaml("range ends before it starts", "r: {hosts: {\"n[5:1]\": }}\n",
                        "hosts.yml:1:13: host range ends before it starts in n[5:1]"),
                yaml("range widths differ", "r: {hosts: {\"node[01:100]\": }}\n",
                        "hosts.yml:1:13: host range node[01:100] pads its start to 2 digits, so its end must have 2 "
                        + "digits too"),
                yaml("range mixes letters and numbers", "r: {hosts: {\"n[a:5]\": }}\n",
                        "hosts.yml:1:13: host range mixes letters and numbers in n[a:5]"),
                yaml("bad port", "r: {hosts: {\"node01:99999\": }}\n",
                        "hosts.yml:1:13: bad port '99999' in host 'node01:99999'"),
                yaml("host ends in a colon", "r: {hosts: {\"node01:\": }}\n",
                        "hosts.yml:1:13: host 'node01:' ends in ':' (reserved for a port)"),
                yaml("duplicate host", """
                        rack1:
                          hosts:
                            node01:
                            node02:
                            node01:
                        """, "hosts.yml:5:5: duplicate key 'node01' (first defined at 3:5)"),
                yaml("group cycle", """
                        a:
                          children:
                            b:
                              children:
                                a:
                        """, "hosts.yml:3:5: adding group 'b' as a child of 'a' makes a loop ('b' is already an "
                        + "ancestor of 'a')"),
                yaml("group child of itself", """
                        a:
                          children:
                            a:
                        """, "hosts.yml:3:5: group 'a' cannot be a child of itself"),
                yaml("billion laughs", """
                        a: &a [x, x, x, x, x, x, x, x, x]
                        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
                        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
                        """, "hosts.yml:1:1: the aliases in this file expand to 6053451 values, more than the 1000000 "
                        + "allowed (a 'billion laughs' file?)"),
                yaml("recursive alias", "a: &a {hosts: {x: *a}}\n",
                        "hosts.yml:1:4: an alias refers to a list or mapping that contains it (recursive alias)"),
                yaml("ipmi_port not a number", "r: {hosts: {n1: {ipmi_port: abc}}}\n",
                        "hosts.yml:1:29: ipmi_port must be a whole number from 1 to 65535, found the string 'abc'"),
                yaml("ipmi_port octal surprise", "r: {hosts: {n1: {ipmi_port: 0623}}}\n",
                        "hosts.yml:1:29: ipmi_port is written '0623', which YAML 1.1 reads as the number 403; write "
                        + "it without a leading 0"),
                yaml("ipmi_privilege unknown", "r: {hosts: {n1: {ipmi_privilege: root}}}\n",
                        "hosts.yml:1:34: ipmi_privilege must be callback, user, operator or admin, found 'root'"),
                yaml("ipmi_version unknown", "r: {hosts: {n1: {ipmi_version: 3}}}\n",
                        "hosts.yml:1:32: ipmi_version must be 2.0, 1.5 or auto, found '3'"),
                yaml("ipmi_cipher_suite unsupported", "r: {hosts: {n1: {ipmi_cipher_suite: 5}}}\n",
                        "hosts.yml:1:37: ipmi_cipher_suite 5 is not supported (0-3, 6-8, 11-12, 15-17)"),
                yaml("ipmi_user too long", "r: {hosts: {n1: {ipmi_user: administrator-of-all}}}\n",
                        "hosts.yml:1:29: ipmi_user 'administrator-of-all' is longer than the 16 bytes IPMI allows"),
                yaml("ipmi_password too long", "r: {hosts: {n1: {ipmi_password: correct-horse-battery-staple}}}\n",
                        "hosts.yml:1:33: ipmi_password is longer than the 20 bytes IPMI allows"),
                yaml("ipmi_password with two sources", "r: {hosts: {n1: {ipmi_password: {file: a, env: B}}}}\n",
                        "hosts.yml:1:33: ipmi_password must be a string, a !vault value, {file: PATH} or {env: NAME}, "
                        + "found a mapping"),
                yaml("ipmi_password read as boolean", "r: {hosts: {n1: {ipmi_password: yes}}}\n",
                        "hosts.yml:1:33: ipmi_password must be a string, a !vault value, {file: PATH} or {env: NAME}, "
                        + "found 'yes', which YAML 1.1 reads as the boolean true"),
                yaml("ipmi_timeout not a duration", "r: {hosts: {n1: {ipmi_timeout: soon}}}\n",
                        "hosts.yml:1:32: 'ipmi_timeout' in host 'n1' must be a duration (seconds, or e.g. 500ms, 5s, "
                        + "2m, 1h), found the string 'soon'"),
                yaml("ipmi_min_command_interval too long", "r: {hosts: {n1: {ipmi_min_command_interval: 45s}}}\n",
                        "hosts.yml:1:45: ipmi_min_command_interval may be at most 30s: a longer pause outlasts the "
                        + "BMC's session"),
                yaml("ipmi_host template undefined", "r: {hosts: {n1: {ipmi_host: \"{{ bmc_domain }}\"}}}\n",
                        "hosts.yml:1:29: ipmi_host: 'bmc_domain' is undefined"),
                yaml("ipmi_host template syntax", "r: {hosts: {n1: {ipmi_host: \"{{ inventory_hostname\"}}}\n",
                        "hosts.yml:1:29: ipmi_host: unclosed '{{': the expression has no '}}'"),
                yaml("group priority not a number", "r: {vars: {ansible_group_priority: high}, hosts: {n1: }}\n",
                        "hosts.yml:1:36: ansible_group_priority must be a whole number, found the string 'high'"),
                yaml("unsupported tag", "r: {hosts: {n1: {x: !!binary aGVsbG8=}}}\n",
                        "hosts.yml:1:21: unsupported YAML tag '!!binary' (only !vault and the standard scalar tags are "
                        + "read)"),
                ini("host line setting a variable twice", "[rack1]\nnode01 ipmi_user=a ipmi_user=b\n",
                        "hosts.ini:2:20: 'ipmi_user' is set twice in this host line (first at 2:8)"),
                ini("vars section setting a variable twice", "[rack1]\nnode01\n[rack1:vars]\nx = 1\nx = 2\n",
                        "hosts.ini:5:1: 'x' is set twice in [rack1:vars] (first at 4:1)"),
                ini("NUL byte in a value", "[rack1]\nnode01 ipmi_user=ad\0min\n",
                        "hosts.ini:2:20: NUL byte in the line"),
                ini("unknown section type", "[rack1:hostz]\nnode01\n",
                        "hosts.ini:1:1: section [rack1:hostz] has unknown type 'hostz' (hosts, vars or children)"),
                ini("section with a blank", "[rack 1]\nnode01\n",
                        "hosts.ini:1:1: invalid section header '[rack 1]': a group name has no spaces, ':' or ']'"),
                ini("vars line without =", "[rack1]\nnode01\n[rack1:vars]\nipmi_user\n",
                        "hosts.ini:4:1: expected key=value in [rack1:vars], found 'ipmi_user'"),
                ini("vars line without key", "[rack1]\nnode01\n[rack1:vars]\n = admin\n",
                        "hosts.ini:4:2: expected key=value in [rack1:vars], found no key before '='"),
                ini("host variable without =", "[rack1]\nnode01 ipmi_user admin\n",
                        "hosts.ini:2:8: expected key=value after the host name, found 'ipmi_user'"),
                ini("unclosed quote", "[rack1]\nnode01 ipmi_user=\"admin\n",
                        "hosts.ini:2:1: cannot read host line: no closing quotation"),
                ini("vars for an undefined group", "[rack1]\nnode01\n[rack2:vars]\nx=1\n",
                        "hosts.ini:3:1: [rack2:vars] is for group 'rack2', which is not defined (add [rack2] or list "
                        + "it under a [parent:children])"),
                ini("children naming an undefined group", "[dc1:children]\nrack1\nrack9\n[rack1]\nnode01\n",
                        "hosts.ini:3:1: [dc1:children] lists group 'rack9', which is not defined (add a [rack9] "
                        + "section)"),
                ini("children line with blanks", "[rack1]\nn1\n[dc1:children]\nrack1 rack2\n",
                        "hosts.ini:4:1: expected a group name in [dc1:children], found 'rack1 rack2'"),
                ini("YAML in an INI file", "---\nall:\n",
                        "hosts.ini:1:1: '---' starts a YAML document: name the file .yml if it is a YAML inventory"),
                ini("range over the limit", "[big]\nn[1:1000000]\n",
                        "hosts.ini:2:1: host range n[1:1000000] expands to more than 100 hosts"),
                ini("ini port in ipmi_port out of range", "[r]\nn1 ipmi_port=70000\n",
                        "hosts.ini:2:14: ipmi_port must be a whole number from 1 to 65535, found the number 70000"));
    }

    private static Arguments yaml(String what, String text, String expected) {
        return Arguments.of(what, "hosts.yml", text, expected);
    }

    private static Arguments ini(String what, String text, String expected) {
        return Arguments.of(what, "hosts.ini", text, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstProblemIsExactlyThis(String what, String file, String text, String expected) {
        TestFiles.write(dir, file, text);
        assertEquals(expected, firstProblem(List.of(dir.resolve(file).toString())));
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder bomb = new StringBuilder("a: &a [" + String.join(",", java.util.Collections.nCopies(9, "lol"))
                + "]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + (char) (c - 1)))).append("]\n");
        }
        TestFiles.write(dir, "bomb.yml", bomb.toString());
        String first = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> firstProblem(List.of(dir.resolve("bomb.yml").toString())));
        assertEquals("bomb.yml:1:1: the aliases in this file expand to 4412961516 values, more than the 1000000 "
                + "allowed (a 'billion laughs' file?)", first);
    }

    @Test
    void tooManyAliases() {
        StringBuilder many = new StringBuilder("base: &b {x: 1}\nall:\n  hosts:\n");
        for (int i = 0; i < 250; i++) {
            many.append("    n").append(i).append(": *b\n");
        }
        TestFiles.write(dir, "many.yml", many.toString());
        assertEquals("many.yml:1:1: more than 200 aliases to lists or mappings (a 'billion laughs' file?)",
                firstProblem(List.of(dir.resolve("many.yml").toString())));
    }

    @Test
    void varsFileThatIsNotAMapping() {
        TestFiles.write(dir, "inv/hosts.yml", "rack1: {hosts: {n1: }}\n");
        TestFiles.write(dir, "inv/group_vars/rack1.yml", "- ipmi_user: admin\n");
        assertEquals("inv/group_vars/rack1.yml:1:1: a vars file must hold a mapping of variable names to values, "
                + "found a list", firstProblem(List.of(dir.resolve("inv").toString())));
    }

    @Test
    void varsFileWithYamlError() {
        TestFiles.write(dir, "inv/hosts.yml", "rack1: {hosts: {n1: }}\n");
        TestFiles.write(dir, "inv/host_vars/n1/bmc.yml", "ipmi_user: [admin\n");
        assertEquals("inv/host_vars/n1/bmc.yml:2:1: YAML syntax error: expected ',' or ']', but got <stream end>",
                firstProblem(List.of(dir.resolve("inv").toString())));
    }

    @Test
    void missingSource() {
        assertEquals("-i:1:1: inventory 'no-such-inventory' not found (a file, a directory, or hosts separated by "
                + "commas)", firstProblem(List.of("no-such-inventory")));
    }

    @Test
    void encryptedInventoryFile() {
        TestFiles.write(dir, "hosts.yml", "$ANSIBLE_VAULT;1.1;AES256\n6231336539\n");
        assertEquals("hosts.yml:1:1: cannot open vault-encrypted file: no vault password given (use "
                + "--vault-password-file, --vault-id or --ask-vault-pass)", firstProblem(List.of(dir.resolve("hosts.yml").toString())));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        TestFiles.write(dir, "hosts.yml", """
                rack1:
                  host:
                    n1:
                rack2:
                  hosts:
                    n2: {ipmi_port: abc, ipmi_privilege: root}
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inventory.load(
                List.of(dir.resolve("hosts.yml").toString()), InventoryLoader.Options.defaults()));
        assertEquals(List.of("2:3: unknown key 'host' in group 'rack1' (did you mean 'hosts'?)",
                "6:21: ipmi_port must be a whole number from 1 to 65535, found the string 'abc'",
                "6:42: ipmi_privilege must be callback, user, operator or admin, found 'root'"), TestFiles.lines(e));
    }

    private String firstProblem(List<String> sources) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inventory.load(sources,
                new InventoryLoader.Options(SMALL_LIMIT, Optional.empty())));
        Problem p = e.problems().get(0);
        String prefix = dir.toString() + "/";
        String file = p.at().file().startsWith(prefix) ? p.at().file().substring(prefix.length()) : p.at().file();
        return file + ":" + p.at().line() + ":" + p.at().column() + ": " + p.message();
    }

    @Test
    void messagesNameFilesAsGiven() {
        TestFiles.write(dir, "h.yml", "rack1: {hosts: {no: }}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inventory.load(
                List.of(dir.resolve("h.yml").toString()), InventoryLoader.Options.defaults()));
        assertEquals(dir.resolve("h.yml").toString(), e.problems().get(0).at().file());
    }
}
