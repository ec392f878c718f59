package io.ipmirunner.sim.model;

/**
 * A reservation register, as the SEL (IPMI v2.0 §31.4) and the SDR repository (§33.11) each keep one: a
 * reserve returns a new 16-bit id (never 0) and cancels the one before; a clear or a BMC reset cancels it.
 * Partial reads and clears name the id, and only the latest one counts.
 */
public final class Reservation {
    private int id;

    /** Reserve SEL (§31.4) / Reserve SDR Repository (§33.11): the next id, wrapping from 0xFFFF to 1. */
    public int reserve() {
        id = (id & 0xFFFF) == 0xFFFF ? 1 : id + 1;
        return id;
    }

    /** Whether {@code given} is the reservation in force (0 is never one). */
    public boolean holds(int given) {
        return given != 0 && given == id;
    }

    public void cancel() {
        id = 0;
    }
}
