package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;

/**
 * One user of a simulated BMC: id (1-based, IPMI v2.0 §22.26), name, password (Kuid), the highest
 * privilege the user may take on the LAN channel, whether the account is enabled, whether the user has
 * access on the LAN channel at all (Set User Access privilege limit other than 0xF), and whether IPMI
 * messaging is enabled for the user there (Set User Access byte 1 bit 4). Logging in needs all three.
 */
public record SimUser(int id, String name, Secret password, Privilege limit, boolean enabled, boolean lanAccess,
                      boolean messaging) {
    public SimUser(int id, String name, Secret password, Privilege limit, boolean enabled) {
        this(id, name, password, limit, enabled, true, true);
    }

    public SimUser {
        if (name.getBytes(StandardCharsets.UTF_8).length > 16) {
            throw new IllegalArgumentException("IPMI user names are at most 16 bytes");
        }
        if (password.length() > 20) {
            throw new IllegalArgumentException("IPMI passwords are at most 20 bytes");
        }
    }

    /** A slot never configured: no name, no password, disabled, no access (the spec's defaults). */
    public static SimUser empty(int id) {
        return new SimUser(id, "", Secret.empty(), Privilege.USER, false, false, false);
    }

    public boolean canLogIn() {
        return enabled && lanAccess && messaging;
    }

    public SimUser withName(String n) {
        return new SimUser(id, n, password, limit, enabled, lanAccess, messaging);
    }

    public SimUser withPassword(Secret p) {
        return new SimUser(id, name, p, limit, enabled, lanAccess, messaging);
    }

    public SimUser withEnabled(boolean e) {
        return new SimUser(id, name, password, limit, e, lanAccess, messaging);
    }

    public SimUser withAccess(Privilege l, boolean access, boolean ipmiMessaging) {
        return new SimUser(id, name, password, l, enabled, access, ipmiMessaging);
    }

    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
