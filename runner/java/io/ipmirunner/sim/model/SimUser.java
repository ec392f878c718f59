package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;

/**
 * One user of a simulated BMC: id (1-based, IPMI v2.0 §22.26), name, password (Kuid), the highest
 * privilege the user may take on the LAN channel, and whether the account is enabled.
 */
public record SimUser(int id, String name, Secret password, Privilege limit, boolean enabled) {
    public SimUser {
        if (name.getBytes(StandardCharsets.UTF_8).length > 16) {
            throw new IllegalArgumentException("IPMI user names are at most 16 bytes");
        }
        if (password.length() > 20) {
            throw new IllegalArgumentException("IPMI passwords are at most 20 bytes");
        }
    }

    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
