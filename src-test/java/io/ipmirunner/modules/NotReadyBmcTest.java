package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.ManualTime;
import io.ipmirunner.ipmi.client.TimeSource;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.session.SessionConfig;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.sim.FakeBmc;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A BMC that is not ready (no answer, then "initialization in progress" and the like) on the simulator's
 * fault injection and manual time: the wait-for-BMC step keeps asking until it is ready, within its deadline,
 * and stops at once on an answer that waiting cannot change. The simulated BMC is silent for 10 s after a
 * cold reset (BmcSettings.DEFAULTS).
 */
class NotReadyBmcTest {
    private final ManualTime time = new ManualTime();
    private final FakeBmc bmc = new FakeBmc("n1", time);

    private <A> ModuleResult run(Module<A> module, Map<String, String> args) throws Exception {
        return module.run(bmc, module.validate(args));
    }

    private void notReadyFor(Duration d, int completionCode) {
        bmc.simulated().readiness().notReadyUntil(time.now().plus(d).toEpochMilli(), completionCode);
    }

    @Test
    void afterAColdResetSilenceThenInitializationInProgressTheResetWaitsForBoth() throws Exception {
        Instant before = time.now();
        var module = new BmcResetModule();
        ModuleResult r = module.run(new NotReadyAfter("Cold Reset", Duration.ofSeconds(15), 0xD2),
                module.validate(Map.of("type", "cold")));
        assertEquals(true, r.result().get("back"));
        assertEquals(15.0, r.result().get("back_after_seconds"), "10 s silent, then 5 s of 0xD2");
        assertEquals(Duration.ofSeconds(15), Duration.between(before, time.now()));
    }

    @Test
    void aFirmwareUpdateAnsweringD5OrCcToGetDeviceIdIsWaitedOut() throws Exception {
        for (int code : new int[] {0xD5, 0xCC, 0xD1, 0xC0}) {
            long start = time.nanoTime();
            notReadyFor(Duration.ofSeconds(3), code);
            assertEquals(bmc.simulated().deviceId().firmware(), BmcReady.await(bmc, start, 60_000).firmware());
            assertEquals(Duration.ofSeconds(3), Duration.ofNanos(time.nanoTime() - start), "0x%x".formatted(code));
        }
    }

    @Test
    void aBmcNotReadyPastTheDeadlineFailsSayingWhatItLastAnswered() {
        notReadyFor(Duration.ofHours(1), 0xD2);
        long start = time.nanoTime();
        var e = assertThrows(IpmiException.Timeout.class, () -> BmcReady.await(bmc, start, 5_000));
        assertEquals(Duration.ofSeconds(5), Duration.ofNanos(time.nanoTime() - start));
        assertTrue(e.getMessage().contains("the BMC did not answer Get Device ID within 5.0 s (6 tries; last: Get"
                + " Device ID answered 0xd2 (BMC initialization in progress))"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aCodeWaitingCannotChangeEndsTheWaitAtOnce() {
        notReadyFor(Duration.ofHours(1), 0xD4);
        long start = time.nanoTime();
        var e = assertThrows(IpmiException.CompletionCodeError.class, () -> BmcReady.await(bmc, start, 60_000));
        assertEquals(CompletionCode.INSUFFICIENT_PRIVILEGE, e.code());
        assertEquals(0, time.nanoTime() - start, "no waiting");
    }

    @Test
    void powerWaitRidesOverABmcThatIsBusyWhileTheHostPowersOn() throws Exception {
        run(new PowerModule(), Map.of("state", "off"));
        Instant before = time.now();
        var module = new PowerModule();
        // The simulated host is on 2 s after Chassis Control; right after it, the BMC answers 0xC0 for 4 s.
        ModuleResult on = module.run(new NotReadyAfter("Chassis Control", Duration.ofSeconds(4), 0xC0),
                module.validate(Map.of("state", "on", "wait", "true",
                "timeout", "60")));
        assertEquals(true, on.result().get("confirmed"));
        assertEquals("on", on.result().get("state"));
        assertEquals(Duration.ofSeconds(4), Duration.between(before, time.now()));
    }

    /** The test's BMC, not ready for a while once it has carried out {@code command}. */
    private final class NotReadyAfter implements Bmc {
        private final String command;
        private final Duration notReady;
        private final int code;

        NotReadyAfter(String command, Duration notReady, int code) {
            this.command = command;
            this.notReady = notReady;
            this.code = code;
        }

        @Override
        public String host() {
            return bmc.host();
        }

        @Override
        public CompletableFuture<IpmiResponse> rawAsync(String name, int netFn, int cmd, byte[] data) {
            CompletableFuture<IpmiResponse> answer = bmc.rawAsync(name, netFn, cmd, data);
            if (name.equals(command)) {
                notReadyFor(notReady, code);
            }
            return answer;
        }

        @Override
        public <Q extends WireMessage> void sendLast(CommandSpec<Q, ?> spec, Q request) {
            rawAsync(spec.name(), spec.netFn(), spec.cmd(), request.toBytes());
        }

        @Override
        public Bmc loginWith(UnaryOperator<SessionConfig> adjust) {
            return bmc.loginWith(adjust);
        }

        @Override
        public Optional<ChannelAuthCapabilities.Response> loginCapabilities() {
            return Optional.empty();
        }

        @Override
        public TimeSource time() {
            return time;
        }

        @Override
        public void close() {
        }
    }
}
