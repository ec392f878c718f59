package io.ipmirunner.sim.cmd;

import io.ipmirunner.sim.SimulatedBmc;
import java.net.Inet4Address;

/**
 * What a command handler may look at: the BMC, the time of the request, how many sessions are active, and
 * the IPv4 address and UDP port the BMC is reachable on (for LAN and SOL parameters; null and 0 when unknown).
 */
public record CommandContext(SimulatedBmc bmc, long now, int activeSessions, Inet4Address address, int port) {}
