package io.ipmirunner.sim.hostile;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.lan.Answering;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded random lies to every in-session request but the session's own (Set Session Privilege Level, Close
 * Session): bytes flipped, the reply cut short or extended, or another completion code. One in ten replies
 * is left honest, so walks get some way before they meet a lie.
 */
final class FuzzedAnswers implements Answering {
    private final SplittableRandom random;
    private int mutated;

    FuzzedAnswers(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int mutated() {
        return mutated;
    }

    @Override
    public Answer answer(IpmiRequest request, Function<byte[], Answer> honest) {
        Answer a = honest.apply(request.data());
        if (Commands.SET_SESSION_PRIVILEGE.matches(request.netFn(), request.cmd())
                || Commands.CLOSE_SESSION.matches(request.netFn(), request.cmd()) || random.nextInt(10) == 0) {
            return a;
        }
        mutated++;
        byte[] d = a.data();
        return switch (random.nextInt(8)) {
            // Not 0xC0: busy is retried with pauses, and the busy case has its own test.
            case 0 -> Answer.code(0xC1 + random.nextInt(0x3E));
            case 1, 2 -> new Answer(0, Arrays.copyOf(d, d.length == 0 ? 0 : random.nextInt(d.length)));
            case 3, 4 -> {
                byte[] longer = Arrays.copyOf(d, d.length + 1 + random.nextInt(16));
                for (int i = d.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                yield new Answer(0, longer);
            }
            default -> {
                for (int n = 1 + random.nextInt(3); n > 0 && d.length > 0; n--) {
                    d[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield new Answer(0, d);
            }
        };
    }
}
