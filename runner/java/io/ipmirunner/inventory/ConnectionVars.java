package io.ipmirunner.inventory;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.MapReader;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.Suggestions;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.OptionalInt;

/**
 * Reads a host's {@code ipmi_*} variables into a {@link BmcConnection}, each wrong value reported at the place
 * it was written (group_vars file, inventory line). {@code ipmi_host} and {@code ipmi_user} may be templates
 * ({@code {{ inventory_hostname }}-bmc}); they are rendered once here with the host's variables and
 * {@code inventory_hostname}, {@code inventory_hostname_short} and {@code group_names} in scope.
 */
final class ConnectionVars {
    /** Read once per host (ipmi_port, ipmi_retries, ...): compiled once, not per call as String.matches does. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    static final List<String> NAMES = List.of("ipmi_host", "ipmi_port", "ipmi_user", SecretVars.IPMI_PASSWORD,
            "ipmi_cipher_suite", "ipmi_privilege", SecretVars.IPMI_KG, "ipmi_timeout", "ipmi_retries", "ipmi_version", "ipmi_credentials",
            "ipmi_min_command_interval", WorkaroundsVar.NAME);
    /** A pause longer than this between two commands would outlast the BMC's session (commonly 60 s). */
    private static final Duration MAX_COMMAND_INTERVAL = Duration.ofSeconds(30);
    private static final int MAX_USER_BYTES = 16;
    private static final int MAX_PASSWORD_BYTES = 20;

    private ConnectionVars() {}

    static BmcConnection read(String host, Location hostAt, List<String> groupNames, Map<String, YamlValue> vars,
                              Problems problems, Problems warnings) {
        YamlMap asMap = new YamlMap(vars.entrySet().stream()
                .map(e -> new YamlMap.Member(YamlScalar.string(e.getKey(), e.getValue().at()), e.getValue()))
                .toList(), hostAt);
        MapReader r = new MapReader(asMap, "host '" + host + "'", problems);
        Map<String, Object> scope = new java.util.HashMap<>();
        scope.put("inventory_hostname", host);
        scope.put("inventory_hostname_short", MagicVariables.shortName(host));
        scope.put("group_names", groupNames);
        for (String name : vars.keySet()) {
            if (name.startsWith("ipmi_") && !NAMES.contains(name)) {
                Suggestions.closest(name, NAMES).ifPresent(s -> warnings.add(vars.get(name).at(),
                        "unknown connection variable '" + name + "' for host '" + host + "' (did you mean '" + s
                                + "'?)"));
            }
        }
        String address = r.string("ipmi_host").map(s -> rendered(s, "ipmi_host", vars, scope, problems)).orElse(host);
        String user = r.string("ipmi_user").map(s -> rendered(s, "ipmi_user", vars, scope, problems)).orElse("");
        if (user.getBytes(StandardCharsets.UTF_8).length > MAX_USER_BYTES) {
            problems.add(vars.get("ipmi_user").at(), "ipmi_user '" + user + "' is longer than the "
                    + MAX_USER_BYTES + " bytes IPMI allows");
        }
        int port = number(vars.get("ipmi_port"), "ipmi_port", 1, 65535, problems).orElse(BmcConnection.DEFAULT_PORT);
        OptionalInt suite = number(vars.get("ipmi_cipher_suite"), "ipmi_cipher_suite", 0, 255, problems)
                .filter(id -> {
                    boolean known = CipherSuite.byId(id).isPresent();
                    if (!known) {
                        problems.add(vars.get("ipmi_cipher_suite").at(), "ipmi_cipher_suite " + id
                                + " is not supported (0-3, 6-8, 11-12, 15-17)");
                    }
                    return known;
                }).map(OptionalInt::of).orElse(OptionalInt.empty());
        Optional<Privilege> privilege = r.string("ipmi_privilege").flatMap(p -> {
            Optional<Privilege> parsed = Privilege.parse(p);
            if (parsed.isEmpty()) {
                problems.add(vars.get("ipmi_privilege").at(), "ipmi_privilege must be callback, user, operator or "
                        + "admin, found '" + p + "'");
            }
            return parsed;
        });
        IpmiVersion version = r.string("ipmi_version").flatMap(v -> {
            Optional<IpmiVersion> parsed = IpmiVersion.parse(v);
            if (parsed.isEmpty()) {
                problems.add(vars.get("ipmi_version").at(), "ipmi_version must be 2.0, 1.5 or auto, found '" + v + "'");
            }
            return parsed;
        }).orElse(IpmiVersion.AUTO);
        OptionalInt retries = number(vars.get("ipmi_retries"), "ipmi_retries", 0, 100, problems)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        List<BmcCredential> credentials = credentials(vars.get("ipmi_credentials"), problems);
        if (!credentials.isEmpty() && vars.containsKey(SecretVars.IPMI_PASSWORD)) {
            warnings.add(vars.get(SecretVars.IPMI_PASSWORD).at(), "host '" + host + "' has ipmi_credentials, so its "
                    + "ipmi_password is not used (list it as a credential to try it)");
        }
        Optional<Duration> interval = r.duration("ipmi_min_command_interval").filter(d -> {
            boolean fits = d.compareTo(MAX_COMMAND_INTERVAL) <= 0;
            if (!fits) {
                problems.add(vars.get("ipmi_min_command_interval").at(), "ipmi_min_command_interval may be at most "
                        + MAX_COMMAND_INTERVAL.toSeconds() + "s: a longer pause outlasts the BMC's session");
            }
            return fits;
        });
        return new BmcConnection(address, port, user, secret(vars.get(SecretVars.IPMI_PASSWORD), "ipmi_password",
                problems), secret(vars.get(SecretVars.IPMI_KG), "ipmi_kg", problems), suite, privilege,
                r.duration("ipmi_timeout"), retries, version, credentials, interval,
                WorkaroundsVar.read(host, vars.get(WorkaroundsVar.NAME), problems, warnings));
    }

    /** {@code ipmi_credentials: [{label: fleet, user: admin, password: !vault ...}, ...]}. */
    private static List<BmcCredential> credentials(YamlValue v, Problems problems) {
        if (v == null || v instanceof YamlScalar n && n.isNull()) {
            return List.of();
        }
        if (!(v instanceof YamlList list) || list.items().isEmpty()) {
            problems.add(v.at(), "ipmi_credentials must be a list of {label, user, password, kg}, found "
                    + v.describe());
            return List.of();
        }
        List<BmcCredential> out = new java.util.ArrayList<>();
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (YamlValue item : list.items()) {
            if (!(item instanceof YamlMap m)) {
                problems.add(item.at(), "an ipmi_credentials entry is a mapping {label, user, password, kg}, found "
                        + item.describe());
                continue;
            }
            MapReader r = new MapReader(m, "an ipmi_credentials entry", problems);
            r.allowOnly(List.of("label", "user", "password", "kg"));
            Optional<String> label = r.string("label");
            String user = r.string("user").orElse("");
            if (label.isEmpty()) {
                problems.add(m.at(), "an ipmi_credentials entry needs a label (it names the login in results)");
            } else if (!labels.add(label.get())) {
                problems.add(m.at(), "ipmi_credentials label '" + label.get() + "' is used twice");
            } else if (user.getBytes(StandardCharsets.UTF_8).length > MAX_USER_BYTES) {
                problems.add(m.at(), "user '" + user + "' is longer than the " + MAX_USER_BYTES + " bytes IPMI allows");
            } else {
                out.add(new BmcCredential(label.get(), user, secret(m.get("password").orElse(null),
                        SecretVars.IPMI_PASSWORD, problems), secret(m.get("kg").orElse(null), SecretVars.IPMI_KG,
                        problems), m.at()));
            }
        }
        return out;
    }

    private static String rendered(String text, String var, Map<String, YamlValue> vars, Map<String, Object> scope,
                                   Problems problems) {
        if (!Expressions.isTemplate(text) && !text.contains("${")) {
            return text;
        }
        java.util.Optional<ExpressionException> invalid = Expressions.checkTemplate(text);
        if (invalid.isPresent()) {
            problems.add(vars.get(var).at(), var + ": " + invalid.get().getMessage());
            return text;
        }
        Map<String, Object> full = new java.util.HashMap<>();
        vars.forEach((k, v) -> full.put(k, v.toPlain()));
        full.putAll(scope);
        try {
            return Expressions.render(text, full);
        } catch (ExpressionException e) {
            problems.add(vars.get(var).at(), var + ": " + e.getMessage());
            return text;
        }
    }

    /** A whole number, written as a YAML/INI number or as digits in a string (INI {@code [g:vars]} values). */
    private static Optional<Integer> number(YamlValue v, String var, int min, int max, Problems problems) {
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof YamlScalar s && (s.kind() == YamlScalar.Kind.INTEGER || s.kind() == YamlScalar.Kind.STRING)
                && DIGITS.matcher(s.text().strip()).matches()) {
            int n = Integer.parseInt(s.text().strip());
            if (s.kind() == YamlScalar.Kind.INTEGER && s.value() instanceof Long l && l != n) {
                problems.add(v.at(), var + " is written " + s.describe() + "; write it without a leading 0");
                return Optional.empty();
            }
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        }
        problems.add(v.at(), var + " must be a whole number from " + min + " to " + max + ", found " + v.describe());
        return Optional.empty();
    }

    /** A password or K_g: a string, a {@code !vault} value, {@code {file: PATH}} or {@code {env: NAME}}. */
    private static Optional<SecretSource> secret(YamlValue v, String var, Problems problems) {
        if (v == null || v instanceof YamlScalar n && n.isNull()) {
            return Optional.empty();
        }
        if (v instanceof YamlScalar s && s.kind() == YamlScalar.Kind.VAULT) {
            return Optional.of(new SecretSource.Vault((io.ipmirunner.yaml.VaultValue) s.value()));
        }
        if (v instanceof YamlScalar s && s.kind() != YamlScalar.Kind.BOOLEAN) {
            if (var.equals(SecretVars.IPMI_PASSWORD) && s.text().getBytes(StandardCharsets.UTF_8).length
                    > MAX_PASSWORD_BYTES) {
                problems.add(v.at(), "ipmi_password is longer than the " + MAX_PASSWORD_BYTES + " bytes IPMI allows");
                return Optional.empty();
            }
            return Optional.of(new SecretSource.Plain(Secret.of(s.text(), "plain")));
        }
        if (v instanceof YamlMap m && m.members().size() == 1 && (m.has("file") || m.has("env"))) {
            YamlMap.Member ref = m.members().get(0);
            Optional<String> target = MapReader.asString(ref.value(), var + " " + ref.name(), problems);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            if (ref.name().equals("env")) {
                return Optional.of(new SecretSource.FromEnv(target.get(), ref.value().at()));
            }
            Path written = Path.of(target.get());
            Path base = Path.of(ref.value().at().file()).toAbsolutePath().getParent();
            return Optional.of(new SecretSource.FromFile(written.isAbsolute() || base == null ? written
                    : base.resolve(written).normalize(), ref.value().at()));
        }
        problems.add(v.at(), var + " must be a string, a !vault value, {file: PATH} or {env: NAME}, found "
                + v.describe());
        return Optional.empty();
    }
}
