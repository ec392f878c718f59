package io.ipmirunner.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.secret.Secret;
import io.ipmirunner.yaml.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Lookup} and {@link Condition} decide the commonest expressions without Jinjava: wherever they decide,
 * their answer must be the engine's, for every case of the Ansible oracle and for shapes chosen to tempt
 * them (Python's and Jinjava's precedence of {@code not}, mixed types, strings' length, secrets).
 */
class FastPathTest {
    private static final List<String> TEMPTING = List.of(
            "not t == true", "not d.a is defined", "not fl", "not not t", "d.nested.x == 10", "d.a == 1 and d.b == 'two'",
            "s == 'Hello World' or missing", "(t or fl) and not fl", "l | length == 3", "d | length != 2",
            "s | length == 11", "missing is defined", "missing.x is not defined", "d.nested.x is undefined",
            "d.a.b is defined", "n == '42'", "t == true", "yaml_yes == true", "nothing is defined", "nothing == nothing",
            "sensors | length == 3", "f == 2.5", "t and missing", "fl or t", "pw == '********'", "pw", "pw is defined",
            "pw | default('x')", "d.b | default(1)", "missing | default('it''s')", "true", "True", "none", "empty",
            "d.nested", "l", "d.nested.x.y | default(3)", "s.upper", "l | length", "t == 'true'");

    @Test
    void decidesAsTheEngineWhereverItDecides() throws IOException {
        Map<String, Object> scope = scope();
        List<String> texts = new ArrayList<>(TEMPTING);
        for (AnsibleOracleTest.Case c : AnsibleOracleTest.cases()) {
            if (c.kind() != 'x') {
                texts.add(c.text());
            }
        }
        int values = 0;
        int conditions = 0;
        for (String text : texts) {
            Outcome engine = engine(text, scope);
            Lookup lookup = Lookup.of(text);
            Object found = lookup == null ? Lookup.MISS : lookup.find(scope);
            if (found != Lookup.MISS) {
                values++;
                assertEquals(engine, new Outcome(found, null), text);
            }
            Condition condition = Condition.compile(text);
            Object decided = condition == null ? Lookup.MISS : condition.test(scope);
            if (decided != Lookup.MISS) {
                conditions++;
                assertNull(engine.error(), text);
                assertEquals(PyValues.truthy(engine.value()), decided, text);
            }
        }
        assertTrue(values >= 25, "values decided without the engine: " + values);
        assertTrue(conditions >= 25, "conditions decided without the engine: " + conditions);
    }

    @Test
    void leavesToTheEngineWhatItsParserMayReadOtherwise() {
        assertNull(Condition.compile("not t == true"), "Jinjava may bind not tighter than ==");
        assertNull(Condition.compile("not d.a is defined"));
        assertNull(Condition.compile("a == b == c"));
        assertNull(Condition.compile("a | lower == 'x'"));
        assertNull(Lookup.of("d.nested.x + 1"));
        assertNull(Lookup.of("true"));
    }

    private static Map<String, Object> scope() throws IOException {
        try (InputStream in = FastPathTest.class.getClassLoader().getResourceAsStream("expr/ansible-vars.yml")) {
            String vars = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            @SuppressWarnings("unchecked")
            Map<String, Object> scope = new HashMap<>((Map<String, Object>) SafeYaml.parse(vars, "vars").toPlain());
            scope.put("pw", Secret.of("hunter2", "plain"));
            return scope;
        }
    }

    /** The engine's value (Java types and all) or its error, bypassing the fast paths. */
    private record Outcome(Object value, String error) {}

    private static Outcome engine(String text, Map<String, Object> scope) {
        try {
            return new Outcome(JinjaEngine.pooled(scope, i -> PyValues.deepPlain(
                    i.resolveELExpression(Expressions.literalBackslashes(text), 1))), null);
        } catch (ExpressionException e) {
            return new Outcome(null, e.getMessage());
        }
    }
}
