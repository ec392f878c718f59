package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Get User Access (IPMI v2.0 §22.27, Table 22-33) and Get User Name (§22.29, Table 22-35). */
public final class UserAccess {
    /** Privilege limit 0xF: no access on this channel. */
    public static final int NO_ACCESS = 0x0F;

    private UserAccess() {}

    /** Get User Access request: channel (bits 3:0), user id (bits 5:0). */
    public record Request(int channel, int userId) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F).u8(userId & 0x3F);
        }

        public static Request decode(ByteReader r) throws MalformedPacketException {
            return new Request(r.u8() & 0x0F, r.u8() & 0x3F);
        }
    }

    /**
     * Get User Access response: maximum user ids, enabled count (bits 7:6 of byte 2 hold the user's
     * enable status: 01b enabled, 10b disabled), fixed-name count, then byte 4: bit 5 IPMI messaging
     * enabled, bits 3:0 the privilege limit.
     */
    public record Response(int maxUsers, int enabledUsers, int enableStatus, int fixedNames, boolean messaging,
                           int privilegeLimit) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(maxUsers & 0x3F).u8((enableStatus & 3) << 6 | enabledUsers & 0x3F).u8(fixedNames & 0x3F);
            w.u8((messaging ? 0x10 : 0) | privilegeLimit & 0x0F);
        }

        public static Response decode(ByteReader r) throws MalformedPacketException {
            int max = r.u8() & 0x3F;
            int b2 = r.u8();
            int fixed = r.u8() & 0x3F;
            int b4 = r.u8();
            return new Response(max, b2 & 0x3F, b2 >> 6 & 3, fixed, (b4 & 0x10) != 0, b4 & 0x0F);
        }
    }

    /** Get User Name request: the user id. */
    public record NameRequest(int userId) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.u8(userId & 0x3F);
        }

        public static NameRequest decode(ByteReader r) throws MalformedPacketException {
            return new NameRequest(r.u8() & 0x3F);
        }
    }

    /** Get User Name response: 16 bytes, the name NUL-padded. */
    public record Name(String name) implements WireMessage {
        @Override
        public void encode(ByteWriter w) {
            w.bytes(Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), SessionMessages.USERNAME_LENGTH));
        }

        public static Name decode(ByteReader r) throws MalformedPacketException {
            byte[] raw = SessionMessages.trimNul(r.bytes(SessionMessages.USERNAME_LENGTH));
            return new Name(new String(raw, StandardCharsets.UTF_8));
        }
    }
}
