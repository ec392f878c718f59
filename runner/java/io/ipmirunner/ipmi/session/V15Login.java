package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.SessionMessages;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import io.ipmirunner.ipmi.wire.LanPacket;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.ipmi.wire.V15Packet;
import java.security.SecureRandom;

/**
 * IPMI v1.5 session activation (IPMI v2.0 §6.12.3, §22.16-§22.17): Get Session Challenge, then Activate
 * Session authenticated with the challenge, then Set Session Privilege Level. A BMC that cannot verify our
 * Activate Session auth code usually stays silent, so running out of time there most likely means a wrong
 * password, and is reported as such.
 */
public final class V15Login implements Login {
    private final String host;
    private final SessionConfig config;
    private final SecureRandom random;
    private final byte[] password;
    private final int authType;
    private final IpmiException unusable;

    /** Unanswered Activate Session attempts (each after a fresh challenge) before calling it a wrong password. */
    static final int ACTIVATE_ATTEMPTS = 3;

    private Awaiting awaiting = Awaiting.CHALLENGE;
    private int silentActivates;
    private int lostChallenges;
    private int rqSeq;
    private int tempSid;
    private byte[] last;

    V15Login(String host, SessionConfig config, ChannelAuthCapabilities.Response caps, SecureRandom random) {
        this.host = host;
        this.config = config;
        this.random = random;
        this.password = config.password().reveal();
        int chosen = config.v15AuthType().orElse(strongest(caps));
        this.authType = chosen;
        this.unusable = chosen < 0 || !caps.supportsAuthType(chosen)
                ? new IpmiException.ProtocolError(host, Phase.DISCOVERY, "the BMC allows none of the IPMI v1.5 auth "
                        + "types asked for (it offers mask 0x" + Integer.toHexString(caps.authTypes() & 0x37) + ")")
                : null;
    }

    static int strongest(ChannelAuthCapabilities.Response caps) {
        for (int t : new int[] {Ipmi15AuthCode.MD5, Ipmi15AuthCode.MD2, Ipmi15AuthCode.STRAIGHT}) {
            if (caps.supportsAuthType(t)) {
                return t;
            }
        }
        return -1;
    }

    static String authTypeName(int type) {
        return switch (type) {
            case Ipmi15AuthCode.NONE -> "none";
            case Ipmi15AuthCode.MD2 -> "MD2";
            case Ipmi15AuthCode.MD5 -> "MD5";
            case Ipmi15AuthCode.STRAIGHT -> "straight password";
            default -> "OEM " + type;
        };
    }

    @Override
    public Awaiting awaiting() {
        return awaiting;
    }

    @Override
    public Step start() {
        if (unusable != null) {
            return new Step.Failed(unusable, null);
        }
        return challenge();
    }

    private Step challenge() {
        awaiting = Awaiting.CHALLENGE;
        var req = new SessionMessages.ChallengeRequest(authType, config.usernameBytes());
        return send(PreSession.v15(Commands.GET_SESSION_CHALLENGE, req, nextSeq()));
    }

    private Step send(byte[] d) {
        last = d;
        return new Step.Send(d);
    }

    private int nextSeq() {
        rqSeq = rqSeq + 1 & 0x3F;
        return rqSeq;
    }

    @Override
    public Step onPacket(LanPacket packet) {
        try {
            return switch (awaiting) {
                case CHALLENGE -> onChallenge(packet);
                case ACTIVATION -> onActivate(packet);
                default -> new Step.Wait("unexpected");
            };
        } catch (MalformedPacketException e) {
            return new Step.Wait("malformed: " + e.getMessage());
        }
    }

    private Step onChallenge(LanPacket packet) throws MalformedPacketException {
        IpmiResponse r = PreSession.response(packet, Commands.GET_SESSION_CHALLENGE, rqSeq);
        if (r == null) {
            return new Step.Wait("not a challenge reply");
        }
        int cc = r.completionCode().code();
        if (cc == 0x81 || cc == 0x82) {
            return new Step.Failed(new IpmiException.AuthenticationFailed(host, Phase.CHALLENGE,
                    cc == 0x81 ? "invalid user name" : "null user name not enabled"), null);
        }
        if (!r.completionCode().isOk()) {
            return new Step.Failed(new IpmiException.CompletionCodeError(host, Phase.CHALLENGE,
                    Commands.GET_SESSION_CHALLENGE.name(), r.completionCode()), null);
        }
        var ch = SessionMessages.ChallengeResponse.decode(new ByteReader(r.data()));
        tempSid = ch.temporarySessionId();
        awaiting = Awaiting.ACTIVATION;
        int initialOutbound = random.nextInt() | 1;
        var req = new SessionMessages.ActivateRequest(authType, config.privilege().code(), ch.challenge(),
                initialOutbound);
        var spec = Commands.ACTIVATE_SESSION;
        byte[] msg = IpmiRequest.toBmc(spec.netFn(), spec.cmd(), nextSeq(), req.toBytes()).encode();
        byte[] code = Ipmi15AuthCode.compute(authType, password, tempSid, msg, 0);
        return send(new V15Packet(authType, 0, tempSid, code, msg).encode());
    }

    private Step onActivate(LanPacket packet) throws MalformedPacketException {
        if (!(packet instanceof V15Packet p) || p.sessionId() != tempSid && p.sessionId() != 0) {
            return new Step.Wait("not an activate reply");
        }
        IpmiResponse r = IpmiResponse.decode(p.message());
        var spec = Commands.ACTIVATE_SESSION;
        if (!r.answers(spec.netFn(), spec.cmd(), rqSeq)) {
            return new Step.Wait("stale activate reply");
        }
        int cc = r.completionCode().code();
        if (cc == 0x81 || cc == 0x82 || cc == 0x83) {
            // No session slot (overall, for this user, at this privilege): the BMC is busy, not refusing us.
            return new Step.SendLater(((Step.Send) challenge()).datagram(), RmcpPlusLogin.BUSY_DELAY_MILLIS);
        }
        if ((cc == 0x84 || cc == 0x85) && ++lostChallenges <= HandshakeStatus.LOST_RESTARTS) {
            // 84h/85h (§22.17): our challenge's temporary session is gone (the BMC restarted or timed it out).
            return challenge();
        }
        if (cc == 0x86) {
            return new Step.Failed(new IpmiException.AuthenticationFailed(host, Phase.ACTIVATE,
                    "privilege " + config.privilege().label() + " exceeds the user's or channel's limit"), null);
        }
        if (!r.completionCode().isOk()) {
            return new Step.Failed(new IpmiException.CompletionCodeError(host, Phase.ACTIVATE, spec.name(),
                    r.completionCode()), null);
        }
        var a = SessionMessages.ActivateResponse.decode(new ByteReader(r.data()));
        if (a.sessionId() == 0) {
            // IPMI v2.0 §22.17 Table 22-21 (and §6.12.6): session id 0 is reserved for messages outside a
            // session, so it cannot name this one.
            return new Step.Failed(new IpmiException.ProtocolError(host, Phase.ACTIVATE, Login.SESSION_ID_ZERO), null);
        }
        // The session goes on in the auth type Activate Session grants (none when per-message authentication
        // is disabled), unless the host's ipmi_workarounds say the BMC wants signed requests anyway.
        int sessionAuth = config.workarounds().contains(Workaround.FORCEPERMSG) ? authType : a.authType();
        var session = new Ipmi15Session(sessionAuth, authType, password, a.sessionId(), a.initialInboundSeq(),
                Privilege.USER, !config.workarounds().contains(Workaround.NOAUTHCODECHECK));
        if (!config.privilege().atLeast(Privilege.OPERATOR)) {
            session.privilegeGranted(config.privilege());
            return new Step.Established(session);
        }
        return new Step.RaisePrivilege(session, config.privilege());
    }

    @Override
    public Step onTimeout() {
        return switch (awaiting) {
            case ACTIVATION -> ++silentActivates >= ACTIVATE_ATTEMPTS ? wrongPassword() : challenge();
            default -> new Step.Send(last);
        };
    }

    /** The BMC answers challenges but never our Activate Session: it could not verify our auth code. */
    private Step wrongPassword() {
        return new Step.Failed(new IpmiException.AuthenticationFailed(host, Phase.ACTIVATE, config.password().isEmpty()
                ? IpmiException.AuthenticationFailed.noPassword("no answer to Activate Session")
                : "no answer to Activate Session (wrong password or auth type?)"), null);
    }

    @Override
    public Step onDeadline(long waitedMillis, int attempts, boolean heard) {
        if (awaiting == Awaiting.ACTIVATION || awaiting == Awaiting.CHALLENGE && tempSid != 0) {
            return wrongPassword();
        }
        Phase phase = awaiting.phase();
        IpmiException e = heard ? new IpmiException.Timeout(host, phase, waitedMillis, attempts)
                : new IpmiException.Unreachable(host, phase, waitedMillis);
        return new Step.Failed(e, null);
    }
}
