package io.ipmirunner.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeYamlTest {
    @TempDir
    Path dir;

    private static YamlScalar scalar(String text) {
        YamlMap m = (YamlMap) SafeYaml.parse("v: " + text + "\n", "t.yml");
        return (YamlScalar) m.get("v").orElseThrow();
    }

    /** What PyYAML (and so ansible-inventory) makes of plain scalars, checked against ansible-inventory 2.14. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0623 | INTEGER | 403", "1:30 | INTEGER | 90", "0x1F | INTEGER | 31", "0b101 | INTEGER | 5",
            "1_000 | INTEGER | 1000", "-7 | INTEGER | -7", "1e3 | STRING | 1e3", "1.5e+3 | FLOAT | 1500.0",
            "2.0 | FLOAT | 2.0", "09 | STRING | 09", "yes | BOOLEAN | true", "Off | BOOLEAN | false",
            "y | STRING | y", "~ | NULL | ", "null | NULL | ", "2024-01-02 | TIMESTAMP | 2024-01-02",
            "'no' | STRING | no", "\"0623\" | STRING | 0623", "10.0.0.1 | STRING | 10.0.0.1"})
    void scalarsResolveAsPyYamlDoes(String text, String kind, String value) {
        YamlScalar s = scalar(text);
        assertEquals(YamlScalar.Kind.valueOf(kind), s.kind(), text);
        assertEquals(value == null ? null : value, s.value() == null ? null : String.valueOf(s.value()), text);
    }

    @Test
    void hugeIntegersStayExact() {
        String huge = "123456789012345678901234567890";
        assertEquals(new BigInteger(huge), scalar(huge).value());
    }

    @Test
    void yaml11BooleanWordsAreFlagged() {
        assertTrue(scalar("no").isYaml11BooleanWord());
        assertTrue(scalar("on").isYaml11BooleanWord());
        assertEquals(false, scalar("true").isYaml11BooleanWord());
        assertEquals(false, scalar("'no'").isYaml11BooleanWord());
        assertEquals("'no', which YAML 1.1 reads as the boolean false", scalar("no").describe());
    }

    @Test
    void mergeKeysKeepExplicitKeysFirst() {
        YamlMap m = (YamlMap) SafeYaml.parse("""
                base: &b {a: 1, b: 2}
                other: &o {c: 3, a: 9}
                x:
                  <<: [*b, *o]
                  b: 20
                """, "t.yml");
        assertEquals(Map.of("a", 1L, "b", 20L, "c", 3L), m.get("x").orElseThrow().toPlain());
    }

    @Test
    void aliasesShareTheirValue() {
        YamlMap m = (YamlMap) SafeYaml.parse("a: &x [1, 2]\nb: *x\n", "t.yml");
        assertEquals(List.of(1L, 2L), m.get("b").orElseThrow().toPlain());
        assertEquals(new Location("t.yml", 1, 4), m.get("b").orElseThrow().at());
    }

    @Test
    void vaultValuesKeepTheirEnvelopeAndMaskThemselves() {
        YamlScalar s = scalar("!vault |\n  $ANSIBLE_VAULT;1.2;AES256;prod\n  6231\n");
        assertEquals(YamlScalar.Kind.VAULT, s.kind());
        VaultValue v = assertInstanceOf(VaultValue.class, s.value());
        assertEquals("prod", v.vaultId());
        assertTrue(v.envelope().startsWith("$ANSIBLE_VAULT;1.2"));
        assertEquals("!vault ********", v.toString());
    }

    @Test
    void unsafeTagIsAPlainString() {
        assertEquals("{{ not templated }}", scalar("!unsafe '{{ not templated }}'").value());
    }

    @Test
    void emptyDocumentIsNull() {
        YamlValue v = SafeYaml.parse("# only a comment\n", "t.yml");
        assertNull(v.toPlain());
        assertEquals(new Location("t.yml", 1, 1), v.at());
    }

    @Test
    void twoDocumentsAreAnError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SafeYaml.parse("a: 1\n---\nb: 2\n", "t.yml"));
        assertEquals("t.yml:2:1: YAML syntax error: expected a single document in the stream, but found another "
                + "document",
                e.problems().get(0).toString());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeYaml.parse(deep, "t.yml"));
        assertEquals("t.yml:1:1: lists and mappings nested deeper than 64 levels", e.problems().get(0).toString());
    }

    @Test
    void oversizedFilesAreRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.yml");
        Files.write(big, new byte[SafeYaml.MAX_FILE_BYTES + 1]);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeYaml.load(big, "big.yml"));
        assertEquals("big.yml:1:1: file is larger than 33554432 bytes, the limit for a playbook, inventory or vars "
                + "file", e.problems().get(0).toString());
    }

    @Test
    void nonUtf8IsRefused() throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.write(bad, new byte[] {'a', ':', ' ', (byte) 0xff});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeYaml.load(bad, "bad.yml"));
        assertEquals("bad.yml:1:1: file is not UTF-8 text", e.problems().get(0).toString());
    }

    @Test
    void suggestionsCatchTyposAndSwaps() {
        assertEquals("retries", Suggestions.closest("retires", List.of("register", "retries", "delay")).orElseThrow());
        assertEquals("hosts", Suggestions.closest("host", List.of("hosts", "children", "vars")).orElseThrow());
        assertTrue(Suggestions.closest("zzz", List.of("hosts")).isEmpty());
    }
}
