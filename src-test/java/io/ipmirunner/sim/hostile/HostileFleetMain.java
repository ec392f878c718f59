package io.ipmirunner.sim.hostile;

import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.sim.SimHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * For bench/hostile-rss: one {@link HostileBmc} per {@link Misbehaviour} on 127.0.0.1, and an inventory of
 * them (0600, with the password) at the path given, so that the client's memory is measured in a process of
 * its own. Runs until standard input closes.
 */
public final class HostileFleetMain {
    private HostileFleetMain() {}

    public static void main(String[] args) throws Exception {
        List<HostileBmc> bmcs = new ArrayList<>();
        StringBuilder inv = new StringBuilder("all:\n  vars:\n    ipmi_user: admin\n    ipmi_password: \"")
                .append(new String(SimHarness.PASSWORD.reveal(), java.nio.charset.StandardCharsets.US_ASCII))
                .append("\"\n  hosts:\n");
        for (Misbehaviour m : Misbehaviour.values()) {
            HostileBmc b = new HostileBmc(m);
            bmcs.add(b);
            BmcTarget t = b.target();
            inv.append("    ").append(m.name().toLowerCase(java.util.Locale.ROOT)).append(": {ipmi_host: 127.0.0.1, ")
                    .append("ipmi_port: ").append(t.address().getPort()).append("}\n");
        }
        Path out = Path.of(args[0]);
        Files.deleteIfExists(out);
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(out, inv);
        System.out.println("ready " + bmcs.size());
        System.in.read();
        bmcs.forEach(HostileBmc::close);
    }
}
