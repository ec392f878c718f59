package io.ipmirunner.sim.fleet;

import io.ipmirunner.sim.BmcProfile;
import java.net.InetSocketAddress;

/** One BMC to start: its inventory name, fleet index, bind address and (shared) profile. */
public record BmcPlan(String name, int index, InetSocketAddress bind, BmcProfile profile) {}
