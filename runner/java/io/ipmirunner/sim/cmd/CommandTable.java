package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The simulator's commands: each one's {@link CommandSpec} (for the minimum privilege and the request
 * decoder) and its handler. Session management commands are not here: the LAN layer owns sessions.
 */
public final class CommandTable {
    /** Handles a decoded request; a {@link MalformedPacketException} from decoding becomes 0xC7. */
    @FunctionalInterface
    public interface Handler<Q extends WireMessage> {
        Answer handle(CommandContext c, Q request) throws MalformedPacketException;
    }

    /** One command: its spec and handler. */
    public record Entry<Q extends WireMessage>(CommandSpec<Q, ?> spec, Handler<Q> handler) {
        public Answer run(CommandContext c, byte[] data) {
            OptionalInt notReady = c.bmc().readiness().answer(c.now());
            if (notReady.isPresent()) {
                return Answer.code(notReady.getAsInt());
            }
            try {
                return handler.handle(c, spec.decodeRequest(data));
            } catch (MalformedPacketException e) {
                return Answer.LENGTH_INVALID;
            }
        }
    }

    private static final Map<Integer, Entry<?>> ENTRIES = new HashMap<>();

    static {
        add(Commands.GET_DEVICE_ID, AppHandlers::deviceId);
        add(Commands.COLD_RESET, AppHandlers::coldReset);
        add(Commands.WARM_RESET, (c, q) -> Answer.OK);
        add(Commands.GET_SELF_TEST_RESULTS, AppHandlers::selfTest);
        add(Commands.GET_DEVICE_GUID, AppHandlers::guid);
        add(Commands.GET_SYSTEM_GUID, AppHandlers::guid);
        add(Commands.GET_CHANNEL_INFO, AppHandlers::channelInfo);
        add(Commands.GET_CHANNEL_AUTH_CAPABILITIES, ChannelHandlers::authCapabilities);
        add(Commands.GET_CHANNEL_CIPHER_SUITES, ChannelHandlers::cipherSuites);
        add(Commands.GET_CHANNEL_ACCESS, AppHandlers::channelAccess);
        add(Commands.GET_USER_ACCESS, UserHandlers::getAccess);
        add(Commands.GET_USER_NAME, UserHandlers::getName);
        add(Commands.SET_USER_ACCESS, UserHandlers::setAccess);
        add(Commands.SET_USER_NAME, UserHandlers::setName);
        add(Commands.SET_USER_PASSWORD, UserHandlers::setPassword);
        add(Commands.GET_CHASSIS_STATUS, ChassisHandlers::status);
        add(Commands.CHASSIS_CONTROL, ChassisHandlers::control);
        add(Commands.CHASSIS_IDENTIFY, ChassisHandlers::identify);
        add(Commands.SET_POWER_RESTORE_POLICY, ChassisHandlers::restorePolicy);
        add(Commands.SET_SYSTEM_BOOT_OPTIONS, ChassisHandlers::setBootOption);
        add(Commands.GET_SYSTEM_BOOT_OPTIONS, ChassisHandlers::getBootOption);
        add(Commands.GET_FRU_INVENTORY_AREA_INFO, StorageHandlers::fruInfo);
        add(Commands.READ_FRU_DATA, StorageHandlers::readFru);
        add(Commands.GET_SDR_REPOSITORY_INFO, StorageHandlers::sdrInfo);
        add(Commands.RESERVE_SDR_REPOSITORY, StorageHandlers::reserveSdr);
        add(Commands.GET_SDR, StorageHandlers::getSdr);
        add(Commands.GET_SEL_INFO, SelHandlers::info);
        add(Commands.GET_SEL_ALLOCATION_INFO, SelHandlers::allocationInfo);
        add(Commands.RESERVE_SEL, SelHandlers::reserve);
        add(Commands.GET_SEL_ENTRY, SelHandlers::entry);
        add(Commands.CLEAR_SEL, SelHandlers::clear);
        add(Commands.GET_SEL_TIME, SelHandlers::time);
        add(Commands.SET_SEL_TIME, SelHandlers::setTime);
        add(Commands.GET_SENSOR_READING, SensorHandlers::reading);
        add(Commands.GET_SENSOR_THRESHOLDS, SensorHandlers::thresholds);
        add(Commands.GET_DCMI_CAPABILITIES, SensorHandlers::dcmiCapabilities);
        add(Commands.GET_POWER_READING, SensorHandlers::powerReading);
        add(Commands.GET_LAN_CONFIG, LanConfigHandlers::get);
        add(Commands.SET_LAN_CONFIG, LanConfigHandlers::set);
        add(Commands.GET_SOL_CONFIG, SolConfigHandlers::get);
    }

    private CommandTable() {}

    private static <Q extends WireMessage> void add(CommandSpec<Q, ?> spec, Handler<Q> h) {
        if (ENTRIES.put(key(spec.netFn(), spec.cmd()), new Entry<>(spec, h)) != null) {
            throw new IllegalStateException("two handlers for " + spec);
        }
    }

    private static int key(int netFn, int cmd) {
        return netFn << 8 | cmd;
    }

    public static Optional<Entry<?>> find(int netFn, int cmd) {
        return Optional.ofNullable(ENTRIES.get(key(netFn, cmd)));
    }
}
