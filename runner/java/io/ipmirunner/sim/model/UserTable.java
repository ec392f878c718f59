package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.secret.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The users of a simulated BMC. Immutable, so a whole fleet shares one table until a BMC changes a user:
 * that BMC then holds its own copy ({@link #with}), and ten thousand copies are never made up front.
 */
public final class UserTable {
    private final List<SimUser> users;

    public UserTable(List<SimUser> users) {
        this.users = List.copyOf(users);
    }

    /** A made-up test password: 16 characters without look-alikes (fits IPMI's 20-byte limit). */
    public static String generatedPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        java.security.SecureRandom r = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /**
     * The fleet's test accounts, all with one password: {@code admin} (administrator), {@code operator}
     * and {@code user} at those levels. User 1, the anonymous (null name) user, is disabled (IPMI v2.0 §6.9).
     */
    public static UserTable standard(String adminName, Secret password) {
        return new UserTable(List.of(
                new SimUser(1, "", Secret.empty(), Privilege.USER, false),
                new SimUser(2, adminName, password, Privilege.ADMINISTRATOR, true),
                new SimUser(3, "operator", password, Privilege.OPERATOR, true),
                new SimUser(4, "user", password, Privilege.USER, true)));
    }

    /** A user allowed to log in with exactly this name (a null name is the anonymous user). */
    public Optional<SimUser> byName(byte[] name) {
        for (SimUser u : users) {
            if (u.canLogIn() && Arrays.equals(u.nameBytes(), name)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    public Optional<SimUser> byId(int id) {
        return users.stream().filter(u -> u.id() == id).findFirst();
    }

    /** This table with {@code user} added or replacing the one with its id. */
    public UserTable with(SimUser user) {
        List<SimUser> out = new ArrayList<>(users.size() + 1);
        boolean replaced = false;
        for (SimUser u : users) {
            replaced |= u.id() == user.id();
            out.add(u.id() == user.id() ? user : u);
        }
        if (!replaced) {
            out.add(user);
        }
        return new UserTable(out);
    }

    public List<SimUser> all() {
        return users;
    }
}
