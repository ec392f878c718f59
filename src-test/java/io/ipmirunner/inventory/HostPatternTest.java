package io.ipmirunner.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.yaml.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPatternTest {
    @TempDir
    static Path dir;

    private Inventory inv;

    @BeforeEach
    void load() {
        TestFiles.write(dir, "h.yml", """
                dc1:
                  children:
                    rack1:
                      hosts: {r1-n1: , r1-n2: , r1-n3: }
                    rack2:
                      hosts: {r2-n1: , r2-n2: }
                web:
                  hosts: {r1-n2: , r2-n1: , web9: }
                rack1-spare:
                  hosts: {spare1: }
                """);
        inv = Inventory.load(List.of(dir.resolve("h.yml").toString()), InventoryLoader.Options.defaults());
    }

    private String match(String pattern) {
        return String.join(" ", HostPattern.parse(pattern).match(inv));
    }

    /** Expected orders are ansible 2.14's ({@code ansible PATTERN -i h.yml --list-hosts}): groups level by level. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "all | r1-n2 r2-n1 web9 spare1 r1-n1 r1-n3 r2-n2",
            "* | r1-n2 r2-n1 web9 spare1 r1-n1 r1-n3 r2-n2",
            "rack1 | r1-n1 r1-n2 r1-n3",
            "dc1 | r1-n1 r1-n2 r1-n3 r2-n1 r2-n2",
            "rack2:rack1 | r2-n1 r2-n2 r1-n1 r1-n2 r1-n3",
            "rack2,rack1 | r2-n1 r2-n2 r1-n1 r1-n2 r1-n3",
            "dc1:&web | r1-n2 r2-n1",
            "dc1:!web | r1-n1 r1-n3 r2-n2",
            "!web:dc1 | r1-n1 r1-n3 r2-n2",
            "!dc1 | web9 spare1",
            "&web | r1-n2 r2-n1 web9",
            "r1-* | r1-n1 r1-n2 r1-n3",
            "rack1* | r1-n1 r1-n2 r1-n3 spare1",
            "r?-n1 | r1-n1 r2-n1",
            "r[12]-n2 | r1-n2 r2-n2",
            "r[!1]-n2 | r2-n2",
            "~r[0-9]-n[23] | r1-n2 r1-n3 r2-n2",
            "~web | r1-n2 r2-n1 web9",
            "rack1[0] | r1-n1",
            "rack1[-1] | r1-n3",
            "rack1[1:] | r1-n2 r1-n3",
            "dc1[1:3] | r1-n2 r1-n3 r2-n1",
            "rack1[7] | ''",
            "web9:r1-n1 | web9 r1-n1",
            "nothing | ''",
            "dc1:!rack1:&web | r2-n1"})
    void patternsSelectAsAnsible(String pattern, String expected) {
        assertEquals(expected, match(pattern));
    }

    @Test
    void limitNarrowsAndReadsFiles() {
        TestFiles.write(dir, "limit.txt", "r1-n1\n\nr2-n2\n");
        Optional<HostPattern> limit = Optional.of(HostPattern.parseLimit("@" + dir.resolve("limit.txt") + ",web9"));
        assertEquals(List.of("web9", "r1-n1", "r2-n2"), inv.select(HostPattern.parse("all"), limit).stream()
                .map(Host::name).toList());
        assertEquals(List.of("r1-n1"), inv.select(HostPattern.parse("rack1"), limit).stream().map(Host::name).toList());
        assertEquals(List.of("r1-n1", "r1-n3"), inv.select(HostPattern.parse("rack1"),
                Optional.of(HostPattern.parseLimit("!web"))).stream().map(Host::name).toList());
    }

    @Test
    void badPatterns() {
        assertEquals("empty host pattern", assertThrows(IllegalArgumentException.class,
                () -> HostPattern.parse(" , ")).getMessage());
        assertEquals("empty term '!' in host pattern 'web:!'", assertThrows(IllegalArgumentException.class,
                () -> HostPattern.parse("web:!")).getMessage());
        assertEquals("bad regular expression '~a(' in host pattern '~a(': Unclosed group", assertThrows(
                IllegalArgumentException.class, () -> HostPattern.parse("~a(")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostPattern.parseLimit("@" + dir.resolve("missing")));
    }

    @Test
    void ipv6AddressIsOnePattern() {
        assertEquals(List.of("fe80::1"), HostPattern.parse("fe80::1").terms());
    }
}
