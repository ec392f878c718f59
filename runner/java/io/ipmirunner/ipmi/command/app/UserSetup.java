package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The user-changing commands: Set User Access (IPMI v2.0 §22.26, Table 22-32), Set User Name (§22.28,
 * Table 22-34) and Set User Password (§22.30, Table 22-36). Their responses carry no data.
 */
public final class UserSetup {
    /** Set User Password completion codes (Table 22-36): the test found another password, or another size. */
    public static final int CC_PASSWORD_MISMATCH = 0x80;
    public static final int CC_WRONG_PASSWORD_SIZE = 0x81;
    public static final int PASSWORD_16 = 16;
    public static final int PASSWORD_20 = 20;

    private UserSetup() {}

    /**
     * Byte 1: bit 7 "change bits 6:4", bit 6 callback only, bit 5 link auth, bit 4 IPMI messaging, bits 3:0
     * channel; byte 2 bits 5:0 user id; byte 3 bits 3:0 privilege limit (0xF: no access); byte 4, optional,
     * the user's session limit (absent here: 0 means "no limit beyond the channel's").
     */
    public record SetAccess(int channel, boolean changeFlags, boolean callbackOnly, boolean linkAuth,
                            boolean ipmiMessaging, int userId, int privilegeLimit) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8((changeFlags ? 0x80 : 0) | (callbackOnly ? 0x40 : 0) | (linkAuth ? 0x20 : 0)
                    | (ipmiMessaging ? 0x10 : 0) | channel & 0x0F);
            w.u8(userId & 0x3F).u8(privilegeLimit & 0x0F);
        }

        public static SetAccess decode(ByteReader r) throws MalformedPacketException {
            int b = r.u8();
            int user = r.u8() & 0x3F;
            int limit = r.u8() & 0x0F;
            if (r.hasRemaining()) {
                r.u8(); // the session limit; accepted and not kept, as many BMCs do
            }
            return new SetAccess(b & 0x0F, (b & 0x80) != 0, (b & 0x40) != 0, (b & 0x20) != 0, (b & 0x10) != 0,
                    user, limit);
        }
    }

    /** User id (bits 5:0), then the name in 16 bytes, NUL-padded. */
    public record SetName(int userId, String name) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(userId & 0x3F).bytes(Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8),
                    SessionMessages.USERNAME_LENGTH));
        }

        public static SetName decode(ByteReader r) throws MalformedPacketException {
            int user = r.u8() & 0x3F;
            byte[] raw = SessionMessages.trimNul(r.bytes(SessionMessages.USERNAME_LENGTH));
            return new SetName(user, new String(raw, StandardCharsets.UTF_8));
        }
    }

    /** Set User Password byte 2 bits 1:0. */
    public enum Operation {
        DISABLE_USER, ENABLE_USER, SET_PASSWORD, TEST_PASSWORD;

        boolean carriesPassword() {
            return this == SET_PASSWORD || this == TEST_PASSWORD;
        }
    }

    /**
     * Byte 1: bit 7 set for the 20-byte password form (IPMI v2.0), bits 5:0 user id; byte 2 the operation;
     * then, for set and test, the password NUL-padded to 16 or 20 bytes. The password stays a {@link Secret}
     * so the request prints masked.
     */
    public record SetPassword(int userId, Operation operation, boolean twentyBytes, Secret password)
            implements WireMessage {
        public SetPassword {
            if (password.length() > (twentyBytes ? PASSWORD_20 : PASSWORD_16)) {
                throw new IllegalArgumentException("password longer than " + (twentyBytes ? 20 : 16) + " bytes");
            }
        }

        public static SetPassword of(int userId, Operation op) {
            return new SetPassword(userId, op, false, Secret.empty());
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8((twentyBytes ? 0x80 : 0) | userId & 0x3F).u8(operation.ordinal());
            if (operation.carriesPassword()) {
                byte[] p = password.reveal();
                byte[] padded = Arrays.copyOf(p, twentyBytes ? PASSWORD_20 : PASSWORD_16);
                w.bytes(padded);
                Arrays.fill(p, (byte) 0);
                Arrays.fill(padded, (byte) 0);
            }
        }

        public static SetPassword decode(ByteReader r) throws MalformedPacketException {
            int b = r.u8();
            Operation op = Operation.values()[r.u8() & 0x03];
            boolean twenty = (b & 0x80) != 0;
            Secret pw = Secret.empty();
            if (op.carriesPassword()) {
                byte[] raw = r.bytes(twenty ? PASSWORD_20 : PASSWORD_16);
                pw = Secret.of(SessionMessages.trimNul(raw), "Set User Password");
                Arrays.fill(raw, (byte) 0);
            }
            return new SetPassword(b & 0x3F, op, twenty, pw);
        }
    }
}
