package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on a {@link io.ipmirunner.ipmi.client.BmcSession#sendAsync} future with the IPMI failure unwrapped. */
final class BmcCalls {
    private BmcCalls() {}

    static <T> T await(CompletableFuture<T> f) throws IpmiException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
            if (c instanceof IpmiException ie) {
                throw ie;
            }
            throw new IllegalStateException("unexpected failure in the IPMI engine", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the BMC", e);
        }
    }
}
