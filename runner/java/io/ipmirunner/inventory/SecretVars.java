package io.ipmirunner.inventory;

import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import io.ipmirunner.secret.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which variables hold secrets by name: the BMC password and K_g, and the names operators give passwords in
 * Ansible inventories (ansible_password, ansible_become_password, db_secret...). Their plain values are held
 * as {@link io.ipmirunner.secret.Secret}s so that listings and logs print a mask.
 */
public final class SecretVars {
    public static final String IPMI_PASSWORD = "ipmi_password";
    public static final String IPMI_KG = "ipmi_kg";

    private SecretVars() {}

    public static boolean isSecretName(String var) {
        String v = var.toLowerCase(Locale.ROOT);
        return v.equals(IPMI_PASSWORD) || v.equals(IPMI_KG) || v.endsWith("password") || v.endsWith("_passwd")
                || v.endsWith("_secret") || v.endsWith("_kg");
    }

    /**
     * A variable's value as a plain Java value, with the values of secret-named variables, at any depth
     * ({@code ipmi_credentials: [{password: ...}]}), as {@link Secret}s that mask themselves wherever printed.
     */
    public static Object plain(String name, YamlValue v) {
        return switch (v) {
            case YamlScalar s when isSecretName(name) && !s.isNull() && s.kind() != YamlScalar.Kind.VAULT ->
                    Secret.of(s.text(), "plain");
            case YamlMap m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.members().forEach(e -> out.put(e.name(), plain(e.name(), e.value())));
                yield Collections.unmodifiableMap(out);
            }
            case YamlList l -> l.items().stream().map(i -> plain(name, i)).toList();
            default -> v.toPlain();
        };
    }
}
