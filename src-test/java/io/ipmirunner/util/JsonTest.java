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
}
