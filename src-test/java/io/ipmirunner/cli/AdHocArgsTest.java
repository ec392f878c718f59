package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** exec -a as Ansible's ad-hoc -a splits it: Jinja2 blocks whole, quotes grouping, # a character. */
class AdHocArgsTest {
    @Test
    void splitsAsAnsibleAdHocDoes() {
        assertEquals(List.of("state={{ wanted }}", "wait=true"), AdHocArgs.split("state={{ wanted }} wait=true"));
        assertEquals(List.of("msg=a b", "x=1"), AdHocArgs.split("msg=\"a b\" x=1"));
        assertEquals(List.of("k={{ \"x y\" | upper }}"), AdHocArgs.split("k={{ \"x y\" | upper }}"));
        assertEquals(List.of("k={% if a %}1{% endif %}"), AdHocArgs.split("k={% if a %}1{% endif %}"));
        assertEquals(List.of("name=rack#1"), AdHocArgs.split("  name=rack#1  "));
        assertEquals(List.of("it's=ok"), AdHocArgs.split("\"it's=ok\""));
        assertThrows(IllegalArgumentException.class, () -> AdHocArgs.split("a='b"));
        assertThrows(IllegalArgumentException.class, () -> AdHocArgs.split("a={{ b"));
    }
}
