package io.ipmirunner.sim.fleet;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * Lets a long-running command end cleanly, with exit code 0, on SIGINT or SIGTERM. A shutdown hook alone
 * cannot: the JVM then exits with 128 + the signal. {@code sun.misc.Signal} (module jdk.unsupported) is
 * reached by reflection so the build stays free of "internal proprietary API" warnings; where it is
 * missing the caller still gets the shutdown hook.
 */
public final class StopSignals {
    private StopSignals() {}

    /** Counts {@code stop} down on SIGINT or SIGTERM; returns false when signals could not be caught. */
    public static boolean install(CountDownLatch stop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            stop.countDown();
                        }
                        return null;
                    });
            var handle = signal.getMethod("handle", signal, handlerType);
            for (String name : new String[] {"INT", "TERM"}) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
