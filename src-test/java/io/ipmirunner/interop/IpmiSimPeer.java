package io.ipmirunner.interop;

import io.ipmirunner.ipmi.client.IpmiClient;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ipmi_sim BMC and one client for a whole test class, with reference clients as witnesses (ipmitool
 * unless others are named): every peer required (missing ones fail under CI=true), BMC and client closed
 * after the class. Register as a static field:
 * {@code @RegisterExtension static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().build());}
 */
public final class IpmiSimPeer implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<IpmiSim> start;
    private final String[] witnesses;
    private IpmiSim bmc;
    private IpmiClient client;

    public IpmiSimPeer(Supplier<IpmiSim> start) {
        this(start, "ipmitool");
    }

    public IpmiSimPeer(Supplier<IpmiSim> start, String... witnesses) {
        this.start = start;
        this.witnesses = witnesses.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Peers.require("ipmi_sim");
        for (String witness : witnesses) {
            Peers.require(witness);
        }
        bmc = start.get();
        client = IpmiClient.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (bmc != null) {
            bmc.close();
        }
    }

    public IpmiSim bmc() {
        return bmc;
    }

    public IpmiClient client() {
        return client;
    }
}
