package io.ipmirunner.bench;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.Peers;
import io.ipmirunner.interop.ProcessResult;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Session establishment throughput and CPU per session, ours against ipmitool, on the same ipmi_sim fleet
 * in the same run: each round logs in to every BMC at once (RMCP+ suite 3), reads Get Device ID and closes.
 * Prints medians of {@value #ROUNDS} rounds. Run: {@code mvn test -Dgroups=bench -Dexcluded.groups=
 * -Dtest=SessionThroughputBenchmark}.
 */
@Tag("bench")
class SessionThroughputBenchmark {
    private static final int BMCS = 40;
    private static final int ROUNDS = 7;

    @Test
    void sessionsPerSecondOursVersusIpmitool() throws Exception {
        Peers.require("ipmi_sim");
        Peers.require("ipmitool");
        List<IpmiSim> fleet = new ArrayList<>();
        try {
            for (int i = 1; i <= BMCS; i++) {
                fleet.add(IpmiSim.builder().address("127.0.76." + i).build());
            }
            double[] oursWall = new double[ROUNDS];
            double[] oursCpu = new double[ROUNDS];
            double[] peerWall = new double[ROUNDS];
            double[] peerCpu = new double[ROUNDS];
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            try (IpmiClient client = IpmiClient.create()) {
                round(client, fleet); // warm-up: JIT and the first SecureRandom seed
                for (int r = 0; r < ROUNDS; r++) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    round(client, fleet);
                    oursWall[r] = (System.nanoTime() - t0) / 1e6;
                    oursCpu[r] = (os.getProcessCpuTime() - cpu0) / 1e6 / BMCS;
                    double[] peer = ipmitoolRound(fleet);
                    peerWall[r] = peer[0];
                    peerCpu[r] = peer[1] / BMCS;
                }
            }
            double ow = median(oursWall);
            double pw = median(peerWall);
            System.out.printf("%d BMCs (ipmi_sim), %d rounds, medians:%n", BMCS, ROUNDS);
            System.out.printf("  ipmi-runner engine: %.0f ms per round = %.0f sessions/s, CPU %.2f ms per session%n",
                    ow, BMCS * 1000 / ow, median(oursCpu));
            System.out.printf("  ipmitool x%d in parallel: %.0f ms per round = %.0f sessions/s, CPU %.2f ms per "
                    + "session%n", BMCS, pw, BMCS * 1000 / pw, median(peerCpu));
            System.out.printf("  ratio (ipmitool / ours): wall %.1fx, CPU %.1fx%n", pw / ow,
                    median(peerCpu) / median(oursCpu));
        } finally {
            fleet.forEach(IpmiSim::close);
        }
    }

    private static void round(IpmiClient client, List<IpmiSim> fleet) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (IpmiSim b : fleet) {
                SessionConfig c = SessionConfig.of(b.username(), Secret.of(b.password(), "bench")).withCipherSuite(3);
                BmcTarget t = new BmcTarget(b.host(), new InetSocketAddress(b.host(), b.port()), c);
                fs.add(pool.submit(() -> {
                    try (BmcSession s = client.open(t)) {
                        return s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                    }
                }));
            }
            for (var f : fs) {
                f.get();
            }
        }
        // Let the sessions close before the next round counts time.
        while (client.openSessionCount() > 0) {
            Thread.sleep(1);
        }
    }

    /** Wall ms and user+sys CPU ms of ipmitool mc info on every BMC at once, measured by /usr/bin/time. */
    private static double[] ipmitoolRound(List<IpmiSim> fleet) throws Exception {
        Path hosts = Files.createTempFile("bench-hosts", ".txt");
        try {
            Files.write(hosts, fleet.stream().map(IpmiSim::host).toList());
            String cmd = "xargs -P " + BMCS + " -I{} ipmitool -I lanplus -C 3 -H {} -U " + fleet.getFirst().username()
                    + " -E mc info < " + hosts + " > /dev/null";
            ProcessResult r = ProcessResult.run(List.of("/usr/bin/time", "-f", "%e %U %S", "sh", "-c", cmd),
                    Map.of("IPMI_PASSWORD", fleet.getFirst().password()), null, Duration.ofSeconds(120));
            String[] last = r.stderr().strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
            return new double[] {Double.parseDouble(last[0]) * 1000,
                    (Double.parseDouble(last[1]) + Double.parseDouble(last[2])) * 1000};
        } finally {
            Files.deleteIfExists(hosts);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
