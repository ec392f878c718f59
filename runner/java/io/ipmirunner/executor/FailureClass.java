package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a host failed a task, coarse enough to act on: {@code --retry-failed --failure-class timeout} retries the
 * hosts that timed out, reports group failures by it. The journal and reports carry the lower-case {@link #label()}.
 */
public enum FailureClass {
    UNREACHABLE, AUTH, TIMEOUT, COMPLETION_CODE, PROTOCOL,
    /** An {@code assert}, {@code fail} or {@code failed_when} held against the host. */
    ASSERTION,
    /** The BMC or the runner cannot do what the task asks. */
    UNSUPPORTED,
    /** {@code until} never held within the task's retries. */
    RETRIES,
    EXPRESSION, ARGUMENTS, VARS_FILES,
    /** A defect of ipmi-runner met on this host (a module that threw, a result the journal cannot hold). */
    INTERNAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with this label; empty for a label no version of the runner wrote. */
    public static Optional<FailureClass> of(String label) {
        return Arrays.stream(values()).filter(c -> c.label().equals(label)).findFirst();
    }

    /**
     * The class of an IPMI failure. Mapped here rather than in {@code ipmi}, which knows nothing of runs; the
     * switch is exhaustive over the sealed exception, so a new kind of failure cannot go unclassified.
     */
    public static FailureClass of(IpmiException e) {
        return switch (e) {
            case IpmiException.Unreachable u -> UNREACHABLE;
            case IpmiException.AuthenticationFailed a -> AUTH;
            case IpmiException.Timeout t -> TIMEOUT;
            // 0xC1 (invalid command): the BMC does not implement it, which an operator fixes differently.
            case IpmiException.CompletionCodeError c -> c.code().equals(CompletionCode.INVALID_COMMAND) ? UNSUPPORTED
                    : COMPLETION_CODE;
            case IpmiException.ProtocolError p -> PROTOCOL;
        };
    }

    /** The label, so a failure class reads the same in a message as in the journal. */
    @Override
    public String toString() {
        return label();
    }
}
