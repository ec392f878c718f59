/**
 * The embedded BMC simulator: many simulated BMCs in one JVM, spoken to over real UDP with IPMI v2.0 RMCP+
 * and v1.5, for demos, CI and the project's own tests.
 *
 * <ul>
 *   <li>{@link io.ipmirunner.sim.SimulatedBmc}: one machine (power, chassis, boot options, FRU, sensors, SEL),
 *       pure, driven by the caller's clock.</li>
 *   <li>{@code sim.lan}: the BMC side of the protocol, pure: {@link io.ipmirunner.sim.lan.LanEndpoint} takes a
 *       datagram and the time and returns at most one datagram. It reuses the codecs and crypto of
 *       {@code ipmi.wire}, {@code ipmi.crypto} and the command table of {@code ipmi.command}.</li>
 *   <li>{@code sim.cmd}: one handler per command, looked up by the command's {@code CommandSpec}.</li>
 *   <li>{@code sim.fault}: latency, loss, busy replies, unreachable BMCs, cold resets, session exhaustion
 *       and quirks.</li>
 *   <li>{@code sim.fleet}: planning a fleet (groups, addresses, the {@code --fleet} file) and
 *       {@link io.ipmirunner.sim.fleet.FleetHost}, the only I/O: one UDP socket per BMC, all on one event
 *       loop thread. N BMCs need about N + 128 file descriptors: raise {@code ulimit -n} for large fleets.</li>
 * </ul>
 */
package io.ipmirunner.sim;
