package io.ipmirunner.sim.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes an Ansible-style YAML inventory of a simulated fleet, one flow mapping per host so ten thousand
 * hosts stay readable. It holds the fleet's test password, so the file is created 0600 (then moved into
 * place, so it is never world-readable, not even half-written).
 */
public final class InventoryWriter {
    /** One host line: its inventory name and where it listens. */
    public record Entry(String name, String host, int port) {}

    private InventoryWriter() {}

    public static String render(List<Entry> hosts, String user, String password) {
        StringBuilder b = new StringBuilder(64 + hosts.size() * 100);
        b.append("# Simulated BMC fleet written by `ipmi-runner sim` (").append(hosts.size())
                .append(" BMCs); the credentials are the simulator's test credentials.\n");
        b.append("all:\n  hosts:\n");
        for (Entry h : hosts) {
            b.append("    ").append(h.name()).append(": {ipmi_host: ").append(h.host()).append(", ipmi_port: ")
                    .append(h.port()).append(", ipmi_user: ").append(quote(user)).append(", ipmi_password: ")
                    .append(quote(password)).append("}\n");
        }
        return b.toString();
    }

    public static void write(Path file, List<Entry> hosts, String user, String password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".inventory", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, render(hosts, user, password));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A YAML double-quoted scalar (YAML 1.2 §7.3.1): backslash and quote escaped, control bytes as \\xNN. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
