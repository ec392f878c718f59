package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.SimulatedBmc;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.SimUser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Get Channel Authentication Capabilities (IPMI v2.0 §22.13) and Get Channel Cipher Suites (§22.15): the
 * discovery commands, answered the same way before a session (to anyone) and inside one (real BMCs do both,
 * and audits ask inside). They reveal only what the channel accepts, never machine data.
 */
public final class ChannelHandlers {
    /** Status byte 3: bit 2 non-null user names, bit 1 null user names, bit 0 anonymous login (Table 22-15). */
    /** Byte 3 of the response (§22.13, Table 22-15): bit 4, per-message authentication is disabled. */
    private static final int PER_MESSAGE_AUTH_DISABLED = 0x10;
    private static final int NON_NULL_USERS = 0x04;
    private static final int NULL_USERS = 0x02;
    private static final int ANONYMOUS_LOGIN = 0x01;
    private static final int V20_DATA = 0x80;
    private static final int V20_SUPPORTED = 0x02;
    private static final int V15_SUPPORTED = 0x01;

    private ChannelHandlers() {}

    public static Answer authCapabilities(SimulatedBmc bmc, ChannelAuthCapabilities.Request q) {
        BmcProfile profile = bmc.profile();
        if (!AppHandlers.lan(q.channel()) || q.maxPrivilege() < 1 || q.maxPrivilege() > 5) {
            return Answer.INVALID_FIELD;
        }
        int authTypes = profile.v15AuthTypes() & 0x37;
        // A v1.5-only BMC ignores the "v2.0 data" bit, which the v1.5 spec calls reserved.
        boolean v20 = q.v20Data() && profile.rmcpPlus();
        int extended = v20 ? V20_SUPPORTED | (authTypes != 0 ? V15_SUPPORTED : 0) : 0;
        int users = profile.faults().has(Quirk.BAD_AUTH_CAPABILITIES) ? 0 : userStatus(bmc.users().all());
        if (profile.faults().has(Quirk.UNEXPECTED_V15_AUTH)
                || profile.faults().has(Quirk.V15_PER_MESSAGE_AUTH_REQUIRED)) {
            users |= PER_MESSAGE_AUTH_DISABLED;
        }
        return Answer.ok(new ChannelAuthCapabilities.Response(AppHandlers.LAN_CHANNEL,
                authTypes | (v20 ? V20_DATA : 0), users, extended, 0, 0));
    }

    static Answer authCapabilities(CommandContext c, ChannelAuthCapabilities.Request q) {
        return authCapabilities(c.bmc(), q);
    }

    /** Per-message and user-level authentication stay enabled; the user bits follow who may log in now. */
    private static int userStatus(List<SimUser> users) {
        int status = 0;
        for (SimUser u : users) {
            if (!u.canLogIn()) {
                continue;
            }
            if (!u.name().isEmpty()) {
                status |= NON_NULL_USERS;
            } else {
                status |= u.password().isEmpty() ? ANONYMOUS_LOGIN : NULL_USERS;
            }
        }
        return status;
    }

    /** Pages of 16 bytes over the suite records (Table 22-19), or over the bare algorithm list. */
    public static Answer cipherSuites(BmcProfile profile, ChannelCipherSuites.Request q) {
        if (!profile.rmcpPlus()) {
            return Answer.INVALID_COMMAND;
        }
        if (!AppHandlers.lan(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        List<ChannelCipherSuites.SuiteRecord> records = new ArrayList<>();
        for (int id : profile.cipherSuites()) {
            CipherSuite s = CipherSuite.byId(id).orElseThrow();
            records.add(new ChannelCipherSuites.SuiteRecord(id, s.auth().code(), s.integrity().code(),
                    s.confidentiality().code(), false));
        }
        byte[] all = q.bySuite() ? ChannelCipherSuites.encodeRecords(records) : algorithms(records);
        int from = Math.min(all.length, q.listIndex() * ChannelCipherSuites.PAGE_SIZE);
        int to = Math.min(all.length, from + ChannelCipherSuites.PAGE_SIZE);
        return Answer.ok(new ChannelCipherSuites.Response(AppHandlers.LAN_CHANNEL, Arrays.copyOfRange(all, from, to)));
    }

    static Answer cipherSuites(CommandContext c, ChannelCipherSuites.Request q) {
        return cipherSuites(c.bmc().profile(), q);
    }

    /** Each algorithm byte once, tagged as in the records: the answer to "list supported algorithms". */
    private static byte[] algorithms(List<ChannelCipherSuites.SuiteRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] seen = new boolean[256];
        byte[] all = ChannelCipherSuites.encodeRecords(records);
        for (int i = 0; i + 5 <= all.length; i += 5) {
            for (int k = 2; k < 5; k++) {
                int b = all[i + k] & 0xFF;
                if (!seen[b]) {
                    seen[b] = true;
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }
}
