package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.wire.IpmiResponse;

/**
 * What became of a request that must not run twice ({@code CommandSpec.idempotent()} false), for modules
 * that report whether it ran once: see {@link Bmc#deliverAsync}.
 */
public sealed interface Delivery {
    /**
     * The BMC answered. {@code duplicatePossible}: a copy was resent while the BMC's session sequence
     * numbers could not tell whether an earlier one had arrived, and a BMC that does not detect duplicate
     * rqSeqs may have executed it twice.
     */
    record Answered(IpmiResponse response, boolean duplicatePossible) implements Delivery {}

    /**
     * The BMC's session sequence numbers show it answered (so executed) the request; the reply was lost.
     * {@code duplicatePossible} as for {@link Answered}: a copy resent before that was seen may have run too.
     */
    record ArrivedUnanswered(boolean duplicatePossible) implements Delivery {}
}
