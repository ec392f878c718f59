package io.ipmirunner.inventory;

import java.util.Locale;

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
}
