package io.ipmirunner.executor;

/** Observes a run. Called from many virtual threads at once: implementations synchronise themselves. */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);
}
