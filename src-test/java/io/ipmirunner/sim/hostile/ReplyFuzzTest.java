package io.ipmirunner.sim.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.client.Timing;
import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.ChannelAccess;
import io.ipmirunner.ipmi.command.app.ChannelInfo;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.modules.Module;
import io.ipmirunner.modules.Modules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * After an honest login, every reply of a BMC mutated by {@link FuzzedAnswers} (seeded: a failure names the
 * seed and the iteration to replay): typed sends of the reading commands and whole module runs over them.
 * Nothing may escape but an {@link IpmiException}, and decoders turn what they cannot read into its
 * protocol error, never a crash.
 */
@Tag("hostile")
class ReplyFuzzTest {
    /** Another seed: -Dhostile.fuzz.seed=N. */
    private static final long SEED = Long.getLong("hostile.fuzz.seed", 0x16_2026L);
    private static final int ITERATIONS = 4000;
    /** One in this many iterations runs a whole module instead of one command. */
    private static final int MODULE_EVERY = 8;
    private static final long TIME_LIMIT_MILLIS = 60_000;
    private static final Timing TIMING = new Timing(200, 50, 500, 1500, 30_000, 300, 2);

    private record Probe<Q extends WireMessage, S extends WireMessage>(CommandSpec<Q, S> spec, Q request) {
        void send(Bmc bmc) throws IpmiException {
            bmc.send(spec, request);
        }
    }

    private static final List<Probe<?, ?>> PROBES = List.of(
            new Probe<>(Commands.GET_DEVICE_ID, Empty.INSTANCE),
            new Probe<>(Commands.GET_SELF_TEST_RESULTS, Empty.INSTANCE),
            new Probe<>(Commands.GET_DEVICE_GUID, Empty.INSTANCE),
            new Probe<>(Commands.GET_SYSTEM_GUID, Empty.INSTANCE),
            new Probe<>(Commands.GET_CHANNEL_INFO, new ChannelInfo.Request(1)),
            new Probe<>(Commands.GET_CHANNEL_ACCESS, new ChannelAccess.Request(1, 0x40)),
            new Probe<>(Commands.GET_USER_ACCESS, new UserAccess.Request(1, 2)),
            new Probe<>(Commands.GET_USER_NAME, new UserAccess.NameRequest(2)),
            new Probe<>(Commands.GET_SESSION_INFO, new SessionMessages.InfoRequest(0)),
            new Probe<>(Commands.GET_CHASSIS_STATUS, Empty.INSTANCE),
            new Probe<>(Commands.GET_SYSTEM_BOOT_OPTIONS, new BootOptions.GetRequest(5, 0, 0)),
            new Probe<>(Commands.GET_SENSOR_READING, new SensorReading.Request(1)),
            new Probe<>(Commands.GET_SENSOR_THRESHOLDS, new SensorReading.Request(1)),
            new Probe<>(Commands.GET_FRU_INVENTORY_AREA_INFO, new Fru.AreaInfoRequest(0)),
            new Probe<>(Commands.READ_FRU_DATA, new Fru.ReadRequest(0, 0, 16)),
            new Probe<>(Commands.GET_SDR_REPOSITORY_INFO, Empty.INSTANCE),
            new Probe<>(Commands.RESERVE_SDR_REPOSITORY, Empty.INSTANCE),
            new Probe<>(Commands.GET_SDR, new Repository.ReadRequest(0, 0, 0, 5)),
            new Probe<>(Commands.GET_SEL_INFO, Empty.INSTANCE),
            new Probe<>(Commands.GET_SEL_ALLOCATION_INFO, Empty.INSTANCE),
            new Probe<>(Commands.RESERVE_SEL, Empty.INSTANCE),
            new Probe<>(Commands.GET_SEL_ENTRY, new Repository.ReadRequest(0, 0, 0, Repository.ENTIRE_RECORD)),
            new Probe<>(Commands.GET_SEL_TIME, Empty.INSTANCE),
            new Probe<>(Commands.GET_LAN_CONFIG, new LanConfig.GetRequest(1, false, 3, 0, 0)),
            new Probe<>(Commands.GET_DCMI_CAPABILITIES, new Dcmi.CapabilitiesRequest(1)),
            new Probe<>(Commands.GET_POWER_READING, new Dcmi.PowerReadingRequest(1, 0)));

    private static final Map<String, Map<String, String>> MODULES = Map.of("sensors", Map.of(), "sel",
            Map.of("action", "list"), "fru", Map.of(), "mc_info", Map.of(), "power", Map.of("state", "status"),
            "chassis_status", Map.of(), "power_reading", Map.of(), "lan", Map.of(), "users", Map.of());

    @Test
    void mutatedRepliesEndInTypedErrorsOnly() throws Exception {
        FuzzedAnswers answers = new FuzzedAnswers(SEED);
        List<String> modules = MODULES.keySet().stream().sorted().toList();
        Map<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        try (IpmiClient client = IpmiClient.create(IpmiClient.Options.defaults().withTiming(TIMING));
             HostileBmc bmc = new HostileBmc(answers); Bmc session = client.open(bmc.target())) {
            for (int i = 0; i < ITERATIONS; i++) {
                String what = i % MODULE_EVERY == 0 ? modules.get(i / MODULE_EVERY % modules.size())
                        : PROBES.get(i % PROBES.size()).spec().name();
                try {
                    if (i % MODULE_EVERY == 0) {
                        run(Modules.find(what).orElseThrow(), session, MODULES.get(what));
                    } else {
                        PROBES.get(i % PROBES.size()).send(session);
                    }
                    outcomes.merge("ok", 1, Integer::sum);
                } catch (IpmiException e) {
                    assertTrue(!e.getMessage().contains("\n"), "not one line: " + e.getMessage());
                    outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } catch (Exception | Error e) {
                    throw new AssertionError("seed %#x iteration %d (%s): %s".formatted(SEED, i, what, e), e);
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("reply fuzz: %d iterations, %d mutated replies, %d ms, outcomes %s%n", ITERATIONS,
                answers.mutated(), millis, outcomes);
        assertTrue(millis < TIME_LIMIT_MILLIS, "took " + millis + " ms");
        assertTrue(outcomes.getOrDefault("ProtocolError", 0) > ITERATIONS / 4, outcomes.toString());
    }

    private static <A> void run(Module<A> module, Bmc bmc, Map<String, String> args) throws Exception {
        module.run(bmc, module.validate(args));
    }
}
