package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.ManualTime;
import io.ipmirunner.sim.FakeBmc;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Modules that wait for a BMC take their time from the {@link io.ipmirunner.ipmi.client.Bmc}: on a simulated
 * BMC and manual time, a power-good delay or a reset's silence passes in no wall time. The simulated BMC
 * (BmcSettings.DEFAULTS) powers on 2 s after the command and is silent for 10 s after a cold reset.
 */
class WaitingModulesTest {
    /** Less than the shortest wait below (1 s), more than class loading on a busy machine. */
    private static final Duration NO_REAL_WAIT = Duration.ofMillis(900);

    private final ManualTime time = new ManualTime();
    private final FakeBmc bmc = new FakeBmc("n1", time);
    private final long wallStart = System.nanoTime();

    @AfterEach
    void noWallTimePassed() {
        assertTrue(System.nanoTime() - wallStart < NO_REAL_WAIT.toNanos(), "a module slept in real time");
    }

    private <A> ModuleResult run(Module<A> module, Map<String, String> args) throws Exception {
        return module.run(bmc, module.validate(args));
    }

    @Test
    void powerOnWithWaitPollsUntilThePowerGoodDelayHasPassed() throws Exception {
        run(new PowerModule(), Map.of("state", "off"));
        Instant before = time.now();
        ModuleResult r = run(new PowerModule(), Map.of("state", "on", "wait", "true"));
        assertEquals(true, r.changed());
        assertEquals(Map.of("previous", "off", "action", "on", "state", "on", "confirmed", true), r.result());
        assertEquals(Duration.ofSeconds(2), Duration.between(before, time.now()));
        assertEquals(2, time.sleeps.size(), "one poll a second");
    }

    @Test
    void powerWaitGivesUpAtItsTimeoutOnTheBmcsClock() throws Exception {
        run(new PowerModule(), Map.of("state", "off"));
        Instant before = time.now();
        assertThrows(IpmiException.Timeout.class,
                () -> run(new PowerModule(), Map.of("state", "on", "wait", "true", "timeout", "0.5")));
        assertEquals(Duration.ofSeconds(1), Duration.between(before, time.now()));
    }

    @Test
    void coldResetWaitsOutTheSilenceThenReadsTheFirmwareAgain() throws Exception {
        Instant before = time.now();
        ModuleResult r = run(new BmcResetModule(), Map.of("type", "cold"));
        assertEquals(1, bmc.simulated().resets());
        assertEquals(true, r.result().get("back"));
        assertEquals(r.result().get("firmware_before"), r.result().get("firmware"));
        assertEquals(10.0, r.result().get("back_after_seconds"));
        assertEquals(Duration.ofSeconds(10), Duration.between(before, time.now()));
        assertEquals(Duration.ofSeconds(2), time.sleeps.getFirst(), "the settle time first");
    }
}
