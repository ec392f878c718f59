package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostSpecTest {
    @Test
    void rangesPadAndStep() {
        assertEquals(List.of("node01", "node02", "node03"), HostRange.expand("node[01:03]"));
        assertEquals(List.of("10.0.1.10", "10.0.1.12"), HostRange.expand("10.0.1.[10:12:2]"));
        assertEquals(List.of("ra-1", "ra-2", "rb-1", "rb-2"), HostRange.expand("r[a:b]-[1:2]"));
        assertEquals(24, HostRange.expand("127.0.1.[1:24]").size());
    }

    @Test
    void listWithPortsAndDuplicates() {
        List<HostSpec> l = HostSpec.parseList("bmc01.example.com,10.0.0.5:6230,bmc01.example.com,[::1]:623");
        assertEquals(3, l.size());
        assertEquals(OptionalInt.of(6230), l.get(1).port());
        assertEquals("10.0.0.5", l.get(1).address());
        assertEquals("::1", l.get(2).address());
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> HostSpec.parseList("h:99999"));
        assertThrows(IllegalArgumentException.class, () -> HostRange.expand("n[5:1]"));
        assertThrows(IllegalArgumentException.class, () -> HostRange.expand("n[0:99999999]"));
        assertThrows(IllegalArgumentException.class, () -> HostSpec.parseList(" , "));
    }
}
