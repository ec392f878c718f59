package io.ipmirunner.cli;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.vault.VaultKeys;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vault encrypt-string --name ipmi_password}: a YAML {@code !vault |} value to paste into an inventory,
 * laid out as ansible-vault lays it out. The secret comes from standard input or a prompt, never from argv
 * (ansible-vault accepts it there; every user of the machine could read it in /proc).
 */
@Command(name = "encrypt-string", mixinStandardHelpOptions = true,
        description = "Encrypt a secret from standard input (or --prompt) as a YAML !vault value.")
final class VaultEncryptString implements Callable<Integer> {
    private static final int INDENT = 10;

    @Option(names = {"-n", "--name"}, paramLabel = "VAR", description = "print it as 'VAR: !vault |'")
    String name;

    @Option(names = {"-p", "--prompt"}, description = "ask for the secret without echo instead of reading stdin")
    boolean prompt;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "native",
            description = "native (default) or ansible")
    String format;

    @Mixin
    VaultOptions vault;

    @Override
    public Integer call() throws IOException {
        var f = VaultCommand.format(format);
        try (VaultKeys keys = vault.keys()) {
            var key = VaultCommand.encryptionKey(keys);
            byte[] plain;
            if (prompt) {
                Secret s = VaultOptions.prompt("Secret to encrypt: ");
                plain = s.reveal();
                s.wipe();
            } else {
                plain = BoundedRead.bytes(System.in, "standard input", BoundedRead.TEXT);
            }
            if (plain.length == 0) {
                throw new UserError(ExitCodes.BAD_OPTIONS, "nothing to encrypt (standard input was empty)");
            }
            String text;
            try {
                text = f.encrypt(plain, key);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            StringBuilder out = new StringBuilder(name != null ? name + ": " : "").append("!vault |\n");
            text.lines().forEach(l -> out.append(" ".repeat(INDENT)).append(l).append('\n'));
            System.out.print(out);
            System.out.flush();
            System.err.println("Encryption successful");
        }
        return ExitCodes.OK;
    }
}
