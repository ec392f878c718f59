package io.ipmirunner.yaml;

/**
 * A value read from a playbook, inventory or vars file, with where it was written. Immutable; INI inventories
 * and {@code -e key=value} produce the same tree, so everything downstream sees one kind of value.
 */
public sealed interface YamlValue permits YamlMap, YamlList, YamlScalar {
    Location at();

    /** How the value reads in an error message: "a list", "a mapping", "the string 'x'", "the boolean false". */
    String describe();

    /** Plain Java: Map (ordered), List, String, Boolean, Long/BigInteger, Double, null, {@link VaultValue}. */
    Object toPlain();
}
