package io.ipmirunner.config;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys of the configuration file's {@code [defaults]}, each the default of one command-line option (the
 * option's own default when the key is not set anywhere). Names follow ansible.cfg's where Ansible has the key.
 */
public enum Setting {
    INVENTORY("--inventory", Kind.PATH, "none"),
    FORKS("--forks", Kind.COUNT, "play 1000, exec 2000"),
    TIMEOUT("--timeout", Kind.SECONDS, "20"),
    RETRIES("--retries", Kind.NOT_NEGATIVE, "0"),
    USER("--user", Kind.TEXT, "the null user"),
    /** Where run directories go (TIMESTAMP-NAME below it), not one run's directory: every run has its own. */
    REPORT_DIR("--runs-dir", Kind.PATH, "reports/out (checkout), ~/.local/state/ipmi-runner/runs (install)"),
    VAULT_PASSWORD_FILE("--vault-password-file", Kind.PATH, "none"),
    VAULT_IDENTITY_LIST("--vault-id", Kind.VAULT_IDS, "none"),
    CIPHER_SUITE("--cipher-suite", Kind.CIPHER_SUITE, "the strongest the BMC offers of 17, then 3"),
    PRIVILEGE("--privilege", Kind.PRIVILEGE, "admin"),
    DESTRUCTIVE_THRESHOLD("--destructive-threshold", Kind.NOT_NEGATIVE, "10");

    /** How a value is checked (and a path made absolute) when read, so a bad one is reported at its line. */
    enum Kind { PATH, COUNT, NOT_NEGATIVE, SECONDS, TEXT, VAULT_IDS, CIPHER_SUITE, PRIVILEGE }

    private final String option;
    private final Kind kind;
    private final String builtIn;

    Setting(String option, Kind kind, String builtIn) {
        this.option = option;
        this.kind = kind;
        this.builtIn = builtIn;
    }

    /** The key as written in the file: {@code report_dir}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment variable that overrides the file: {@code IPMI_RUNNER_REPORT_DIR}. */
    public String envName() {
        return "IPMI_RUNNER_" + name();
    }

    /** The long option whose default this key sets. */
    public String option() {
        return option;
    }

    /** What applies when the key is set nowhere, for {@code config dump}. */
    public String builtIn() {
        return builtIn;
    }

    Kind kind() {
        return kind;
    }

    public static Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<Setting> byOption(String option) {
        for (Setting s : values()) {
            if (s.option.equals(option)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} is not acceptable, or empty when it is. */
    Optional<String> problem(String value) {
        return switch (kind) {
            case PATH, TEXT, VAULT_IDS -> value.isEmpty() ? Optional.of("is empty") : Optional.empty();
            case COUNT -> whole(value, 1);
            case NOT_NEGATIVE -> whole(value, 0);
            case SECONDS -> {
                try {
                    yield Double.parseDouble(value) > 0 ? Optional.empty() : Optional.of("must be positive");
                } catch (NumberFormatException e) {
                    yield Optional.of("is not a number of seconds: '" + value + "'");
                }
            }
            case CIPHER_SUITE -> whole(value, 0).or(() -> CipherSuite.byId(Integer.parseInt(value)).isPresent()
                    ? Optional.empty() : Optional.of(value + " is not supported (0-3, 6-8, 11-12, 15-17)"));
            case PRIVILEGE -> Privilege.parse(value).isPresent() ? Optional.empty()
                    : Optional.of("must be callback|user|operator|admin, got '" + value + "'");
        };
    }

    private static Optional<String> whole(String value, int least) {
        try {
            return Integer.parseInt(value) >= least ? Optional.empty()
                    : Optional.of("must be at least " + least + ", got " + value);
        } catch (NumberFormatException e) {
            return Optional.of("is not a whole number: '" + value + "'");
        }
    }
}
