package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.sim.BmcProfile;
import io.ipmirunner.sim.cmd.Answer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two discovery commands a BMC answers to anyone, outside a session: Get Channel Authentication
 * Capabilities (IPMI v2.0 §22.13) and Get Channel Cipher Suites (§22.15). They reveal only what the
 * channel accepts, never machine data.
 */
final class PreSessionCommands {
    static final int LAN_CHANNEL = 1;
    /** Status byte 3 bit 2: non-null user names enabled; per-message and user-level auth stay enabled. */
    private static final int NON_NULL_USERS = 0x04;
    private static final int V20_DATA = 0x80;
    private static final int V20_SUPPORTED = 0x02;
    private static final int V15_SUPPORTED = 0x01;
    private static final int LIST_SUITES = 0x80;

    private PreSessionCommands() {}

    static Answer authCapabilities(BmcProfile profile, byte[] data) throws MalformedPacketException {
        var q = Commands.GET_CHANNEL_AUTH_CAPABILITIES.decodeRequest(data);
        if (!lanChannel(q.channel()) || q.maxPrivilege() < 1 || q.maxPrivilege() > 5) {
            return Answer.INVALID_FIELD;
        }
        int authTypes = profile.settings().v15AuthTypes() & 0x37;
        // A v1.5-only BMC ignores the "v2.0 data" bit, which the v1.5 spec calls reserved.
        boolean v20 = q.v20Data() && profile.rmcpPlus();
        int extended = v20 ? V20_SUPPORTED | (authTypes != 0 ? V15_SUPPORTED : 0) : 0;
        return Answer.ok(new ChannelAuthCapabilities.Response(LAN_CHANNEL, authTypes | (v20 ? V20_DATA : 0),
                NON_NULL_USERS, extended, 0, 0));
    }

    /**
     * Pages of 16 bytes over the suite records (Table 22-19), or over the bare algorithm list when byte 3
     * bit 7 is clear. The request codec drops that bit, so byte 3 is read here.
     */
    static Answer cipherSuites(BmcProfile profile, byte[] data) throws MalformedPacketException {
        var q = Commands.GET_CHANNEL_CIPHER_SUITES.decodeRequest(data);
        if (!profile.rmcpPlus()) {
            return Answer.INVALID_COMMAND;
        }
        if (!lanChannel(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        ByteReader r = new ByteReader(data);
        r.skip(2);
        boolean bySuite = (r.u8() & LIST_SUITES) != 0;
        List<ChannelCipherSuites.SuiteRecord> records = new ArrayList<>();
        for (int id : profile.cipherSuites()) {
            CipherSuite s = CipherSuite.byId(id).orElseThrow();
            records.add(new ChannelCipherSuites.SuiteRecord(id, s.auth().code(), s.integrity().code(),
                    s.confidentiality().code(), false));
        }
        byte[] all = bySuite ? ChannelCipherSuites.encodeRecords(records) : algorithms(records);
        int from = Math.min(all.length, q.listIndex() * ChannelCipherSuites.PAGE_SIZE);
        int to = Math.min(all.length, from + ChannelCipherSuites.PAGE_SIZE);
        return Answer.ok(new ChannelCipherSuites.Response(LAN_CHANNEL, Arrays.copyOfRange(all, from, to)));
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

    private static boolean lanChannel(int channel) {
        return channel == LAN_CHANNEL || channel == ChannelAuthCapabilities.CURRENT_CHANNEL;
    }
}
