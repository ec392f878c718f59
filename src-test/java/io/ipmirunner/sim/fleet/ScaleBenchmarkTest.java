package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.secret.Secret;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanServices;
import io.ipmirunner.sim.model.Personality;
import io.ipmirunner.sim.model.UserTable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ObjectName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 simulated BMCs in one JVM: heap per BMC (idle, and after each served a session and a FRU read)
 * and datagrams served per second under a load of Get Device ID requests from the project's own client,
 * over real UDP on loopback (client and simulator share this JVM and its cores). Not run by default:
 * {@code mvn test -Dtest='io.ipmirunner.sim.fleet.ScaleBenchmarkTest' -Dexcluded.groups=none}.
 */
@Tag("bench")
class ScaleBenchmarkTest {
    private static final int BMCS = Integer.getInteger("sim.bench.count", 10_000);
    private static final int IN_FLIGHT = 1_024;
    private static final long LOAD_MILLIS = 15_000;
    private static final String PASSWORD = "bench-pw";

    @Test
    void tenThousandBmcs() throws Exception {
        long before = heapAfterGc();
        var group = new FleetGroup("bench", BMCS, Personality.MIXED, BmcSettings.DEFAULTS, FaultProfile.NONE, 0);
        var plans = FleetPlanner.plan(List.of(group), new Addressing.BasePort("127.0.0.1", 0),
                UserTable.standard("admin", Secret.of(PASSWORD, "bench")), 1);
        long t0 = System.nanoTime();
        try (FleetHost host = FleetHost.start(plans, LanServices.seeded(1), 1)) {
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            long idle = heapAfterGc() - before;
            long fds = openFds();
            SessionConfig config = SessionConfig.of("admin", Secret.of(PASSWORD, "bench")).withCipherSuite(3);
            List<BmcSession> sessions = new ArrayList<>(BMCS);
            double loginSeconds;
            double rate;
            long served;
            try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults())) {
                long l0 = System.nanoTime();
                List<CompletableFuture<?>> first = new ArrayList<>(BMCS);
                Semaphore window = new Semaphore(IN_FLIGHT);
                for (int i = 0; i < BMCS; i++) {
                    BmcSession s = client.open(new BmcTarget("sim" + i, host.address(i), config));
                    sessions.add(s);
                    window.acquire();
                    first.add(s.sendAsync(Commands.READ_FRU_DATA, new Fru.ReadRequest(0, 0, 16))
                            .whenComplete((r, e) -> window.release()));
                }
                CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).join();
                loginSeconds = (System.nanoTime() - l0) / 1e9;

                long answeredBefore = host.stats().answered();
                LongAdder ok = new LongAdder();
                long end = System.nanoTime() + LOAD_MILLIS * 1_000_000;
                long m0 = System.nanoTime();
                int i = 0;
                while (System.nanoTime() < end) {
                    window.acquire();
                    sessions.get(i++ % BMCS).sendAsync(Commands.GET_DEVICE_ID, Empty.INSTANCE).whenComplete((r, e) -> {
                        if (e == null) {
                            ok.increment();
                        }
                        window.release();
                    });
                }
                window.acquire(IN_FLIGHT);
                double seconds = (System.nanoTime() - m0) / 1e9;
                served = host.stats().answered() - answeredBefore;
                rate = served / seconds;
                assertEquals(0, host.stats().errors());
                assertTrue(ok.sum() > 0);
                sessions.forEach(BmcSession::close);
                sessions.clear();
            }
            long received;
            do { // let the simulator finish the Close Session backlog before weighing it
                received = host.stats().received();
                Thread.sleep(1_000);
            } while (host.stats().received() != received);
            long used = heapAfterGc() - before;
            System.out.printf("%nsim scale benchmark: %d BMCs, started in %d ms, %d file descriptors open%n", BMCS,
                    startMillis, fds);
            System.out.printf("  heap per BMC idle: %d bytes; after a session and a FRU read each: %d bytes%n",
                    idle / BMCS, used / BMCS);
            System.out.printf("  %d logins (RMCP+ suite 3) + FRU reads in %.1f s (%.0f logins/s)%n", BMCS, loginSeconds,
                    BMCS / loginSeconds);
            System.out.printf("  Get Device ID load: %d datagrams answered, %.0f per second (%d in flight)%n", served,
                    rate, IN_FLIGHT);
            System.out.printf("  stats: %s%n", host.stats());
        }
    }

    /**
     * Bytes of live objects, from the class histogram (the diagnostic command behind
     * {@code jcmd GC.class_histogram}, which runs a full collection first): exact, unlike heap "used".
     * Repeated until it settles: right after the load the client's garbage is still held for a while by
     * reference processing (several KB per BMC at the first collection).
     */
    private static long heapAfterGc() throws Exception {
        long last = histogramTotal();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(500);
            long now = histogramTotal();
            if (now > last - last / 100) {
                return Math.min(now, last);
            }
            last = now;
        }
        return last;
    }

    private static long histogramTotal() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String total = histogram.lines().filter(l -> l.startsWith("Total")).findFirst().orElseThrow();
        return Long.parseLong(total.trim().split("\\s+")[2]);
    }

    private static long openFds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os
                ? os.getOpenFileDescriptorCount() : -1;
    }
}
