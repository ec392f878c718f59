package io.ipmirunner.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
