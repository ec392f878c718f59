package io.ipmirunner.ipmi.command;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.command.app.DeviceId;
import io.ipmirunner.ipmi.command.app.SelfTestResult;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.command.chassis.ChassisStatus;
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
            "Cold Reset", NetFn.APP, 0x02, Privilege.ADMINISTRATOR, Empty::decode, Empty::decode);
    public static final CommandSpec<Empty, Empty> WARM_RESET = new CommandSpec<>(
            "Warm Reset", NetFn.APP, 0x03, Privilege.ADMINISTRATOR, Empty::decode, Empty::decode);
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
            "Chassis Control", NetFn.CHASSIS, 0x02, Privilege.OPERATOR, ChassisControl::decode, Empty::decode);

    public static List<CommandSpec<?, ?>> all() {
        return List.of(GET_DEVICE_ID, COLD_RESET, WARM_RESET, GET_SELF_TEST_RESULTS, GET_CHANNEL_AUTH_CAPABILITIES,
                GET_SESSION_CHALLENGE, ACTIVATE_SESSION, SET_SESSION_PRIVILEGE, CLOSE_SESSION, GET_SESSION_INFO,
                GET_CHANNEL_CIPHER_SUITES, GET_CHASSIS_STATUS, CHASSIS_CONTROL);
    }
}
