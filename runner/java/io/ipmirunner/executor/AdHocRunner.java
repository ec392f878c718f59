package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.modules.ModuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Runs one module on many hosts at once: a virtual thread per host, at most {@code forks} at a time
 * (IPMI work is waiting, not computing). A host whose attempt fails as unreachable or timed out is tried
 * again up to {@code retries} times (or the host's own number, the inventory's {@code ipmi_retries}), paced by
 * {@link Backoff#CONNECTION}; other failures are final.
 */
public final class AdHocRunner {
    private final Logins logins;
    private final int forks;
    private final ToIntFunction<BmcTarget> retries;

    /** One module with its arguments validated and bound, as it runs on each host. */
    @FunctionalInterface
    public interface Call {
        ModuleResult run(Bmc bmc) throws IpmiException, InterruptedException;
    }

    /**
     * Hosts with credential lists try them in order (their results name the one that worked); {@code retries}
     * gives each host's number of tries again after no answer.
     */
    public AdHocRunner(Logins logins, int forks, ToIntFunction<BmcTarget> retries) {
        this.logins = logins;
        this.forks = Math.max(1, forks);
        this.retries = retries;
    }

    /** Outcomes in the order of {@code targets}; {@code onDone} sees each as it finishes. */
    public List<HostOutcome> run(List<BmcTarget> targets, Call call, Consumer<HostOutcome> onDone)
            throws InterruptedException {
        Semaphore slots = new Semaphore(forks);
        List<Future<HostOutcome>> futures = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (BmcTarget t : targets) {
                slots.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        HostOutcome o = runHost(t, call);
                        onDone.accept(o);
                        return o;
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<HostOutcome> out = new ArrayList<>(futures.size());
        for (Future<HostOutcome> f : futures) {
            out.add(f.resultNow());
        }
        return out;
    }

    private HostOutcome runHost(BmcTarget target, Call call) throws InterruptedException {
        long start = System.nanoTime();
        IpmiException last = null;
        int tries = Math.max(0, retries.applyAsInt(target));
        for (int attempt = 0; attempt <= tries; attempt++) {
            if (attempt > 0) {
                Thread.sleep(RetryPolicy.standard().connectionPause(attempt));
            }
            try (BmcSession s = logins.open(target)) {
                ModuleResult r = call.run(s);
                return new HostOutcome(target.name(), r.changed() ? HostOutcome.Status.CHANGED : HostOutcome.Status.OK,
                        logins.annotate(target.name(), r.result()), null, null, millisSince(start));
            } catch (IpmiException e) {
                last = e;
                if (!(e instanceof IpmiException.Unreachable || e instanceof IpmiException.Timeout)) {
                    break;
                }
            }
        }
        HostOutcome.Status status = last instanceof IpmiException.Unreachable ? HostOutcome.Status.UNREACHABLE
                : HostOutcome.Status.FAILED;
        return new HostOutcome(target.name(), status, Map.of(), last.getMessage(), FailureClass.of(last),
                millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
