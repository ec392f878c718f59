package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.DeviceId;
import io.ipmirunner.ipmi.wire.CompletionCode;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waiting for a BMC that is not ready. After a cold reset or an AC loss, and during a firmware update, a BMC
 * gives no answer, or answers without carrying the command out: node busy, initialization in progress
 * ({@link CompletionCode.Disposition#RETRY_LATER}), or to a request without data fields "invalid data field"
 * and "not supported in present state" ({@link CompletionCode#dispositionWithoutRequestData}). Those mean
 * "not yet" here, and the read is asked again every second until the deadline, on the BMC's clock; any other
 * failure (a refused login, a fatal code, a malformed reply) ends the wait at once.
 */
final class BmcReady {
    static final Duration POLL = Duration.ofSeconds(1);

    /** One read without request data fields. */
    interface Read<T> {
        T read() throws IpmiException;
    }

    private BmcReady() {}

    /**
     * Get Device ID until it is answered: the BMC is back. §20.1 makes the command mandatory and it takes no
     * data, so an answer is the first sign a BMC serves commands again. {@code startNanos} is when the wait
     * began (on {@code bmc.time()}); each unanswered try has already waited out the engine's own timeout.
     */
    static DeviceId await(Bmc bmc, long startNanos, long timeoutMillis) throws IpmiException, InterruptedException {
        return until(bmc, startNanos, timeoutMillis, "answer Get Device ID",
                () -> bmc.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE), id -> true);
    }

    /**
     * {@code read} every second until its value is {@code wanted}, the BMC not being ready counting as "not
     * yet"; a timeout naming {@code what} and the last outcome once {@code timeoutMillis} have passed.
     */
    static <T> T until(Bmc bmc, long startNanos, long timeoutMillis, String what, Read<T> read, Predicate<T> wanted)
            throws IpmiException, InterruptedException {
        long deadline = startNanos + timeoutMillis * 1_000_000;
        int attempts = 0;
        String last;
        while (true) {
            attempts++;
            try {
                T value = read.read();
                if (wanted.test(value)) {
                    return value;
                }
                last = "read " + value;
            } catch (IpmiException.Timeout | IpmiException.Unreachable e) {
                last = "no answer";
            } catch (IpmiException.CompletionCodeError e) {
                if (e.code().dispositionWithoutRequestData() != CompletionCode.Disposition.RETRY_LATER) {
                    throw e;
                }
                last = e.command() + " answered " + e.code();
            }
            long now = bmc.time().nanoTime();
            if (now - deadline >= 0) {
                throw IpmiException.Timeout.deadline(bmc.host(), Phase.COMMAND, "the BMC did not " + what
                        + " within " + timeoutMillis / 1000.0 + " s (" + attempts + " tries; last: " + last + ")");
            }
            bmc.time().sleep(POLL);
        }
    }
}
