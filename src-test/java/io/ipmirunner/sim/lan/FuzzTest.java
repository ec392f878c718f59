package io.ipmirunner.sim.lan;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.NetFn;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.wire.AsfMessage;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V15Packet;
import io.ipmirunner.ipmi.wire.V20Packet;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 100,000 seeded random, truncated, bit-flipped, replayed and oversized datagrams at one BMC's packet
 * handler. Properties: it never throws; whatever it sends decodes; nothing but discovery and handshake
 * messages answers input that is not authenticated (every captured session packet has been used once, so
 * a replay or a mutation of one must stay unanswered); and a well-behaved console logs in afterwards.
 */
class FuzzTest {
    private static final int ROUNDS = 100_000;
    private static final int PONG = 0;
    private static final int DISCOVERY = 1;
    private static final int HANDSHAKE = 2;
    private static final Set<Integer> PRE_SESSION_COMMANDS = Set.of(0x38, 0x39, 0x54);
    private static final Set<Integer> HANDSHAKE_REPLIES = Set.of(PayloadType.OPEN_SESSION_RESPONSE,
            PayloadType.RAKP_2, PayloadType.RAKP_4);

    // Suites with integrity only, v1.5 MD5 only: then every in-session packet is authenticated.
    private final BmcSettings settings = BmcSettings.DEFAULTS.withCipherSuites(List.of(3, 17));
    private final LanEndpoint bmc = SimHarness.endpoint(SimHarness.profile(settings, FaultProfile.NONE), T0);

    @Test
    void survivesGarbageAndServesAWellFormedConsoleAfterwards() {
        List<byte[]> corpus = capture();
        SplittableRandom random = new SplittableRandom(0x5EED);
        long now = T0 + 1_000;
        int[] kinds = new int[3];
        for (int i = 0; i < ROUNDS; i++) {
            byte[] d = mutate(corpus.get(random.nextInt(corpus.size())), random);
            now += 1;
            Optional<byte[]> reply;
            try {
                reply = bmc.handle(d, now);
            } catch (RuntimeException e) {
                throw new AssertionError("round " + i + " threw on " + HexFormat.of().formatHex(d), e);
            }
            reply.ifPresent(r -> kinds[checkAllowed(r, d)]++);
        }
        // The mutations reach past framing: discovery, pong and handshake answers all occur.
        assertTrue(kinds[PONG] > 0 && kinds[DISCOVERY] > 0 && kinds[HANDSHAKE] > 0, Arrays.toString(kinds));
        now += 120_000; // past the idle timeout of anything the fuzzing opened
        for (var config : List.of(SimHarness.admin().withCipherSuite(17),
                SimHarness.admin().withVersion(IpmiVersion.V15).withV15AuthType(Ipmi15AuthCode.MD5))) {
            ActiveSession s = SimHarness.session(bmc, config, now);
            assertEquals(674, SimHarness.ok(bmc, s, Commands.GET_DEVICE_ID, Empty.INSTANCE, now).manufacturerId());
        }
    }

    /**
     * Inside an authenticated session the handlers get whatever a console sends: random network functions,
     * commands and data. Every request is answered (a completion code at least) and nothing throws.
     */
    @Test
    void authenticatedGarbageRequestsAlwaysGetACompletionCode() {
        SplittableRandom random = new SplittableRandom(0xC0DE);
        int[] netFns = {0x00, 0x04, 0x06, 0x0A, 0x0C, 0x2C, 0x2E, 0x30};
        for (var config : List.of(SimHarness.admin().withCipherSuite(17),
                SimHarness.admin().withVersion(IpmiVersion.V15).withV15AuthType(Ipmi15AuthCode.MD5))) {
            ActiveSession s = SimHarness.session(bmc, config, T0);
            for (int i = 0; i < 20_000; i++) {
                int netFn = netFns[random.nextInt(netFns.length)];
                int cmd = random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(0x60);
                if (netFn == 0x06 && (cmd == 0x02 || cmd == 0x3C)) {
                    continue; // cold reset and close session would end the session being fuzzed
                }
                byte[] data = new byte[random.nextInt(random.nextBoolean() ? 8 : 40)];
                random.nextBytes(data);
                byte[] d = s.encode(IpmiRequest.toBmc(netFn, cmd, i, data));
                var r = SimHarness.send(bmc, s, d, T0 + i);
                assertTrue(r.isPresent(), String.format("netFn 0x%02x cmd 0x%02x data %s unanswered", netFn, cmd,
                        HexFormat.of().formatHex(data)));
                assertEquals(cmd, r.get().cmd());
            }
        }
    }

    /** Real traffic to mutate: three logins and a few requests, each datagram already delivered once. */
    private List<byte[]> capture() {
        List<byte[]> corpus = new ArrayList<>();
        for (var config : List.of(SimHarness.admin().withCipherSuite(3), SimHarness.admin().withCipherSuite(17),
                SimHarness.admin().withVersion(IpmiVersion.V15).withV15AuthType(Ipmi15AuthCode.MD5))) {
            ActiveSession s = SimHarness.session(bmc, config, T0, corpus::add);
            var spec = Commands.GET_CHASSIS_STATUS;
            for (int k = 0; k < 3; k++) {
                byte[] d = s.encode(IpmiRequest.toBmc(spec.netFn(), spec.cmd(), k, new byte[0]));
                corpus.add(d);
                assertTrue(bmc.handle(d, T0).isPresent());
            }
        }
        corpus.add(AsfMessage.ping(7).encode());
        return corpus;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> { // noise of any length, sometimes with a valid RMCP header
                byte[] b = new byte[r.nextInt(300)];
                r.nextBytes(b);
                if (b.length > 4 && r.nextBoolean()) {
                    b[0] = 0x06;
                    b[2] = (byte) 0xFF;
                    b[3] = (byte) (r.nextBoolean() ? 0x07 : 0x06);
                    if (b.length > 5 && r.nextBoolean()) {
                        b[4] = (byte) (r.nextBoolean() ? 0x06 : 0x00);
                    }
                }
                yield b;
            }
            case 1 -> Arrays.copyOf(seed, r.nextInt(seed.length + 1)); // truncated
            case 2 -> { // bit flips
                byte[] b = seed.clone();
                for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    int bit = r.nextInt(b.length * 8);
                    b[bit / 8] ^= (byte) (1 << bit % 8);
                }
                yield b;
            }
            case 3 -> seed.clone(); // replayed as is
            case 4 -> { // oversized: the seed with junk after it
                byte[] b = Arrays.copyOf(seed, seed.length + 1 + r.nextInt(1_500));
                for (int k = seed.length; k < b.length; k++) {
                    b[k] = (byte) r.nextInt();
                }
                yield b;
            }
            default -> { // one byte set to an extreme value (length fields, ids)
                byte[] b = seed.clone();
                if (b.length > 0) {
                    b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? 0xFF : 0x00);
                }
                yield b;
            }
        };
    }

    /** Fails unless the reply is one an unauthenticated sender may get; returns which kind it is. */
    private static int checkAllowed(byte[] reply, byte[] request) {
        String context = " in reply to " + HexFormat.of().formatHex(request);
        try {
            switch (LanPacket.decode(reply)) {
                case AsfMessage a -> {
                    assertEquals(AsfMessage.PRESENCE_PONG, a.type(), "ASF" + context);
                    return PONG;
                }
                case V15Packet p -> {
                    assertEquals(0, p.sessionId(), "v1.5 session reply" + context);
                    preSession(IpmiResponse.decode(p.message()), context);
                    return DISCOVERY;
                }
                case V20Packet p -> {
                    if (p.payloadType() == PayloadType.IPMI) {
                        assertEquals(0, p.sessionId(), "RMCP+ session reply" + context);
                        preSession(IpmiResponse.decode(p.payload()), context);
                        return DISCOVERY;
                    }
                    assertTrue(HANDSHAKE_REPLIES.contains(p.payloadType()), "payload type " + p.payloadType()
                            + context);
                    return HANDSHAKE;
                }
            }
        } catch (MalformedPacketException e) {
            return fail("the BMC sent a malformed packet: " + e.getMessage() + context);
        }
    }

    private static void preSession(IpmiResponse r, String context) {
        if (r.netFn() != (NetFn.APP | 1) || !PRE_SESSION_COMMANDS.contains(r.cmd())) {
            fail(String.format("answered netFn 0x%02x cmd 0x%02x outside a session%s", r.netFn(), r.cmd(), context));
        }
    }
}
