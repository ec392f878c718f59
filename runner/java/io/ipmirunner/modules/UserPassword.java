package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.command.app.UserSetup;
import io.ipmirunner.secret.Secret;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A user's password on the BMC: compared with "test password" (IPMI v2.0 §22.30, operation 11b), set, and
 * proven by a fresh login. The comparison is trusted only when the BMC also rejects a random decoy:
 * OpenIPMI's ipmi_sim answers "test password" with success whatever the password, and a rotation that
 * believed it would silently keep the old password.
 */
final class UserPassword {
    enum Comparison { MATCHES, DIFFERS, UNKNOWN }

    private static final SecureRandom RANDOM = new SecureRandom();

    private UserPassword() {}

    /** The 20-byte form when the password needs it or {@code size} asks for it (size 0: as needed). */
    static boolean twentyBytes(Secret password, int size) {
        return size == UserSetup.PASSWORD_20 || size == 0 && password.length() > UserSetup.PASSWORD_16;
    }

    static Comparison compare(Bmc s, int id, Secret password, boolean twenty) throws IpmiException {
        Comparison c = test(s, id, password, twenty);
        if (c != Comparison.MATCHES) {
            return c;
        }
        Secret decoy = decoy();
        try {
            return test(s, id, decoy, twenty) == Comparison.DIFFERS ? Comparison.MATCHES : Comparison.UNKNOWN;
        } finally {
            decoy.wipe();
        }
    }

    private static Comparison test(Bmc s, int id, Secret password, boolean twenty) throws IpmiException {
        try {
            s.send(Commands.SET_USER_PASSWORD, new UserSetup.SetPassword(id, UserSetup.Operation.TEST_PASSWORD,
                    twenty, password));
            return Comparison.MATCHES;
        } catch (IpmiException.CompletionCodeError e) {
            int cc = e.code().code();
            // 0x81: stored in the other size, so not this password in this form: setting it is right.
            return cc == UserSetup.CC_PASSWORD_MISMATCH || cc == UserSetup.CC_WRONG_PASSWORD_SIZE
                    ? Comparison.DIFFERS : Comparison.UNKNOWN;
        }
    }

    static void set(Bmc s, int id, Secret password, boolean twenty) throws IpmiException {
        s.send(Commands.SET_USER_PASSWORD, new UserSetup.SetPassword(id, UserSetup.Operation.SET_PASSWORD, twenty,
                password));
    }

    /**
     * Logs in afresh as {@code name} with {@code password} and sends Get Device ID. Returns null on success,
     * else the failure's one-line message (which never holds the password).
     */
    static String login(Bmc s, String name, Secret password) throws InterruptedException {
        try (Bmc fresh = s.loginAs(name, password)) {
            fresh.send(Commands.GET_DEVICE_ID, WireMessage.Empty.INSTANCE);
            return null;
        } catch (IpmiException e) {
            return e.getMessage();
        }
    }

    private static Secret decoy() {
        byte[] b = new byte[UserSetup.PASSWORD_16];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('!' + RANDOM.nextInt(94));
        }
        Secret s = Secret.of(b, "decoy");
        Arrays.fill(b, (byte) 0);
        return s;
    }
}
