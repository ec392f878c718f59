package io.ipmirunner.cli;

import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.SolConsole;
import io.ipmirunner.run.HostLists;
import io.ipmirunner.run.Run;
import io.ipmirunner.run.Targets;
import io.ipmirunner.vault.VaultKeys;
import io.ipmirunner.yaml.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code console HOST}: one host's serial console over SOL on this terminal, in raw mode so every key goes to
 * the host; {@code ~.} at the start of a line leaves (as ipmitool and ssh), {@code ~B} sends a serial break
 * (as ipmitool). {@code --watch} only shows the
 * console: nothing typed is sent, and the session is left with {@code ~.} or Ctrl-C. The bytes from the host are
 * written to the terminal as they are.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open one host's serial console (Serial over LAN); ~. at the start of a line leaves, ~B"
                + " sends a break.")
public final class ConsoleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HOST", description = "with -i: an inventory host; without: host[:port]")
    String host;

    @Option(names = "--watch", description = "show the console only: keys are not sent to the host")
    boolean watch;

    @Option(names = "--policy", paramLabel = "fail|steal", description = "when SOL is active on another session: "
            + "fail (default) or steal it")
    String policy = "fail";

    @Mixin
    InventoryOptions inventories;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VaultOptions vault;

    @Override
    public Integer call() throws Exception {
        SolConsole.WhenActive when = switch (policy) {
            case "fail" -> SolConsole.WhenActive.FAIL;
            case "steal" -> SolConsole.WhenActive.STEAL;
            default -> throw new UserError(ExitCodes.BAD_OPTIONS, "--policy must be fail or steal");
        };
        VaultKeys keys = vault.keys();
        Inventory inventory;
        try {
            inventory = inventories.given() ? inventories.load(Optional.empty(), keys) : HostLists.literal(host, 1);
        } catch (InvalidInputException e) {
            return InventoryCommand.printProblems(e);
        }
        List<Host> hosts = Targets.hosts(inventory, inventories.given() ? host : "all", Optional.empty());
        if (hosts.size() != 1) {
            throw new UserError(ExitCodes.BAD_OPTIONS, "console takes one host; '" + host + "' names "
                    + hosts.size());
        }
        Run.Connection c = connection.forRun(keys);
        try (Targets.Selection selection = Targets.select(hosts, c.defaults(), c.defaultPort(), c.vault());
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(c.timing()));
             BmcSession session = client.open(selection.targets().getFirst());
             SolConsole console = SolConsole.open(session, when)) {
            if (!console.portNote().isEmpty()) {
                System.err.println("[" + hosts.getFirst().name() + ": " + console.portNote() + "]");
            }
            System.err.println("[" + hosts.getFirst().name() + ": SOL console" + (watch ? ", watching" : "")
                    + "; ~. leaves, ~B breaks]");
            String ended = attach(console);
            System.err.println();
            System.err.println("[" + hosts.getFirst().name() + ": " + ended + "]");
            return ExitCodes.OK;
        } catch (IpmiException e) {
            System.err.println(e.getMessage());
            return e instanceof IpmiException.Unreachable ? ExitCodes.HOST_UNREACHABLE : ExitCodes.HOST_FAILED;
        }
    }

    /** Runs the console on this terminal until the operator leaves or the link ends; says which. */
    private String attach(SolConsole console) throws IOException, InterruptedException {
        try (Terminal t = TerminalBuilder.builder().system(true).providers("exec").jni(false).ffm(false).jna(false)
                .jansi(false).nativeSignals(false).dumb(true).build()) {
            boolean tty = !t.getType().startsWith(Terminal.TYPE_DUMB);
            Attributes saved = tty ? t.enterRawMode() : null;
            if (tty) {
                // The host sends its own CR LF: the terminal must not turn LF into another CR LF.
                Attributes raw = t.getAttributes();
                raw.setOutputFlag(Attributes.OutputFlag.OPOST, false);
                t.setAttributes(raw);
            }
            try {
                Thread out = Thread.ofVirtual().name("console-out").start(() -> copyOut(console, t.output()));
                String why = keys(console, t.reader());
                out.interrupt();
                out.join(1000);
                return why;
            } finally {
                if (saved != null) {
                    t.setAttributes(saved);
                }
            }
        }
    }

    private static void copyOut(SolConsole console, OutputStream out) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = console.read(buf, 500)) >= 0) {
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // leaving: nothing more to show
        }
    }

    /** Keys from the operator until {@code ~.}, the end of input or the end of the link. */
    private String keys(SolConsole console, NonBlockingReader in) throws IOException, InterruptedException {
        ConsoleEscape escape = new ConsoleEscape();
        while (console.ended().isEmpty()) {
            // A timed read, so that a link that ends while nobody types is noticed.
            int c = in.read(100L);
            if (c == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (c < 0) {
                return "end of input";
            }
            // A serial line carries bytes: Latin-1 keys as one byte, anything else in UTF-8.
            byte[] key = String.valueOf((char) c).getBytes(c < 256 ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8);
            ConsoleEscape.Keys k = escape.feed(key, key.length);
            if (!watch && k.breakAt() >= 0) {
                console.write(Arrays.copyOf(k.send(), k.breakAt()), 5000);
                console.sendBreak();
                console.write(Arrays.copyOfRange(k.send(), k.breakAt(), k.send().length), 5000);
            } else if (!watch && k.send().length > 0) {
                console.write(k.send(), 5000);
            }
            if (k.leave()) {
                return "left";
            }
        }
        return console.ended().get();
    }
}
