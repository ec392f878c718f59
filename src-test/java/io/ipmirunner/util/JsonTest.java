package io.ipmirunner.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesEverythingAStrangeBmcCouldSend() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\u0001\u2028");
        m.put("n", List.of(1, 2.5, Double.NaN));
        m.put("lone", "\ud800x");
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\u0001\\u2028\",\"n\":[1,2.5,null],\"lone\":\"\\ud800x\"}", Json.write(m));
    }

    @Test
    void prettyIndentsByTwoSpacesAndKeepsEmptyContainersShort() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hosts", List.of("n1", Map.of()));
        m.put("vars", Map.of());
        m.put("groups", List.of());
        assertEquals("""
                {
                  "hosts": [
                    "n1",
                    {}
                  ],
                  "vars": {},
                  "groups": []
                }""", Json.pretty(m));
    }

    @Test
    void parseGivesNumbersInTheirCanonicalTypes() throws IOException {
        assertEquals(List.of(1, 3_000_000_000L, new BigInteger("99999999999999999999"), 0.1, -0.0, "\ud800"),
                Json.parse("[1, 3000000000, 99999999999999999999, 0.1, -0.0, \"\\ud800\"]"));
        assertThrows(IOException.class, () -> Json.parse("{\"a\":1} {"));
        assertThrows(IOException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    }

    @Test
    void prettyWritesTheBytesOfJacksonsPrettyPrinter() throws IOException {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> at = deep;
        for (int i = 0; i < 70; i++) { // deeper than the indentations JsonPretty keeps ready
            Map<String, Object> next = new LinkedHashMap<>();
            at.put("k" + i, List.of(i, next, List.of(), Map.of()));
            at = next;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("empty", Map.of());
        m.put("none", List.of());
        m.put("text", "caf\u00e9 <&>"); // escapes are Json's own (tested above); the layout is what is compared
        m.put("values", List.of(1, 2.5, true, "x", List.of(List.of(List.of()))));
        m.put("null", null);
        m.put("deep", deep);
        var indent = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        var jackson = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(
                com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indent).withArrayIndenter(indent);
        var out = new java.io.StringWriter();
        try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(jackson);
            writeTree(g, m);
        }
        assertEquals(out.toString(), Json.pretty(m));
    }

    private static void writeTree(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeTree(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeTree(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeObject(v);
        }
    }
}
