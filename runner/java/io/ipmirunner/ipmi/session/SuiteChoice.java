package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.crypto.CipherSuite;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which cipher suite a login proposes in Open Session, and what it makes of the BMC's answer.
 *
 * <p>Without a suite from the operator the login proposes 17, then 3 when the BMC refuses 17's algorithms
 * (§13.17, Table 13-15: status 04h, 05h, 10h, 11h) or twice does not answer. The specification lets a BMC
 * accept the proposal or refuse it; some answer status 0 with algorithms of their own instead: pyghmi's Bmc
 * (Debian python3-pyghmi, class pyghmi.ipmi.bmc.Bmc) always answers with suite 3's. ipmitool fails such a
 * login ("... is not what we requested"). Here the substitute is taken when it is a suite the login would
 * have proposed next anyway, so a login never ends weaker than a refusal would have made it, and it costs
 * no second Open Session (which would leave the first half-open on the BMC). A suite the operator forced is
 * never replaced: the login fails saying what the BMC offered.
 */
final class SuiteChoice {
    /** Unanswered Open Sessions proposing a preferred suite before the next one is proposed. */
    static final int SILENT_PROPOSALS = 2;

    private final boolean forced;
    /** Suites still to propose after {@link #current} when the BMC refuses it; empty once one was accepted. */
    private final ArrayDeque<CipherSuite> fallbacks = new ArrayDeque<>();
    private CipherSuite current;
    private int silentProposals;

    SuiteChoice(OptionalInt forcedId) {
        forced = forcedId.isPresent();
        if (forced) {
            int id = forcedId.getAsInt();
            current = CipherSuite.byId(id).orElseThrow(() -> new IllegalArgumentException("cipher suite " + id));
        } else {
            fallbacks.addAll(CipherSuite.defaultPreference());
            current = fallbacks.poll();
        }
    }

    CipherSuite current() {
        return current;
    }

    /** The BMC refused the current suite's algorithms: whether another suite is now current. */
    boolean nextAfterRefusal() {
        return next();
    }

    /**
     * An Open Session went unanswered: whether another suite is now current. A BMC may drop a proposal it
     * cannot serve instead of refusing it; after two silent tries the next suite goes (a plain loss of both is
     * one login in ten thousand at 1% each way).
     */
    boolean nextAfterSilence() {
        return ++silentProposals >= SILENT_PROPOSALS && next();
    }

    private boolean next() {
        if (fallbacks.isEmpty()) {
            return false;
        }
        current = fallbacks.poll();
        silentProposals = 0;
        return true;
    }

    /**
     * The BMC accepted the proposal (status 0) naming {@code offered}: empty when the login goes on with
     * {@link #current} (the proposed suite, or the substitute taken in its place), else why it cannot.
     */
    Optional<String> accept(OfferedAlgorithms offered) {
        if (!offered.are(current)) {
            Optional<CipherSuite> substitute = offered.suite().filter(fallbacks::contains);
            if (substitute.isEmpty()) {
                return Optional.of(refusal(offered));
            }
            current = substitute.get();
        }
        fallbacks.clear();
        return Optional.empty();
    }

    private String refusal(OfferedAlgorithms offered) {
        String answer = "the BMC answered the proposal of cipher suite " + current.id() + " with "
                + offered.describe() + " instead";
        if (forced) {
            return answer + "; cipher suite " + current.id() + " was asked for (--cipher-suite or ipmi_cipher_suite)";
        }
        return answer + ", which ipmi-runner does not take unasked"
                + offered.suite().map(s -> "; --cipher-suite " + s.id() + " would accept it").orElse("");
    }
}
