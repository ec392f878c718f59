package io.ipmirunner.sim.lan;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.sim.SimulatedBmc;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.cmd.ChannelHandlers;

/**
 * The two discovery commands a BMC answers to anyone, outside a session: Get Channel Authentication
 * Capabilities (IPMI v2.0 §22.13) and Get Channel Cipher Suites (§22.15), answered as inside a session.
 */
final class PreSessionCommands {
    static final int LAN_CHANNEL = 1;
    private PreSessionCommands() {}

    static Answer authCapabilities(SimulatedBmc bmc, byte[] data) throws MalformedPacketException {
        return ChannelHandlers.authCapabilities(bmc, Commands.GET_CHANNEL_AUTH_CAPABILITIES.decodeRequest(data));
    }

    static Answer cipherSuites(SimulatedBmc bmc, byte[] data) throws MalformedPacketException {
        return ChannelHandlers.cipherSuites(bmc.profile(), Commands.GET_CHANNEL_CIPHER_SUITES.decodeRequest(data));
    }
}
