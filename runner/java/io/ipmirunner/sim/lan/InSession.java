package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.PayloadMessages;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.cmd.CommandContext;
import io.ipmirunner.sim.cmd.CommandTable;
import io.ipmirunner.sim.fault.Quirk;
import java.util.List;
import java.util.Optional;

/**
 * Runs a request that arrived in an authenticated session: the session commands (IPMI v2.0 §22.18-§22.20)
 * here, where the sessions are, everything else through the {@link CommandTable}; each after checking the
 * session's privilege against the command's minimum (0xD4 when short) and rolling the busy fault.
 */
final class InSession {
    private static final int LEVEL_ABOVE_LIMIT = 0x81;
    private static final int INVALID_SESSION_ID = 0x87;
    private static final int INVALID_SESSION_HANDLE = 0x88;
    private static final int BY_HANDLE = 0xFE;
    private static final int BY_ID = 0xFF;

    private InSession() {}

    static Answer run(LanEndpoint e, ServerSession s, IpmiRequest req, long now) {
        try {
            if (Commands.SET_SESSION_PRIVILEGE.matches(req.netFn(), req.cmd())) {
                return allowed(s, Commands.SET_SESSION_PRIVILEGE) ? setPrivilege(s, req.data())
                        : Answer.INSUFFICIENT_PRIVILEGE;
            }
            if (Commands.CLOSE_SESSION.matches(req.netFn(), req.cmd())) {
                return allowed(s, Commands.CLOSE_SESSION) ? close(e, s, req.data(), now) : Answer.INSUFFICIENT_PRIVILEGE;
            }
            if (Commands.GET_SESSION_INFO.matches(req.netFn(), req.cmd())) {
                return allowed(s, Commands.GET_SESSION_INFO) ? info(e, s, req.data(), now)
                        : Answer.INSUFFICIENT_PRIVILEGE;
            }
            Answer payload = payloadCommand(e, s, req, now);
            if (payload != null) {
                return payload;
            }
        } catch (MalformedPacketException ex) {
            return Answer.LENGTH_INVALID;
        }
        Optional<CommandTable.Entry<?>> entry = CommandTable.find(req.netFn(), req.cmd());
        if (entry.isEmpty()) {
            return Answer.INVALID_COMMAND;
        }
        if (!allowed(s, entry.get().spec())) {
            return Answer.INSUFFICIENT_PRIVILEGE;
        }
        double busy = e.profile().faults().busyRate();
        if (busy > 0 && e.services().chance().nextDouble() < busy) {
            return Answer.BUSY;
        }
        return entry.get().run(new CommandContext(e.bmc(), now, e.sessions(now).activeCount(), e.address(),
                e.port()),
                req.data());
    }

    /**
     * The payload commands (IPMI v2.0 §24), here because SOL's one instance belongs to a session; null for any
     * other command. SOL needs RMCP+ (§24.1): a v1.5 session is refused as for an unknown command.
     */
    private static Answer payloadCommand(LanEndpoint e, ServerSession s, IpmiRequest req, long now)
            throws MalformedPacketException {
        SolPort sol = e.sol();
        SessionTable table = e.sessions(now);
        for (CommandSpec<?, ?> spec : List.of(Commands.ACTIVATE_PAYLOAD, Commands.DEACTIVATE_PAYLOAD,
                Commands.GET_PAYLOAD_ACTIVATION_STATUS, Commands.GET_CHANNEL_PAYLOAD_SUPPORT)) {
            if (!spec.matches(req.netFn(), req.cmd())) {
                continue;
            }
            if (!(s instanceof PlusSession plus)) {
                return Answer.INVALID_COMMAND;
            }
            if (!allowed(s, spec)) {
                return Answer.INSUFFICIENT_PRIVILEGE;
            }
            if (spec == Commands.ACTIVATE_PAYLOAD) {
                return sol.activate(table, plus, e.peer(), Commands.ACTIVATE_PAYLOAD.decodeRequest(req.data()),
                        e.reportedSolPort(), e.bmc().lan().sol(), e.profile().faults(), e.solServedHere());
            }
            if (spec == Commands.DEACTIVATE_PAYLOAD) {
                return sol.deactivate(table, Commands.DEACTIVATE_PAYLOAD.decodeRequest(req.data()),
                        e.services().crypto());
            }
            if (spec == Commands.GET_PAYLOAD_ACTIVATION_STATUS) {
                if (e.profile().faults().has(Quirk.NO_SOL_ACTIVATION_STATUS)) {
                    return Answer.INVALID_COMMAND;
                }
                return Commands.GET_PAYLOAD_ACTIVATION_STATUS.decodeRequest(req.data()).payloadType()
                        == PayloadType.SOL ? sol.status(table) : Answer.INVALID_FIELD;
            }
            Commands.GET_CHANNEL_PAYLOAD_SUPPORT.decodeRequest(req.data());
            if (e.profile().faults().has(Quirk.NO_CHANNEL_PAYLOAD_SUPPORT)) {
                return Answer.INVALID_COMMAND;
            }
            // IPMI and SOL; session set-up payloads 10h-15h (Table 24-9).
            return Answer.ok(new PayloadMessages.PayloadSupport(0x0003, 0x003F, 0, 0));
        }
        return null;
    }

    private static boolean allowed(ServerSession s, CommandSpec<?, ?> spec) {
        return s.privilege.atLeast(spec.minPrivilege());
    }

    /** §22.18: 0 asks for the present level; a level above the session's maximum is refused with 0x81. */
    private static Answer setPrivilege(ServerSession s, byte[] data) throws MalformedPacketException {
        int level = Commands.SET_SESSION_PRIVILEGE.decodeRequest(data).privilege();
        if (level != 0) {
            Optional<Privilege> p = Privilege.fromCode(level);
            if (p.isEmpty()) {
                return Answer.INVALID_FIELD;
            }
            if (!s.max.atLeast(p.get())) {
                return Answer.code(LEVEL_ABOVE_LIMIT);
            }
            s.privilege = p.get();
        }
        return Answer.ok(new SessionMessages.PrivilegeLevel(s.privilege.code()));
    }

    /** §22.19: a session may close itself; closing another one takes administrator privilege. */
    private static Answer close(LanEndpoint e, ServerSession s, byte[] data, long now)
            throws MalformedPacketException {
        ByteReader r = new ByteReader(data);
        int id = r.u32();
        SessionTable table = e.sessions(now);
        ServerSession target = id != 0 ? table.byId(id) : r.hasRemaining() ? table.byHandle(r.u8()) : null;
        if (target == null) {
            return Answer.code(id != 0 ? INVALID_SESSION_ID : INVALID_SESSION_HANDLE);
        }
        if (target != s && !s.privilege.atLeast(Privilege.ADMINISTRATOR)) {
            return Answer.INSUFFICIENT_PRIVILEGE;
        }
        table.remove(target);
        return Answer.OK;
    }

    /** §22.20: index 0 this session, n the n-th active one, 0xFE by handle, 0xFF by session id. */
    private static Answer info(LanEndpoint e, ServerSession s, byte[] data, long now) throws MalformedPacketException {
        ByteReader r = new ByteReader(data);
        int index = r.u8();
        SessionTable table = e.sessions(now);
        ServerSession target = switch (index) {
            case 0 -> s;
            case BY_HANDLE -> table.byHandle(r.u8());
            case BY_ID -> table.byId(r.u32());
            default -> table.nthActive(index);
        };
        int active = table.activeCount();
        if (target == null || !target.active()) {
            // Handle 0: no session under that index; the counts are still reported.
            return Answer.ok(new SessionMessages.InfoResponse(0, table.capacity(), active, 0, 0, 0, 0));
        }
        return Answer.ok(new SessionMessages.InfoResponse(target.handle, table.capacity(), active, target.user.id(),
                target.privilege.code(), PreSessionCommands.LAN_CHANNEL, target.protocol()));
    }
}
