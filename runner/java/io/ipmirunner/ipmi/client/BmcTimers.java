package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.Phase;

/**
 * The retransmission timers of one BMC, shared by every session to it. Two estimators, because a BMC answers
 * two kinds of exchange at very different speeds: commands and pre-session queries cost it a round trip,
 * while Open Session, RAKP and Activate Session may wait on a password check (OpenBMC's PAM: 200 ms and
 * more). One estimator for both would retransmit every slow login exchange early or every lost command late.
 */
final class BmcTimers {
    private final RttEstimator commands;
    private final RttEstimator authentication;

    BmcTimers(Timing timing) {
        this.commands = estimator(timing);
        this.authentication = estimator(timing);
    }

    private static RttEstimator estimator(Timing t) {
        return new RttEstimator(t.retransmitMillis(), t.minRetransmitMillis(), t.maxRetransmitMillis());
    }

    RttEstimator commands() {
        return commands;
    }

    RttEstimator forPhase(Phase phase) {
        return switch (phase) {
            case OPEN_SESSION, RAKP_1, RAKP_3, CHALLENGE, ACTIVATE -> authentication;
            default -> commands;
        };
    }
}
