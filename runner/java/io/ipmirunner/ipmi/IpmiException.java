package io.ipmirunner.ipmi;

import io.ipmirunner.ipmi.wire.CompletionCode;

/**
 * Every way an IPMI operation can fail, as one sealed hierarchy. Messages are one line naming the host and
 * the phase (and the completion code where there is one), ready to show an operator. Stack traces are not
 * filled in: they would only show the event loop.
 */
public abstract sealed class IpmiException extends Exception {
    private final String host;
    private final Phase phase;

    private IpmiException(String host, Phase phase, String detail) {
        super(host + ": " + detail, null, false, false);
        this.host = host;
        this.phase = phase;
    }

    public String host() {
        return host;
    }

    public Phase phase() {
        return phase;
    }

    /** Nothing answered: wrong address, BMC off the network, or a firewall. */
    public static final class Unreachable extends IpmiException {
        public Unreachable(String host, Phase phase, long waitedMillis) {
            this(host, phase, "no answer to " + phase.label() + " within " + waitedMillis + " ms");
        }

        private Unreachable(String host, Phase phase, String why) {
            super(host, phase, "unreachable: " + why);
        }

        /** A BMC name that resolves to no address: nothing was sent. */
        public static Unreachable unresolved(String host, String name) {
            return new Unreachable(host, Phase.PING, "cannot resolve " + name);
        }
    }

    /** The BMC refused the credentials; the reason is what the BMC said or what check failed. */
    public static final class AuthenticationFailed extends IpmiException {
        private final String reason;

        public AuthenticationFailed(String host, Phase phase, String reason) {
            super(host, phase, "authentication failed in " + phase.label() + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /**
         * What a failed check of the password says when none was given: the cause is almost always that, and the
         * person needs the ways to give one rather than "wrong password".
         */
        public static String noPassword(String check) {
            return check + ", and no password was given: use --password-file FILE, IPMI_PASSWORD, ipmi_password in "
                    + "the inventory, or -k on a terminal";
        }
    }

    /**
     * The BMC answered earlier but stopped answering in this phase. {@link #mayHaveRun()}: the unanswered
     * request must not run twice and may have been carried out, so nothing may send it again, not even a
     * retry of the whole module ({@code ipmi_retries}).
     */
    public static final class Timeout extends IpmiException {
        private final boolean mayHaveRun;

        public Timeout(String host, Phase phase, long waitedMillis, int attempts) {
            this(host, phase, waited(phase, waitedMillis, attempts), false);
        }

        private Timeout(String host, Phase phase, String detail, boolean mayHaveRun) {
            super(host, phase, detail);
            this.mayHaveRun = mayHaveRun;
        }

        public boolean mayHaveRun() {
            return mayHaveRun;
        }

        private static String waited(Phase phase, long waitedMillis, int attempts) {
            return "timeout in " + phase.label() + " after " + waitedMillis + " ms (" + attempts + " attempts)";
        }

        /**
         * The BMC answered outside the session but no longer in it (restarted?) while {@code command} was
         * unanswered: whether it was carried out is unknown, and it is not sent again.
         */
        public static Timeout sessionLost(String host, String command, long waitedMillis, int attempts) {
            return new Timeout(host, Phase.COMMAND, waited(Phase.COMMAND, waitedMillis, attempts)
                    + ": the BMC lost the session (restarted?); " + command
                    + " may or may not have been carried out and was not sent again", true);
        }

        /**
         * {@code command}, which must not run twice, went unanswered: it may have been carried out.
         * {@code duplicatePossible}: a copy was resent without knowing whether an earlier one had arrived.
         */
        public static Timeout writeUnanswered(String host, String command, long waitedMillis, int attempts,
                                              boolean duplicatePossible) {
            return new Timeout(host, Phase.COMMAND, waited(Phase.COMMAND, waitedMillis, attempts) + ": " + command
                    + (duplicatePossible ? " may have been carried out more than once (duplicate_possible)"
                    : " may have been carried out"), true);
        }

        /**
         * {@code command}, which must not run twice, reached the BMC (its session sequence numbers show it
         * answered) but the reply was lost: it was carried out, with a result nobody saw, and not sent again.
         */
        public static Timeout replyLost(String host, String command, long waitedMillis, int attempts) {
            return new Timeout(host, Phase.COMMAND, waited(Phase.COMMAND, waitedMillis, attempts) + ": " + command
                    + " reached the BMC but its reply was lost; not sent again", true);
        }

        /** A deadline over many exchanges passed, each of which was answered: {@code detail} says which. */
        public static Timeout deadline(String host, Phase phase, String detail) {
            return new Timeout(host, phase, "timeout in " + phase.label() + ": " + detail, false);
        }
    }

    /** The BMC answered with a non-zero completion code. */
    public static final class CompletionCodeError extends IpmiException {
        private final CompletionCode code;
        private final String command;

        public CompletionCodeError(String host, Phase phase, String command, CompletionCode code) {
            super(host, phase, command + " failed with completion code " + code);
            this.code = code;
            this.command = command;
        }

        public CompletionCode code() {
            return code;
        }

        public String command() {
            return command;
        }
    }

    /** The BMC's answers do not follow the protocol, or ask for something we do not support. */
    public static final class ProtocolError extends IpmiException {
        public ProtocolError(String host, Phase phase, String detail) {
            super(host, phase, "protocol error in " + phase.label() + ": " + detail);
        }
    }
}
