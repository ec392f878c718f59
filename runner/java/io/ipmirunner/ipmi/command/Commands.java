package io.ipmirunner.ipmi.command;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.ChannelAccess;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.command.app.ChannelInfo;
import io.ipmirunner.ipmi.command.app.DeviceId;
import io.ipmirunner.ipmi.command.app.Guid;
import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.command.app.SelfTestResult;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.command.chassis.ChassisRequests;
import io.ipmirunner.ipmi.command.chassis.ChassisStatus;
import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.command.sensor.SensorThresholds;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import java.util.List;

/**
 * The command table: every command the project speaks, with the minimum privilege from the
 * specification's command table (IPMI v2.0 Appendix G). Client, simulator and docs read this one table.
 */
public final class Commands {
    private Commands() {}

    private static final Privilege NONE = Privilege.CALLBACK;

    public static final CommandSpec<Empty, DeviceId> GET_DEVICE_ID = new CommandSpec<>(
            "Get Device ID", NetFn.APP, 0x01, Privilege.USER, Empty::decode, DeviceId::decode);
    public static final CommandSpec<Empty, Empty> COLD_RESET = new CommandSpec<>(
            "Cold Reset", NetFn.APP, 0x02, Privilege.ADMINISTRATOR, Empty::decode, Empty::decode).nonIdempotent();
    public static final CommandSpec<Empty, Empty> WARM_RESET = new CommandSpec<>(
            "Warm Reset", NetFn.APP, 0x03, Privilege.ADMINISTRATOR, Empty::decode, Empty::decode).nonIdempotent();
    public static final CommandSpec<Empty, SelfTestResult> GET_SELF_TEST_RESULTS = new CommandSpec<>(
            "Get Self Test Results", NetFn.APP, 0x04, Privilege.USER, Empty::decode, SelfTestResult::decode);

    public static final CommandSpec<ChannelAuthCapabilities.Request, ChannelAuthCapabilities.Response>
            GET_CHANNEL_AUTH_CAPABILITIES = new CommandSpec<>("Get Channel Authentication Capabilities",
            NetFn.APP, 0x38, NONE, ChannelAuthCapabilities.Request::decode, ChannelAuthCapabilities.Response::decode);
    public static final CommandSpec<SessionMessages.ChallengeRequest, SessionMessages.ChallengeResponse>
            GET_SESSION_CHALLENGE = new CommandSpec<>("Get Session Challenge", NetFn.APP, 0x39, NONE,
            SessionMessages.ChallengeRequest::decode, SessionMessages.ChallengeResponse::decode);
    public static final CommandSpec<SessionMessages.ActivateRequest, SessionMessages.ActivateResponse>
            ACTIVATE_SESSION = new CommandSpec<>("Activate Session", NetFn.APP, 0x3A, NONE,
            SessionMessages.ActivateRequest::decode, SessionMessages.ActivateResponse::decode);
    public static final CommandSpec<SessionMessages.PrivilegeLevel, SessionMessages.PrivilegeLevel>
            SET_SESSION_PRIVILEGE = new CommandSpec<>("Set Session Privilege Level", NetFn.APP, 0x3B, Privilege.USER,
            SessionMessages.PrivilegeLevel::decode, SessionMessages.PrivilegeLevel::decode);
    public static final CommandSpec<SessionMessages.CloseRequest, Empty> CLOSE_SESSION = new CommandSpec<>(
            "Close Session", NetFn.APP, 0x3C, NONE, SessionMessages.CloseRequest::decode, Empty::decode);
    public static final CommandSpec<SessionMessages.InfoRequest, SessionMessages.InfoResponse> GET_SESSION_INFO =
            new CommandSpec<>("Get Session Info", NetFn.APP, 0x3D, Privilege.USER,
                    SessionMessages.InfoRequest::decode, SessionMessages.InfoResponse::decode);
    public static final CommandSpec<ChannelCipherSuites.Request, ChannelCipherSuites.Response>
            GET_CHANNEL_CIPHER_SUITES = new CommandSpec<>("Get Channel Cipher Suites", NetFn.APP, 0x54, NONE,
            ChannelCipherSuites.Request::decode, ChannelCipherSuites.Response::decode);

    public static final CommandSpec<Empty, ChassisStatus> GET_CHASSIS_STATUS = new CommandSpec<>(
            "Get Chassis Status", NetFn.CHASSIS, 0x01, Privilege.USER, Empty::decode, ChassisStatus::decode);
    public static final CommandSpec<ChassisControl, Empty> CHASSIS_CONTROL = new CommandSpec<>(
            "Chassis Control", NetFn.CHASSIS, 0x02, Privilege.OPERATOR, ChassisControl::decode, Empty::decode).nonIdempotent();

    // Commands first needed by the simulator and the operation modules (DCMI privileges: DCMI v1.5 Table 6-1).

    public static final CommandSpec<Empty, Guid> GET_DEVICE_GUID = new CommandSpec<>(
            "Get Device GUID", NetFn.APP, 0x08, Privilege.USER, Empty::decode, Guid::decode);
    public static final CommandSpec<Empty, Guid> GET_SYSTEM_GUID = new CommandSpec<>(
            "Get System GUID", NetFn.APP, 0x37, Privilege.USER, Empty::decode, Guid::decode);
    public static final CommandSpec<ChannelInfo.Request, ChannelInfo> GET_CHANNEL_INFO = new CommandSpec<>(
            "Get Channel Info", NetFn.APP, 0x42, Privilege.USER, ChannelInfo.Request::decode, ChannelInfo::decode);

    public static final CommandSpec<ChannelAccess.Request, ChannelAccess> GET_CHANNEL_ACCESS = new CommandSpec<>(
            "Get Channel Access", NetFn.APP, 0x41, Privilege.USER, ChannelAccess.Request::decode, ChannelAccess::decode);
    public static final CommandSpec<UserSetup.SetAccess, Empty> SET_USER_ACCESS = new CommandSpec<>(
            "Set User Access", NetFn.APP, 0x43, Privilege.ADMINISTRATOR, UserSetup.SetAccess::decode, Empty::decode);
    public static final CommandSpec<UserSetup.SetName, Empty> SET_USER_NAME = new CommandSpec<>(
            "Set User Name", NetFn.APP, 0x45, Privilege.ADMINISTRATOR, UserSetup.SetName::decode, Empty::decode);
    public static final CommandSpec<UserSetup.SetPassword, Empty> SET_USER_PASSWORD = new CommandSpec<>(
            "Set User Password", NetFn.APP, 0x47, Privilege.ADMINISTRATOR, UserSetup.SetPassword::decode,
            Empty::decode);
    public static final CommandSpec<UserAccess.Request, UserAccess.Response> GET_USER_ACCESS = new CommandSpec<>(
            "Get User Access", NetFn.APP, 0x44, Privilege.OPERATOR, UserAccess.Request::decode,
            UserAccess.Response::decode);
    public static final CommandSpec<UserAccess.NameRequest, UserAccess.Name> GET_USER_NAME = new CommandSpec<>(
            "Get User Name", NetFn.APP, 0x46, Privilege.OPERATOR, UserAccess.NameRequest::decode,
            UserAccess.Name::decode);

    // Payload commands for Serial over LAN (IPMI v2.0 §24; privileges from Appendix G).
    public static final CommandSpec<PayloadMessages.InstanceRequest, PayloadMessages.Activated> ACTIVATE_PAYLOAD =
            new CommandSpec<>("Activate Payload", NetFn.APP, 0x48, Privilege.USER,
                    PayloadMessages.InstanceRequest::decode, PayloadMessages.Activated::decode);
    public static final CommandSpec<PayloadMessages.InstanceRequest, Empty> DEACTIVATE_PAYLOAD = new CommandSpec<>(
            "Deactivate Payload", NetFn.APP, 0x49, Privilege.USER, PayloadMessages.InstanceRequest::decode,
            Empty::decode);
    public static final CommandSpec<PayloadMessages.TypeRequest, PayloadMessages.ActivationStatus>
            GET_PAYLOAD_ACTIVATION_STATUS = new CommandSpec<>("Get Payload Activation Status", NetFn.APP, 0x4A,
            Privilege.USER, PayloadMessages.TypeRequest::decode, PayloadMessages.ActivationStatus::decode);
    public static final CommandSpec<PayloadMessages.ChannelRequest, PayloadMessages.PayloadSupport>
            GET_CHANNEL_PAYLOAD_SUPPORT = new CommandSpec<>("Get Channel Payload Support", NetFn.APP, 0x4E,
            Privilege.USER, PayloadMessages.ChannelRequest::decode, PayloadMessages.PayloadSupport::decode);

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
    public static final CommandSpec<Sel.Time, Empty> SET_SEL_TIME = new CommandSpec<>(
            "Set SEL Time", NetFn.STORAGE, 0x49, Privilege.OPERATOR, Sel.Time::decode, Empty::decode);

    public static final CommandSpec<LanConfig.GetRequest, LanConfig.GetResponse> GET_LAN_CONFIG =
            new CommandSpec<>("Get LAN Configuration Parameters", NetFn.TRANSPORT, 0x02, Privilege.OPERATOR,
                    LanConfig.GetRequest::decode, LanConfig.GetResponse::decode);
    /** IPMI v2.0 §26.3: the request and response of Get LAN Configuration Parameters, another number. */
    public static final CommandSpec<LanConfig.GetRequest, LanConfig.GetResponse> GET_SOL_CONFIG =
            new CommandSpec<>("Get SOL Configuration Parameters", NetFn.TRANSPORT, 0x22, Privilege.USER,
                    LanConfig.GetRequest::decode, LanConfig.GetResponse::decode);
    public static final CommandSpec<LanConfig.SetRequest, Empty> SET_LAN_CONFIG = new CommandSpec<>(
            "Set LAN Configuration Parameters", NetFn.TRANSPORT, 0x01, Privilege.ADMINISTRATOR,
            LanConfig.SetRequest::decode, Empty::decode);

    public static final CommandSpec<Dcmi.CapabilitiesRequest, Dcmi.Capabilities> GET_DCMI_CAPABILITIES =
            new CommandSpec<>("Get DCMI Capabilities Info", NetFn.GROUP_EXTENSION, 0x01, Privilege.USER,
                    Dcmi.CapabilitiesRequest::decode, Dcmi.Capabilities::decode);
    public static final CommandSpec<Dcmi.PowerReadingRequest, Dcmi.PowerReading> GET_POWER_READING =
            new CommandSpec<>("Get Power Reading", NetFn.GROUP_EXTENSION, 0x02, Privilege.USER,
                    Dcmi.PowerReadingRequest::decode, Dcmi.PowerReading::decode);

    /**
     * Whether a request may be executed twice without harm, for resending it after a loss or after a fresh
     * login: false for the commands marked non-idempotent and for any command not in this table (a raw request
     * may change anything). A group extension's command code means something else in another group (IPMI v2.0
     * §5.1: the group is the first data byte), so only DCMI's (group DCh) are taken from this table.
     */
    public static boolean idempotent(int netFn, int cmd, byte[] data) {
        if (netFn == NetFn.GROUP_EXTENSION && (data.length == 0 || (data[0] & 0xFF) != Dcmi.GROUP_ID)) {
            return false;
        }
        // A loop, not a stream: this runs for every command a host sends (issue 22, JFR: the stream and the
        // list it was built on were 2% of the engine's samples at 1,000 hosts, most of it interpreted).
        for (CommandSpec<?, ?> c : ALL) {
            if (c.matches(netFn, cmd)) {
                return c.idempotent();
            }
        }
        return false;
    }

    public static List<CommandSpec<?, ?>> all() {
        return ALL;
    }

    // Last in the class: static fields initialise in order, so every command above exists by now.
    private static final List<CommandSpec<?, ?>> ALL = List.of(GET_DEVICE_ID, COLD_RESET, WARM_RESET,
                GET_SELF_TEST_RESULTS, GET_CHANNEL_AUTH_CAPABILITIES, GET_SESSION_CHALLENGE, ACTIVATE_SESSION, SET_SESSION_PRIVILEGE, CLOSE_SESSION, GET_SESSION_INFO,
                GET_CHANNEL_CIPHER_SUITES, GET_CHASSIS_STATUS, CHASSIS_CONTROL, GET_DEVICE_GUID, GET_SYSTEM_GUID,
                GET_CHANNEL_INFO, GET_CHANNEL_ACCESS, GET_USER_ACCESS, GET_USER_NAME, CHASSIS_IDENTIFY,
                SET_POWER_RESTORE_POLICY, SET_SYSTEM_BOOT_OPTIONS, GET_SYSTEM_BOOT_OPTIONS, GET_SENSOR_READING,
                GET_SENSOR_THRESHOLDS, GET_FRU_INVENTORY_AREA_INFO, READ_FRU_DATA, GET_SDR_REPOSITORY_INFO,
                RESERVE_SDR_REPOSITORY, GET_SDR, GET_SEL_INFO, GET_SEL_ALLOCATION_INFO, RESERVE_SEL, GET_SEL_ENTRY,
                CLEAR_SEL, GET_SEL_TIME, SET_SEL_TIME, GET_LAN_CONFIG, SET_LAN_CONFIG, SET_USER_ACCESS,
                SET_USER_NAME, SET_USER_PASSWORD, GET_DCMI_CAPABILITIES, GET_POWER_READING, ACTIVATE_PAYLOAD,
                DEACTIVATE_PAYLOAD, GET_PAYLOAD_ACTIVATION_STATUS, GET_CHANNEL_PAYLOAD_SUPPORT, GET_SOL_CONFIG);
}
