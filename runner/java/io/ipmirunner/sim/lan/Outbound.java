package io.ipmirunner.sim.lan;

/** A datagram the BMC sends on its own (SOL), for the console at {@code peer} (the edge's address token). */
public record Outbound(Object peer, byte[] datagram) {}
