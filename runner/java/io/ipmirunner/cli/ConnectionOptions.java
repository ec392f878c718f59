package io.ipmirunner.cli;

import io.ipmirunner.ipmi.client.Timing;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.run.Run;
import io.ipmirunner.secret.Decrypter;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.util.BoundedRead;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How to log in to BMCs. Secrets never come from argv (it is visible in /proc to every user): the password
 * comes from -k (a prompt), --password-file, the IPMI_PASSWORD environment variable, or a prompt when a user is
 * named on a terminal; K_g from --kg-file or IPMI_KG. Without any, a login that fails says how to give one.
 */
public final class ConnectionOptions {
    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "BMC user name (default: the null user)",
            defaultValue = "")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the BMC password")
    Path passwordFile;

    @Option(names = {"-k", "--ask-pass"}, description = "ask for the BMC password on the terminal, as Ansible's -k")
    boolean askPass;

    @Option(names = "--kg-file", paramLabel = "FILE",
            description = "file holding the BMC key K_g (text, or hex with a 0x prefix); or env IPMI_KG")
    Path kgFile;

    @Option(names = "--cipher-suite", paramLabel = "N",
            description = "RMCP+ cipher suite (default: the strongest the BMC offers of 17, then 3)")
    Integer cipherSuite;

    @Option(names = "--privilege", paramLabel = "LEVEL", description = "callback|user|operator|admin (default admin)")
    String privilege;

    @Option(names = "--ipmi-version", paramLabel = "V", description = "2.0|1.5|auto (default auto)",
            defaultValue = "auto")
    String version;

    @Option(names = "--auth-type", paramLabel = "T", description = "IPMI 1.5 auth type: md5|md2|straight|none")
    String authType;

    @Option(names = "--port", paramLabel = "N", description = "UDP port of the BMCs (default 623)",
            defaultValue = "623", converter = Ranged.Port.class)
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "time allowed per exchange before a host fails (default 20)", defaultValue = "20")
    double timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0", converter = Ranged.NotNegative.class,
            description = "tries again a host that "
            + "was unreachable or timed out (default 0; a host's ipmi_retries wins)")
    int retries;

    @Option(names = "--retransmit", paramLabel = "SECONDS",
            description = "first retransmission interval (default 1)", defaultValue = "1")
    double retransmit;

    SessionConfig sessionConfig() {
        SessionConfig c = SessionConfig.of(user, password());
        Secret kg = kg();
        if (!kg.isEmpty()) {
            c = c.withKg(kg);
        }
        if (privilege != null) {
            c = c.withPrivilege(Privilege.parse(privilege).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                    "--privilege must be callback|user|operator|admin, got '" + privilege + "'")));
        }
        if (cipherSuite != null) {
            if (CipherSuite.byId(cipherSuite).isEmpty()) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "--cipher-suite " + cipherSuite
                        + " is not supported (0-3, 6-8, 11-12, 15-17)");
            }
            c = c.withCipherSuite(cipherSuite);
        }
        c = c.withVersion(IpmiVersion.parse(version).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                "--ipmi-version must be 2.0, 1.5 or auto, got '" + version + "'")));
        if (authType != null) {
            int t = switch (authType.toLowerCase(java.util.Locale.ROOT)) {
                case "md5" -> Ipmi15AuthCode.MD5;
                case "md2" -> Ipmi15AuthCode.MD2;
                case "straight", "password" -> Ipmi15AuthCode.STRAIGHT;
                case "none" -> Ipmi15AuthCode.NONE;
                default -> throw new UserError(ExitCodes.BAD_OPTIONS, "--auth-type must be md5|md2|straight|none");
            };
            c = c.withV15AuthType(t);
        }
        return c;
    }

    /** The run's connection defaults; {@code vault} opens the inventory's {@code !vault} passwords. */
    Run.Connection forRun(Decrypter vault) {
        try {
            return new Run.Connection(sessionConfig(), port, timing(), vault);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, e.getMessage());
        }
    }

    Timing timing() {
        if (timeout <= 0 || retransmit <= 0) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "--timeout and --retransmit must be positive");
        }
        return Timing.DEFAULT.withRetransmitMillis((long) (retransmit * 1000))
                .withTimeoutMillis((long) (timeout * 1000));
    }

    private Secret password() {
        Console console = System.console();
        if (askPass) {
            if (console == null) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "-k asks for the BMC password on a terminal and there is "
                        + "none: use --password-file FILE or IPMI_PASSWORD");
            }
            return prompt(console).orElseThrow(() -> new UserError(ExitCodes.BAD_OPTIONS,
                    "no BMC password entered"));
        }
        if (passwordFile != null) {
            return Secret.of(readSecretFile(passwordFile, "--password-file"), "password file");
        }
        String env = System.getenv("IPMI_PASSWORD");
        if (env != null) {
            return Secret.of(env, "env IPMI_PASSWORD");
        }
        if (console != null && !user.isEmpty()) {
            return prompt(console).orElse(Secret.empty());
        }
        return Secret.empty();
    }

    private Optional<Secret> prompt(Console console) {
        char[] pw = console.readPassword("BMC password%s: ", user.isEmpty() ? "" : " for " + user);
        if (pw == null) {
            return Optional.empty();
        }
        Secret s = Secret.of(new String(pw), "prompt");
        java.util.Arrays.fill(pw, '\0');
        return Optional.of(s);
    }

    private Secret kg() {
        String text = kgFile != null ? new String(readSecretFile(kgFile, "--kg-file"), StandardCharsets.UTF_8)
                : System.getenv("IPMI_KG");
        if (text == null || text.isEmpty()) {
            return Secret.empty();
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            try {
                return Secret.of(HexFormat.of().parseHex(text.substring(2)), "K_g");
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "K_g is not valid hex");
            }
        }
        return Secret.of(text, "K_g");
    }

    /** The file's bytes without a trailing newline (editors add one). */
    private static byte[] readSecretFile(Path p, String option) {
        try {
            byte[] b = BoundedRead.bytes(p, BoundedRead.SECRET);
            int n = b.length;
            while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == '\r')) {
                n--;
            }
            return java.util.Arrays.copyOf(b, n);
        } catch (IOException e) {
            throw new UserError(ExitCodes.BAD_OPTIONS, option + ": cannot read " + BoundedRead.problem(p, e));
        }
    }
}
