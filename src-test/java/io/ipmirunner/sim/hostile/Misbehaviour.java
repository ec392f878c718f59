package io.ipmirunner.sim.hostile;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.storage.Fru;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.lan.Answering;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * One way a BMC lies after an honest login. Set Session Privilege Level and Close Session (IPMI v2.0 §22.18,
 * §22.19) are answered honestly by all but {@link #WRONG_SESSION_ID}, so the client always gets a session.
 */
enum Misbehaviour {
    HONEST,
    /** Every reply with data loses its last byte. */
    TRUNCATED,
    /** Every successful reply has three bytes appended. */
    OVERSIZED,
    /** The bytes that give a reply its structure lie: Read FRU Data's count, an SDR's length, a SEL entry's ID. */
    MUTATED,
    /** In-session replies after the login carry another session's ID (done at the socket, see HostileBmc). */
    WRONG_SESSION_ID,
    ENDLESS_SDR,
    LOOPING_SDR,
    ENDLESS_SEL,
    LOOPING_SEL,
    /** Read FRU Data answers success with a count of 0. */
    ZERO_LENGTH_FRU,
    /** Node busy (0xC0) to every command, for ever. */
    BUSY;

    /** A fresh answering (the chain lies learn the honest chain's ends as they go). */
    Answering answering() {
        return switch (this) {
            case HONEST, WRONG_SESSION_ID -> Answering.HONEST;
            case TRUNCATED -> data(d -> d.length == 0 ? d : Arrays.copyOf(d, d.length - 1));
            case OVERSIZED -> data(d -> {
                byte[] out = Arrays.copyOf(d, d.length + 3);
                out[d.length] = (byte) 0xA5;
                return out;
            });
            case MUTATED -> (request, honest) -> mutated(request, honest.apply(request.data()));
            case ENDLESS_SDR -> new ChainLie(Commands.GET_SDR, true);
            case LOOPING_SDR -> new ChainLie(Commands.GET_SDR, false);
            case ENDLESS_SEL -> new ChainLie(Commands.GET_SEL_ENTRY, true);
            case LOOPING_SEL -> new ChainLie(Commands.GET_SEL_ENTRY, false);
            case ZERO_LENGTH_FRU -> (request, honest) -> Commands.READ_FRU_DATA.matches(request.netFn(), request.cmd())
                    ? Answer.ok(new Fru.ReadResponse(new byte[0])) : honest.apply(request.data());
            case BUSY -> (request, honest) -> session(request) ? honest.apply(request.data()) : Answer.BUSY;
        };
    }

    private static boolean session(IpmiRequest r) {
        return Commands.SET_SESSION_PRIVILEGE.matches(r.netFn(), r.cmd())
                || Commands.CLOSE_SESSION.matches(r.netFn(), r.cmd());
    }

    /** Successful replies of every command but the session ones, their data changed by {@code change}. */
    private static Answering data(UnaryOperator<byte[]> change) {
        return (request, honest) -> {
            Answer a = honest.apply(request.data());
            return session(request) || a.completionCode() != 0 ? a : new Answer(0, change.apply(a.data()));
        };
    }

    private static Answer mutated(IpmiRequest request, Answer a) {
        byte[] d = a.data();
        if (a.completionCode() != 0 || d.length == 0) {
            return a;
        }
        if (Commands.READ_FRU_DATA.matches(request.netFn(), request.cmd())) {
            d[0]++;
        } else if (Commands.GET_SDR.matches(request.netFn(), request.cmd()) && request.data()[4] == 0 && d.length > 6) {
            d[6] = (byte) 0xFF; // header byte 4: the record length
        } else if (Commands.GET_SEL_ENTRY.matches(request.netFn(), request.cmd()) && d.length > 3) {
            d[2] = 0x42; // the entry's own record ID: every entry claims the same one
            d[3] = 0;
        }
        return new Answer(0, d);
    }
}
