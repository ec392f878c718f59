package io.ipmirunner.ipmi.command;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.ChannelAccess;
import io.ipmirunner.ipmi.command.app.ChannelInfo;
import io.ipmirunner.ipmi.command.app.Guid;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.command.chassis.ChassisRequests;
import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.command.sensor.SensorThresholds;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import java.util.List;

/**
 * Commands added for the embedded simulator, in the same form as {@link Commands} (minimum privilege from
 * IPMI v2.0 Appendix G; DCMI v1.5 Table 6-1 for the DCMI ones). Kept apart only so that {@code Commands}
 * could stay untouched while it was being worked on; the two tables are meant to be merged.
 */
public final class ExtendedCommands {
    private ExtendedCommands() {}

    public static final CommandSpec<Empty, Guid> GET_DEVICE_GUID = new CommandSpec<>(
            "Get Device GUID", NetFn.APP, 0x08, Privilege.USER, Empty::decode, Guid::decode);
    public static final CommandSpec<Empty, Guid> GET_SYSTEM_GUID = new CommandSpec<>(
            "Get System GUID", NetFn.APP, 0x37, Privilege.USER, Empty::decode, Guid::decode);
    public static final CommandSpec<ChannelInfo.Request, ChannelInfo> GET_CHANNEL_INFO = new CommandSpec<>(
            "Get Channel Info", NetFn.APP, 0x42, Privilege.USER, ChannelInfo.Request::decode, ChannelInfo::decode);

    public static final CommandSpec<ChannelAccess.Request, ChannelAccess> GET_CHANNEL_ACCESS = new CommandSpec<>(
            "Get Channel Access", NetFn.APP, 0x41, Privilege.USER, ChannelAccess.Request::decode, ChannelAccess::decode);
    public static final CommandSpec<UserAccess.Request, UserAccess.Response> GET_USER_ACCESS = new CommandSpec<>(
            "Get User Access", NetFn.APP, 0x44, Privilege.OPERATOR, UserAccess.Request::decode,
            UserAccess.Response::decode);
    public static final CommandSpec<UserAccess.NameRequest, UserAccess.Name> GET_USER_NAME = new CommandSpec<>(
            "Get User Name", NetFn.APP, 0x46, Privilege.OPERATOR, UserAccess.NameRequest::decode,
            UserAccess.Name::decode);

    public static final CommandSpec<ChassisRequests.Identify, Empty> CHASSIS_IDENTIFY = new CommandSpec<>(
            "Chassis Identify", NetFn.CHASSIS, 0x04, Privilege.OPERATOR, ChassisRequests.Identify::decode,
            Empty::decode);
    public static final CommandSpec<ChassisRequests.RestorePolicy, ChassisRequests.SupportedPolicies>
            SET_POWER_RESTORE_POLICY = new CommandSpec<>("Set Power Restore Policy", NetFn.CHASSIS, 0x06,
            Privilege.OPERATOR, ChassisRequests.RestorePolicy::decode, ChassisRequests.SupportedPolicies::decode);
    public static final CommandSpec<BootOptions.SetRequest, Empty> SET_SYSTEM_BOOT_OPTIONS = new CommandSpec<>(
            "Set System Boot Options", NetFn.CHASSIS, 0x08, Privilege.OPERATOR, BootOptions.SetRequest::decode,
            Empty::decode);
    public static final CommandSpec<BootOptions.GetRequest, BootOptions.GetResponse> GET_SYSTEM_BOOT_OPTIONS =
            new CommandSpec<>("Get System Boot Options", NetFn.CHASSIS, 0x09, Privilege.OPERATOR,
                    BootOptions.GetRequest::decode, BootOptions.GetResponse::decode);

    public static final CommandSpec<SensorReading.Request, SensorReading> GET_SENSOR_READING = new CommandSpec<>(
            "Get Sensor Reading", NetFn.SENSOR_EVENT, 0x2D, Privilege.USER, SensorReading.Request::decode,
            SensorReading::decode);
    public static final CommandSpec<SensorReading.Request, SensorThresholds> GET_SENSOR_THRESHOLDS =
            new CommandSpec<>("Get Sensor Thresholds", NetFn.SENSOR_EVENT, 0x27, Privilege.USER,
                    SensorReading.Request::decode, SensorThresholds::decode);

    public static final CommandSpec<Fru.AreaInfoRequest, Fru.AreaInfo> GET_FRU_INVENTORY_AREA_INFO =
            new CommandSpec<>("Get FRU Inventory Area Info", NetFn.STORAGE, 0x10, Privilege.USER,
                    Fru.AreaInfoRequest::decode, Fru.AreaInfo::decode);
    public static final CommandSpec<Fru.ReadRequest, Fru.ReadResponse> READ_FRU_DATA = new CommandSpec<>(
            "Read FRU Data", NetFn.STORAGE, 0x11, Privilege.USER, Fru.ReadRequest::decode, Fru.ReadResponse::decode);
    public static final CommandSpec<Empty, Repository.Info> GET_SDR_REPOSITORY_INFO = new CommandSpec<>(
            "Get SDR Repository Info", NetFn.STORAGE, 0x20, Privilege.USER, Empty::decode, Repository.Info::decode);
    public static final CommandSpec<Empty, Repository.Reservation> RESERVE_SDR_REPOSITORY = new CommandSpec<>(
            "Reserve SDR Repository", NetFn.STORAGE, 0x22, Privilege.USER, Empty::decode,
            Repository.Reservation::decode);
    public static final CommandSpec<Repository.ReadRequest, Repository.ReadResponse> GET_SDR = new CommandSpec<>(
            "Get SDR", NetFn.STORAGE, 0x23, Privilege.USER, Repository.ReadRequest::decode,
            Repository.ReadResponse::decode);
    public static final CommandSpec<Empty, Repository.Info> GET_SEL_INFO = new CommandSpec<>(
            "Get SEL Info", NetFn.STORAGE, 0x40, Privilege.USER, Empty::decode, Repository.Info::decode);
    public static final CommandSpec<Empty, Sel.AllocationInfo> GET_SEL_ALLOCATION_INFO = new CommandSpec<>(
            "Get SEL Allocation Info", NetFn.STORAGE, 0x41, Privilege.USER, Empty::decode,
            Sel.AllocationInfo::decode);
    public static final CommandSpec<Empty, Repository.Reservation> RESERVE_SEL = new CommandSpec<>(
            "Reserve SEL", NetFn.STORAGE, 0x42, Privilege.USER, Empty::decode, Repository.Reservation::decode);
    public static final CommandSpec<Repository.ReadRequest, Repository.ReadResponse> GET_SEL_ENTRY =
            new CommandSpec<>("Get SEL Entry", NetFn.STORAGE, 0x43, Privilege.USER, Repository.ReadRequest::decode,
                    Repository.ReadResponse::decode);
    public static final CommandSpec<Sel.ClearRequest, Sel.ClearResponse> CLEAR_SEL = new CommandSpec<>(
            "Clear SEL", NetFn.STORAGE, 0x47, Privilege.OPERATOR, Sel.ClearRequest::decode, Sel.ClearResponse::decode);
    public static final CommandSpec<Empty, Sel.Time> GET_SEL_TIME = new CommandSpec<>(
            "Get SEL Time", NetFn.STORAGE, 0x48, Privilege.USER, Empty::decode, Sel.Time::decode);

    public static final CommandSpec<LanConfig.GetRequest, LanConfig.GetResponse> GET_LAN_CONFIG =
            new CommandSpec<>("Get LAN Configuration Parameters", NetFn.TRANSPORT, 0x02, Privilege.OPERATOR,
                    LanConfig.GetRequest::decode, LanConfig.GetResponse::decode);

    public static final CommandSpec<Dcmi.CapabilitiesRequest, Dcmi.Capabilities> GET_DCMI_CAPABILITIES =
            new CommandSpec<>("Get DCMI Capabilities Info", NetFn.GROUP_EXTENSION, 0x01, Privilege.USER,
                    Dcmi.CapabilitiesRequest::decode, Dcmi.Capabilities::decode);
    public static final CommandSpec<Dcmi.PowerReadingRequest, Dcmi.PowerReading> GET_POWER_READING =
            new CommandSpec<>("Get Power Reading", NetFn.GROUP_EXTENSION, 0x02, Privilege.USER,
                    Dcmi.PowerReadingRequest::decode, Dcmi.PowerReading::decode);

    public static List<CommandSpec<?, ?>> all() {
        return List.of(GET_DEVICE_GUID, GET_SYSTEM_GUID, GET_CHANNEL_INFO, GET_CHANNEL_ACCESS, GET_USER_ACCESS,
                GET_USER_NAME, CHASSIS_IDENTIFY, SET_POWER_RESTORE_POLICY, SET_SYSTEM_BOOT_OPTIONS,
                GET_SYSTEM_BOOT_OPTIONS, GET_SENSOR_READING, GET_SENSOR_THRESHOLDS, GET_FRU_INVENTORY_AREA_INFO,
                READ_FRU_DATA, GET_SDR_REPOSITORY_INFO, RESERVE_SDR_REPOSITORY, GET_SDR, GET_SEL_INFO,
                GET_SEL_ALLOCATION_INFO, RESERVE_SEL, GET_SEL_ENTRY, CLEAR_SEL, GET_SEL_TIME, GET_LAN_CONFIG,
                GET_DCMI_CAPABILITIES, GET_POWER_READING);
    }
}
