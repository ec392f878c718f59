package io.ipmirunner.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
    private final Map<String, Object> scope = new HashMap<>(Map.of(
            "fru", Map.of("product", Map.of("serial", "SN123"), "warnings", List.of()),
            "power", Map.of("state", "on", "changed", true),
            "hosts", List.of("a", "b", "c"),
            "retries", 3L,
            "ipmi_password", Secret.of("hunter2", "plain")));

    private String error(String expression) {
        return assertThrows(ExpressionException.class, () -> Expressions.evaluate(expression, scope)).getMessage();
    }

    @Test
    void evaluatesToPlainValues() throws Exception {
        scope.put("nothing", null);
        assertEquals(true, Expressions.evaluate("power.changed and power.state == 'on'", scope));
        assertEquals(4L, Expressions.evaluate("retries + 1", scope));
        assertEquals(1.5, Expressions.evaluate("retries / 2", scope));
        assertEquals("SN123", Expressions.evaluate("fru.product.serial", scope));
        assertEquals(List.of("a", "c"), Expressions.evaluate("hosts | reject('equalto', 'b') | list", scope));
        assertEquals(3L, Expressions.evaluate("hosts | length", scope));
        assertEquals("none", Expressions.evaluate("fru.board | default('none')", scope));
        assertEquals("none", Expressions.evaluate("fru.board.serial.x | default('none')", scope), "chains");
        assertEquals(false, Expressions.evaluate("fru.board is defined", scope));
        assertEquals(true, Expressions.evaluate("nothing is defined and nothing is none", scope), "null is defined");
    }

    @Test
    void conditionsArePythonTruth() throws Exception {
        assertTrue(Expressions.isTrue("fru.warnings | length == 0", scope));
        assertTrue(Expressions.isTrue("retries", scope));
        assertTrue(Expressions.isTrue("'false'", scope), "a non-empty string is true, as in Python");
        assertFalse(Expressions.isTrue("fru.warnings", scope));
        assertFalse(Expressions.isTrue("'no' | bool", scope));
    }

    @Test
    void rendersTemplatesAsPythonPrints() throws Exception {
        assertEquals("serial SN123 after 3 tries, changed=True, hosts=['a', 'b', 'c'], none=None",
                Expressions.render("serial {{ fru.product.serial }} after {{ retries }} tries, changed="
                        + "{{ power.changed }}, hosts={{ hosts }}, none={{ none }}", scope));
        assertEquals("no template here", Expressions.render("no template here", scope));
        assertEquals(List.of("a", "b", "c"), Expressions.resolve("{{ hosts }}", scope), "one {{ x }} keeps its type");
        assertEquals(3L, Expressions.resolve("{{ retries }}", scope));
        assertEquals("a,b,c", Expressions.resolve("{{ hosts | join(',') }}", scope));
        assertEquals("3 ", Expressions.resolve("{{ retries }} ", scope), "with text around it is a string");
        assertEquals("a;b;c;", Expressions.render("{% for h in hosts %}{{ h }};{% endfor %}", scope));
    }

    @Test
    void undefinedNamesTheVariableAndTheKeysThere() {
        assertEquals("'dict object' has no attribute 'chassis' (its keys: product, warnings)",
                sorted(error("fru.chassis.serial")));
        assertEquals("'nothing' is undefined", error("nothing"));
        assertEquals("'nothing' is undefined", error("nothing == 1"), "comparing is a use");
        assertEquals("'nothing' is undefined", error("nothing | length"), "a filter is a use");
        assertEquals("'nothing' is undefined", error("nothing and true"), "a condition is a use");
        assertEquals("'nothing' is undefined", assertThrows(ExpressionException.class,
                () -> Expressions.render("x {{ nothing }} y", scope)).getMessage());
        assertEquals("list index 5 out of range (the list has 3 items)", error("hosts[5]"));
    }

    private static String sorted(String message) {
        return message.replace("warnings, product", "product, warnings");
    }

    @Test
    void secretsStayMasked() throws Exception {
        assertEquals("pw=********", Expressions.render("pw={{ ipmi_password }}", scope));
        assertEquals("********", Expressions.evaluate("ipmi_password | string", scope));
        assertEquals("\"********\"", Expressions.evaluate("ipmi_password | to_json", scope));
        assertFalse(error("ipmi_password.reveal()").contains("hunter2"));
    }

    @Test
    void noJavaFromExpressions() throws Exception {
        // Jinjava's known escapes: bean methods and properties (getClass, forName), the interpreter object in
        // scope, template loading, and its internal filter/test names.
        assertEquals("'str object' has no method 'getClass'", error("''.getClass().forName('java.lang.Runtime')"));
        assertEquals("'str object' has no attribute 'class'", error("'x'.class"));
        assertEquals("'dict object' has no method 'getClass'", error("power.getClass()"));
        assertTrue(error("____int3rpr3t3r____.config").contains("not allowed"));
        assertTrue(error("filter:upper.filter('a', ____int3rpr3t3r____)").contains("not allowed"));
        assertThrows(ExpressionException.class, () -> Expressions.render("{% include '/etc/passwd' %}", scope));
        assertThrows(ExpressionException.class, () -> Expressions.render("{% import '/etc/passwd' as p %}", scope));
        assertThrows(ExpressionException.class, () -> Expressions.render("{% from '/etc/hosts' import x %}", scope));
        assertTrue((Long) Expressions.evaluate("range(100000000) | length", scope) <= 100_000L, "ranges are bounded");
        assertThrows(ExpressionException.class, () -> Expressions.evaluate("hosts.clear()", scope));
        assertEquals(List.of("a", "b", "c"), scope.get("hosts"));
    }

    @Test
    void whatTheRunRefusesTheCheckRefusesAtItsPlace() {
        ExpressionException e = Expressions.checkExpression("x == ____int3rpr3t3r____").orElseThrow();
        assertEquals(6, e.column());
        ExpressionException t = Expressions.checkTemplate("a\nb {{ exptest:defined.evaluate(x) }}").orElseThrow();
        assertEquals(2, t.line());
        assertEquals(6, t.column());
        assertTrue(Expressions.checkTemplate("plain text may say ____int3rpr3t3r____ outside braces").isEmpty());
    }

    @Test
    void freeMarkerIsRefusedWithTheJinja2ToWrite() {
        assertEquals("FreeMarker syntax '??': expressions are Jinja2 now, write: x is defined and not y",
                Expressions.checkExpression("x?? && !y").orElseThrow().getMessage());
        assertEquals("FreeMarker syntax '!': expressions are Jinja2 now, write: (a.b) | default('') != ''",
                Expressions.checkExpression("(a.b)!'' != ''").orElseThrow().getMessage());
        assertEquals("FreeMarker syntax '?size': expressions are Jinja2 now, write: l | length == 0",
                Expressions.checkExpression("l?size == 0").orElseThrow().getMessage());
        ExpressionException t = Expressions.checkTemplate("n: ${a.b!'?'} of ${c?join(', ')}").orElseThrow();
        assertEquals("FreeMarker interpolation '${': templates are Jinja2 now, write: n: {{ a.b | default('?') }} "
                + "of {{ c | join(', ') }}", t.getMessage());
        assertEquals(4, t.column());
        assertTrue(Expressions.checkExpression("'a?b && c' == x").isEmpty(), "inside strings it is text");
    }

    @Test
    void syntaxErrorsHavePositions() {
        ExpressionException e = Expressions.checkExpression("a == ) b").orElseThrow();
        assertEquals("expression syntax error: unexpected ')'", e.getMessage());
        assertEquals(6, e.column());
        assertEquals("expression syntax error: unexpected end of expression",
                Expressions.checkExpression("a and").orElseThrow().getMessage());
        assertTrue(Expressions.checkExpression("a.b | length > 0 and c | default(0) > 2").isEmpty());
        assertTrue(Expressions.checkTemplate("{{ a }} and {{ b.c }}").isEmpty());
        assertTrue(Expressions.checkTemplate("plain text").isEmpty());
        assertEquals(15, Expressions.checkTemplate("value: {{ a + }}").orElseThrow().column());
    }

    @Test
    void magicVariablesForAHost() {
        Map<String, Object> magic = MagicVariables.forHost("node01.dc1.example.net", List.of("rack1"),
                new MagicVariables.PlayContext("bring-up", List.of("node01.dc1.example.net"),
                        List.of("node01.dc1.example.net"), List.of("node01.dc1.example.net"), Map.of(), Map.of(),
                        "/pb", "/inv", false));
        assertEquals("node01", magic.get(MagicVariables.INVENTORY_HOSTNAME_SHORT));
        assertEquals("10.0.0.1", MagicVariables.shortName("10.0.0.1"));
        assertTrue(MagicVariables.NAMES.containsAll(magic.keySet()));
    }
}
