package io.ipmirunner.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.secret.Secret;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed packets from a BMC are an attack surface. Seeded random, truncated, bit-flipped, oversized
 * and replayed datagrams go through every client-side decoder: the only allowed outcomes are a value or a
 * {@link MalformedPacketException}; an established session drops every forged or replayed packet.
 */
class DecoderFuzzTest {
    private static final int ROUNDS = 100_000;
    private final Random rnd = new Random(0x1b2c3d4eL);

    private byte[] mutate(List<byte[]> seeds) {
        byte[] base = seeds.get(rnd.nextInt(seeds.size()));
        byte[] d;
        switch (rnd.nextInt(5)) {
            case 0 -> {
                d = new byte[rnd.nextInt(96)];
                rnd.nextBytes(d);
            }
            case 1 -> d = java.util.Arrays.copyOf(base, rnd.nextInt(base.length + 1));
            case 2 -> {
                d = base.clone();
                for (int i = rnd.nextInt(4) + 1; i > 0 && d.length > 0; i--) {
                    d[rnd.nextInt(d.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 3 -> {
                d = java.util.Arrays.copyOf(base, base.length + rnd.nextInt(1400));
                for (int i = base.length; i < d.length; i++) {
                    d[i] = (byte) rnd.nextInt();
                }
            }
            default -> {
                d = base.clone();
                if (d.length > 20) {
                    d[rnd.nextInt(d.length - 16) + 16] = (byte) rnd.nextInt(); // lengths and payload bytes
                }
            }
        }
        return d;
    }

    private RmcpPlusSession session(int sid) {
        CipherSuite suite = CipherSuite.byId(3).orElseThrow();
        byte[] pw = "pw".getBytes();
        SessionKeys keys = SessionKeys.derive(suite.auth(), null, pw, new byte[16], new byte[16], 0x14, pw);
        return new RmcpPlusSession(suite, keys, pw, 0x01020304, sid, Privilege.ADMINISTRATOR, new SecureRandom());
    }

    @Test
    void decodersNeverThrowAnythingButMalformed() {
        RmcpPlusSession sender = session(0x0A0B0C0D);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeds.add(sender.encode(IpmiRequest.toBmc(0x06, 0x01, i, new byte[i * 3])));
        }
        seeds.add(new io.ipmirunner.ipmi.wire.V15Packet(0, 0, 0, new byte[0],
                IpmiRequest.toBmc(0x06, 0x38, 0, new byte[] {(byte) 0x8e, 4}).encode()).encode());
        seeds.add(io.ipmirunner.ipmi.wire.AsfMessage.pong(1, true).encode());

        SessionConfig cfg = SessionConfig.of("admin", Secret.of("pw", "t"));
        int decoded = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] d = mutate(seeds);
            LanPacket p;
            try {
                p = LanPacket.decode(d);
            } catch (MalformedPacketException e) {
                continue;
            }
            decoded++;
            // An established session and each login state must take any parseable packet without throwing.
            assertNotNull(session(0x0A0B0C0D).decode(p));
            DiscoveryLogin discovery = new DiscoveryLogin("fuzz", cfg, new SecureRandom());
            discovery.start();
            assertNotNull(discovery.onPacket(p));
            RmcpPlusLogin login = new RmcpPlusLogin("fuzz", cfg.withCipherSuite(3), new SecureRandom());
            login.start();
            assertNotNull(login.onPacket(p));
        }
        org.junit.jupiter.api.Assertions.assertTrue(decoded > ROUNDS / 10, "the fuzzer reaches the session layer");
    }

    /** A response as the BMC would send it in the session: encrypted with K2, signed with K1. */
    private static byte[] fromBmc(int consoleSid, int seq, io.ipmirunner.ipmi.wire.IpmiResponse r) {
        CipherSuite suite = CipherSuite.byId(3).orElseThrow();
        byte[] pw = "pw".getBytes();
        SessionKeys keys = SessionKeys.derive(suite.auth(), null, pw, new byte[16], new byte[16], 0x14, pw);
        byte[] payload = io.ipmirunner.ipmi.crypto.PayloadCipher.encrypt(suite.confidentiality(), keys.k2(),
                r.encode(), new SecureRandom());
        return io.ipmirunner.ipmi.wire.V20Packet.encode(0, true, consoleSid, seq, payload,
                (d, off, len) -> io.ipmirunner.ipmi.crypto.PayloadIntegrity.authCode(suite.integrity(), keys.k1(), pw,
                        d, off, len));
    }

    @Test
    void forgedAndReplayedPacketsAreDropped() throws Exception {
        RmcpPlusSession client = session(0x0A0B0C0D);
        var response = IpmiRequest.toBmc(0x06, 0x01, 1, new byte[0])
                .respond(io.ipmirunner.ipmi.wire.CompletionCode.OK, new byte[] {1, 2});
        byte[] genuine = fromBmc(0x0A0B0C0D, 5, response);
        assertInstanceOf(Decoded.Accepted.class, client.decode(LanPacket.decode(genuine)));
        assertInstanceOf(Decoded.Dropped.class, client.decode(LanPacket.decode(genuine)), "replay");
        byte[] forged = fromBmc(0x0A0B0C0D, 6, response);
        forged[30] ^= 0x01;
        assertInstanceOf(Decoded.Dropped.class, client.decode(LanPacket.decode(forged)), "bad AuthCode");
        assertInstanceOf(Decoded.NotMine.class, client.decode(LanPacket.decode(fromBmc(0x0A0B0C0E, 7, response))));
        byte[] unsigned = io.ipmirunner.ipmi.wire.V20Packet.encode(0, false, 0x0A0B0C0D, 8, response.encode(), null);
        assertInstanceOf(Decoded.Dropped.class, client.decode(LanPacket.decode(unsigned)), "downgrade");
        assertInstanceOf(Decoded.Accepted.class, client.decode(LanPacket.decode(fromBmc(0x0A0B0C0D, 6, response))),
                "a late genuine packet inside the window still counts");
    }
}
