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

    @Test
    void evaluatesToPlainValues() throws Exception {
        assertEquals(true, Expressions.evaluate("power.changed && power.state == \"on\"", scope));
        assertEquals(4L, Expressions.evaluate("retries + 1", scope));
        assertEquals(1.5, Expressions.evaluate("retries / 2", scope));
        assertEquals("SN123", Expressions.evaluate("fru.product.serial", scope));
        assertEquals(List.of("a", "c"), Expressions.evaluate("hosts?filter(h -> h != \"b\")", scope));
        assertEquals(3L, Expressions.evaluate("hosts?size", scope));
        assertEquals("none", Expressions.evaluate("fru.board!\"none\"", scope));
        assertEquals(false, Expressions.evaluate("fru.board??", scope));
    }

    @Test
    void conditionsMustBeBooleans() throws Exception {
        assertTrue(Expressions.isTrue("fru.warnings?size == 0", scope));
        assertEquals("'retries' must give true or false, gave the number 3", assertThrows(ExpressionException.class,
                () -> Expressions.isTrue("retries", scope)).getMessage());
        assertEquals("'power.state' must give true or false, gave the string 'on'",
                assertThrows(ExpressionException.class, () -> Expressions.isTrue("power.state", scope)).getMessage());
    }

    @Test
    void rendersTemplates() throws Exception {
        assertEquals("serial SN123 after 3 tries, changed=true",
                Expressions.render("serial ${fru.product.serial} after ${retries} tries, changed=${power.changed}",
                        scope));
        assertEquals("no template here", Expressions.render("no template here", scope));
        assertEquals(List.of("a", "b", "c"), Expressions.resolve("${hosts}", scope), "a whole ${x} keeps its type");
        assertEquals("a,b,c", Expressions.resolve("${hosts?join(\",\")}", scope));
    }

    @Test
    void undefinedVariablesAreShortErrors() {
        assertEquals("'fru.chassis' is undefined", assertThrows(ExpressionException.class,
                () -> Expressions.evaluate("fru.chassis.serial", scope)).getMessage());
        assertEquals("'nothing' is undefined", assertThrows(ExpressionException.class,
                () -> Expressions.render("x ${nothing} y", scope)).getMessage());
    }

    @Test
    void secretsStayMasked() throws Exception {
        assertEquals("pw=********", Expressions.render("pw=${ipmi_password}", scope));
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> Expressions.evaluate("ipmi_password.reveal()", scope));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void noJavaFromTemplates() {
        assertThrows(ExpressionException.class, () -> Expressions.evaluate(
                "\"freemarker.template.utility.Execute\"?new()(\"id\")", scope));
        assertThrows(ExpressionException.class, () -> Expressions.render("<#include \"/etc/passwd\">", scope));
        assertThrows(ExpressionException.class, () -> Expressions.evaluate("hosts?api", scope));
    }

    @Test
    void whatTheRunRefusesTheCheckRefusesAtItsPlace() {
        ExpressionException e = Expressions.checkExpression("'x'?new() == 1").orElseThrow();
        assertEquals(1, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().startsWith("'?new' is not allowed"), e.getMessage());
        ExpressionException t = Expressions.checkTemplate("a\nb ${'1+1'?eval} ${'x'?interpret}").orElseThrow();
        assertEquals(2, t.line());
        assertEquals(10, t.column());
        assertTrue(Expressions.checkTemplate("<#import 'lib.ftl' as l>").isPresent());
        assertTrue(Expressions.checkExpression("hosts?api").isPresent());
        assertTrue(Expressions.checkTemplate("plain text may say ?new and ?api: ${x}").isEmpty());
        assertTrue(Expressions.checkTemplate("${x?has_api} ${'{}'?eval_json}").isEmpty());
    }

    @Test
    void syntaxErrorsHavePositions() {
        ExpressionException e = Expressions.checkExpression("a == ) b").orElseThrow();
        assertEquals("expression syntax error: unexpected ')'", e.getMessage());
        assertEquals(6, e.column());
        assertEquals("expression syntax error: unexpected end of expression",
                Expressions.checkExpression("a &&").orElseThrow().getMessage());
        assertTrue(Expressions.checkExpression("a.b?has_content && (c!0) > 2").isEmpty());
        assertTrue(Expressions.checkTemplate("${a} and ${b.c}").isEmpty());
        assertTrue(Expressions.checkTemplate("plain text").isEmpty());
        assertEquals(14, Expressions.checkTemplate("value: ${a + }").orElseThrow().column());
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
