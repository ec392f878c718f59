package io.ipmirunner.interop;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Drops a random share of the UDP packets to and from one loopback address, for robustness tests:
 *
 * <pre>{@code
 * try (IpmiSim bmc = IpmiSim.builder().build(); LossInjector loss = LossInjector.onAddress(bmc.host(), 0.3)) {
 *     ... the client must still get through, by retrying ...
 * }
 * }</pre>
 *
 * Two iptables rules in the INPUT chain (loopback traffic passes INPUT once per packet):
 * {@code -d IP} for requests and {@code -s IP ! -d IP} for replies, each with
 * {@code -m statistic --mode random --probability P -j DROP} and a comment unique to this injector,
 * by which {@link #close()} finds and deletes exactly its own rules.
 *
 * <p>Observed on the dev/CI machines (kernel 6.18, Debian iptables 1.8.9): the default
 * {@code iptables} (nf_tables backend) works, and so does {@code iptables-legacy}; {@code tc netem}
 * does not (the kernel has no netem/prio qdisc: "Specified qdisc kind is unknown").
 */
public final class LossInjector implements AutoCloseable {
    /** Tried in order: the first whose rules go in is used. */
    private static final List<String> IPTABLES = List.of("iptables", "iptables-nft", "iptables-legacy");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String iptables;
    private final String comment;
    private boolean closed;

    private LossInjector(String iptables, String comment) {
        this.iptables = iptables;
        this.comment = comment;
    }

    /** Drops each UDP packet to or from {@code ip} (a loopback address) with {@code probability}. */
    public static LossInjector onAddress(String ip, double probability) {
        requireLoopback(ip);
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1]: " + probability);
        }
        Peers.require("iptables");
        Peers.requireRoot("iptables rules");
        String comment = "ipmi-runner-test-" + UUID.randomUUID();
        String p = String.format(Locale.ROOT, "%.6f", probability);
        List<List<String>> rules = List.of(
                List.of("-p", "udp", "-d", ip),
                List.of("-p", "udp", "-s", ip, "!", "-d", ip));
        StringBuilder errors = new StringBuilder();
        for (String candidate : IPTABLES) {
            if (Peers.find(candidate).isEmpty()) {
                continue;
            }
            LossInjector injector = new LossInjector(candidate, comment);
            boolean allIn = true;
            for (List<String> match : rules) {
                List<String> cmd = new ArrayList<>(List.of(candidate, "-w", "5", "-A", "INPUT"));
                cmd.addAll(match);
                cmd.addAll(List.of("-m", "statistic", "--mode", "random", "--probability", p,
                        "-m", "comment", "--comment", comment, "-j", "DROP"));
                ProcessResult r = ProcessResult.run(cmd, Map.of(), null, TIMEOUT);
                if (!r.ok()) {
                    errors.append(String.join(" ", cmd)).append(":\n").append(r).append('\n');
                    allIn = false;
                    break;
                }
            }
            if (allIn) {
                return injector;
            }
            try {
                injector.close(); // remove a half-installed pair before trying the next backend
            } catch (IllegalStateException e) {
                errors.append(e.getMessage()).append('\n');
            }
        }
        throw new IllegalStateException("no iptables backend accepted the loss rules:\n" + errors);
    }

    /** The iptables binary in use (iptables, iptables-nft or iptables-legacy). */
    public String backend() {
        return iptables;
    }

    /** The rules of this injector as {@code iptables -S} prints them; empty once closed. */
    public List<String> rules() {
        ProcessResult r = ProcessResult.run(List.of(iptables, "-w", "5", "-S", "INPUT"), Map.of(), null, TIMEOUT);
        if (!r.ok()) {
            throw new IllegalStateException("cannot list the INPUT chain:\n" + r);
        }
        return r.stdout().lines().filter(l -> l.contains("--comment " + comment + " ")
                || l.endsWith("--comment " + comment)).toList();
    }

    /** Deletes the rules carrying this injector's comment; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        StringBuilder errors = new StringBuilder();
        for (String rule : rules()) {
            // "-A INPUT -s ... -j DROP" -> "-D INPUT -s ... -j DROP". The comment has no blanks, so the
            // line splits into the right arguments; iptables deletes by exact rule specification.
            List<String> cmd = new ArrayList<>(List.of(iptables, "-w", "5"));
            cmd.addAll(List.of(rule.replaceFirst("^-A ", "-D ").split("\\s+")));
            ProcessResult r = ProcessResult.run(cmd, Map.of(), null, TIMEOUT);
            if (!r.ok()) {
                errors.append(String.join(" ", cmd)).append(":\n").append(r).append('\n');
            }
        }
        closed = true;
        if (!errors.isEmpty()) {
            throw new IllegalStateException("could not remove every loss rule:\n" + errors);
        }
    }

    /**
     * Only loopback, this tool must never disturb traffic that leaves the machine: an IPv4 loopback address,
     * or a loopback network in CIDR form (127.0.77.0/26) for a whole fleet.
     */
    private static void requireLoopback(String ipOrCidr) {
        String ip = ipOrCidr.replaceFirst("/([0-9]|[12][0-9]|3[0-2])$", "");
        try {
            if (!InetAddress.getByName(ip).isLoopbackAddress() || !ip.matches("[0-9.]+")) {
                throw new IllegalArgumentException("LossInjector works on IPv4 loopback addresses only: " + ip);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }
}
