package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.sim.cmd.Answer;
import java.util.function.Function;

/**
 * How a simulated BMC answers a request inside an established session. {@code honest} is what the simulated
 * BMC itself answers to the same command with any request data. Everything but {@link #HONEST} is a
 * misbehaving BMC: the seam where tests (and drills) make one lie after a proper login, since a client
 * has to treat what a BMC says as untrusted input.
 */
@FunctionalInterface
public interface Answering {
    Answering HONEST = (request, honest) -> honest.apply(request.data());

    Answer answer(IpmiRequest request, Function<byte[], Answer> honest);
}
