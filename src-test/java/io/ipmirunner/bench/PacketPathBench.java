package io.ipmirunner.bench;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.crypto.AuthAlgorithm;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.IntegrityAlgorithm;
import io.ipmirunner.ipmi.crypto.PayloadCipher;
import io.ipmirunner.ipmi.crypto.PayloadIntegrity;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.session.Decoded;
import io.ipmirunner.ipmi.session.RmcpPlusSession;
import io.ipmirunner.ipmi.wire.CompletionCode;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.PayloadType;
import io.ipmirunner.ipmi.wire.V20Packet;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-packet and per-login CPU of the engine, cipher suite 3 (RAKP-HMAC-SHA1, HMAC-SHA1-96,
 * AES-CBC-128): what bounds how many BMCs one core can serve. Not a JUnit test, so {@code mvn verify} never
 * runs it; {@code bench/jmh} does (docs/benchmark.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketPathBench {
    private static final CipherSuite SUITE_3 = CipherSuite.byId(3).orElseThrow();
    private static final int CONSOLE_ID = 0x0A0B0C0D;
    private static final int BMC_ID = 0x01020304;
    private static final byte[] USER = "admin".getBytes(StandardCharsets.US_ASCII);
    private static final int ROLE = 0x14;

    private final SecureRandom random = new SecureRandom();
    private final byte[] kuid = "bench-password".getBytes(StandardCharsets.US_ASCII);
    private final byte[] rm = new byte[16];
    private final byte[] rc = new byte[16];
    private final byte[] guid = new byte[16];
    private final byte[] chassisStatus = new byte[] {0x61, 0x10, 0x00, 0x70};
    private SessionKeys keys;
    private RmcpPlusSession session;
    private byte[] responseDatagram;
    private byte[] framed;
    private int rqSeq;

    @Setup
    public void setUp() {
        random.nextBytes(rm);
        random.nextBytes(rc);
        random.nextBytes(guid);
        keys = SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA1, null, kuid, rm, rc, ROLE, USER);
        session = newSession();
        // A Get Chassis Status response (IPMI v2.0 §28.2) as a BMC sends it: encrypted, then signed.
        var response = new IpmiResponse(0x81, 0x01, 0, 0x20, 1, 0, 0x01, CompletionCode.OK, chassisStatus);
        framed = response.encode();
        byte[] payload = PayloadCipher.encrypt(SUITE_3.confidentiality(), keys.k2(), framed, random);
        responseDatagram = V20Packet.encode(PayloadType.IPMI, true, CONSOLE_ID, 1, payload,
                (d, off, len) -> PayloadIntegrity.authCode(IntegrityAlgorithm.HMAC_SHA1_96, keys.k1(), kuid, d, off, len));
    }

    private RmcpPlusSession newSession() {
        return new RmcpPlusSession(SUITE_3, keys, kuid, BMC_ID, CONSOLE_ID, Privilege.ADMINISTRATOR, random);
    }

    /** Framing, AES-CBC-128 with a fresh IV, HMAC-SHA1-96 of one request. */
    @Benchmark
    public byte[] encodeRequest() {
        rqSeq = rqSeq + 1 & 0x3F;
        return session.encode(IpmiRequest.toBmc(0x00, 0x01, rqSeq, new byte[0]));
    }

    /** Parsing, integrity check, decryption and response decoding of one reply (a fresh session each time, so
     *  the sequence window never calls it a duplicate). */
    @Benchmark
    public Decoded decodeResponse() throws MalformedPacketException {
        return newSession().decode(LanPacket.decode(responseDatagram));
    }

    /** The two crypto steps alone on a request-sized payload. */
    @Benchmark
    public byte[] integrityAndConfidentiality() {
        byte[] payload = PayloadCipher.encrypt(SUITE_3.confidentiality(), keys.k2(), framed, random);
        return PayloadIntegrity.authCode(IntegrityAlgorithm.HMAC_SHA1_96, keys.k1(), kuid, payload, 0, payload.length);
    }

    /** A console's crypto for one login: check RAKP 2, sign RAKP 3, derive SIK/K1/K2, check RAKP 4. */
    @Benchmark
    public boolean sessionEstablishment() {
        byte[] rakp2 = Rakp.rakp2KeyExchangeAuthCode(AuthAlgorithm.RAKP_HMAC_SHA1, kuid, CONSOLE_ID, BMC_ID, rm, rc,
                guid, ROLE, USER);
        byte[] rakp3 = Rakp.rakp3KeyExchangeAuthCode(AuthAlgorithm.RAKP_HMAC_SHA1, kuid, rc, CONSOLE_ID, ROLE, USER);
        SessionKeys k = SessionKeys.derive(AuthAlgorithm.RAKP_HMAC_SHA1, null, kuid, rm, rc, ROLE, USER);
        byte[] icv = Rakp.rakp4IntegrityCheckValue(AuthAlgorithm.RAKP_HMAC_SHA1, k.sik(), rm, BMC_ID, guid);
        return Rakp.constantTimeEquals(rakp2, rakp3) | icv.length == 0;
    }
}
