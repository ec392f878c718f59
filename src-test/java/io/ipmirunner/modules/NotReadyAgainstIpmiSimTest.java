package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.LossInjector;
import io.ipmirunner.interop.Peers;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.Timing;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The wait-for-BMC step against ipmi_sim that does not answer for longer than the engine's timeout (every
 * datagram to and from it dropped by iptables, as a BMC off the network while it restarts): the step keeps
 * asking Get Device ID and returns with the BMC's answer once it is back.
 */
@Tag("interop")
class NotReadyAgainstIpmiSimTest {
    private static final Duration SILENCE = Duration.ofMillis(3500);

    @Test
    void getDeviceIdIsAskedAgainUntilTheSilentBmcAnswers() throws Exception {
        Peers.require("ipmi_sim");
        Peers.require("iptables");
        Peers.requireRoot("iptables rules");
        Timing oneSecond = Timing.DEFAULT.withTimeoutMillis(1000);
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (IpmiSim sim = IpmiSim.builder().address("127.0.151.1").build();
             IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(oneSecond));
             BmcSession s = IpmiSimModules.open(client, sim)) {
            DeviceId before = s.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
            LossInjector silence = LossInjector.onAddress(sim.host(), 1.0);
            long start = System.nanoTime();
            later.schedule(silence::close, SILENCE.toMillis(), TimeUnit.MILLISECONDS);
            try {
                DeviceId back = BmcReady.await(s, start, 30_000);
                long waited = (System.nanoTime() - start) / 1_000_000;
                assertEquals(before.firmware(), back.firmware());
                assertTrue(waited >= SILENCE.toMillis(), "answered only after the silence: " + waited + " ms");
            } finally {
                silence.close();
            }
        } finally {
            later.shutdownNow();
            later.awaitTermination(25, TimeUnit.SECONDS);
        }
    }
}
