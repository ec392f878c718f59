package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.Phase;
import java.util.EnumMap;
import java.util.Map;

/**
 * The retransmission timers of one BMC, shared by every session to it. Commands and pre-session queries
 * cost a BMC a round trip and share one estimator. Each authenticating login step (Open Session, RAKP 1/2,
 * RAKP 3/4, Get Session Challenge, Activate Session) has its own: a BMC may check the password in one of
 * them (OpenBMC's PAM at RAKP 1/2: 200 ms and more) and answer the others at once, so a timeout learnt on
 * one would cut short the wait for the next. Those start at the initial timeout until measured themselves.
 */
final class BmcTimers {
    private final Timing timing;
    private final RttEstimator commands;
    private final Map<Phase, RttEstimator> authentication = new EnumMap<>(Phase.class);

    BmcTimers(Timing timing) {
        this.timing = timing;
        this.commands = estimator();
    }

    private RttEstimator estimator() {
        return new RttEstimator(timing.retransmitMillis(), timing.minRetransmitMillis(),
                timing.maxRetransmitMillis());
    }

    RttEstimator commands() {
        return commands;
    }

    RttEstimator forPhase(Phase phase) {
        return switch (phase) {
            case OPEN_SESSION, RAKP_1, RAKP_3, CHALLENGE, ACTIVATE ->
                    authentication.computeIfAbsent(phase, p -> estimator());
            default -> commands;
        };
    }
}
