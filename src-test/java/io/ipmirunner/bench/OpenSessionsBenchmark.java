package io.ipmirunner.bench;

import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine holding 10,000 RMCP+ sessions open at once, against a 10,000-BMC simulator in another process
 * (so the heap measured is the client's alone): login rate, CPU per session, heap per open session.
 * Run: {@code mvn test -Dgroups=bench -Dexcluded.groups= -Dtest=OpenSessionsBenchmark} (needs ulimit -n > 10,200).
 */
@Tag("bench")
class OpenSessionsBenchmark {
    private static final int N = 10_000;
    private static final int BASE_PORT = 21_000;

    @Test
    void tenThousandOpenSessions() throws Exception {
        Path pw = Files.createTempFile("bench", ".pw");
        Files.writeString(pw, "benchpass");
        Process sim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ipmirunner.cli.Main", "sim", "--count",
                String.valueOf(N), "--base-port", String.valueOf(BASE_PORT), "--password-file", pw.toString())
                .redirectErrorStream(true).start();
        try (IpmiClient client = IpmiClient.create()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream()));
            String ready = out.readLine();
            System.out.println(ready);
            var mem = ManagementFactory.getMemoryMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            System.gc();
            long heap0 = mem.getHeapMemoryUsage().getUsed();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<BmcSession> open = new ArrayList<>(N);
            Semaphore inFlight = new Semaphore(1024);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<BmcSession>> fs = new ArrayList<>(N);
                for (int i = 0; i < N; i++) {
                    var t = new BmcTarget("bmc" + i, new InetSocketAddress("127.0.0.1", BASE_PORT + i),
                            SessionConfig.of("admin", Secret.of("benchpass", "bench")).withCipherSuite(3));
                    inFlight.acquire();
                    fs.add(pool.submit(() -> {
                        try {
                            BmcSession s = client.open(t);
                            s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
                            return s;
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
                for (var f : fs) {
                    open.add(f.get());
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            System.gc();
            long heap1 = mem.getHeapMemoryUsage().getUsed();
            System.out.printf("%d sessions open: login + Get Device ID in %.2f s (%.0f sessions/s), client CPU "
                    + "%.3f ms per session, heap %.1f MB = %.2f KB per open session, engine: %s%n", client
                    .openSessionCount(), secs, N / secs, cpuMs / N, (heap1 - heap0) / 1e6, (heap1 - heap0) / 1e3 / N,
                    client.stats());
            open.forEach(BmcSession::close);
        } finally {
            sim.destroy();
            Files.deleteIfExists(pw);
        }
    }
}
