package io.ipmirunner.ipmi.wire;

/**
 * The four RAKP messages of RMCP+ session establishment (IPMI v2.0 §13.20-§13.23, Tables 13-11 to 13-14).
 * Variable-length authentication codes run to the end of the payload; a message with an error status
 * may be cut short after the session id, so those fields decode as empty then.
 */
public final class Rakp {
    public static final int RANDOM_LENGTH = 16;
    public static final int GUID_LENGTH = 16;
    public static final int MAX_USERNAME = 16;
    /** RAKP 1 role byte bit 4: look the user up by name only, not by name and privilege (§13.20). */
    public static final int NAME_ONLY_LOOKUP = 0x10;

    private Rakp() {}

    private static int skipAndReadSid(ByteReader r) throws MalformedPacketException {
        r.skip(2);
        return r.u32();
    }

    /** RAKP Message 1 (§13.20): remote console random number, requested role, user name. */
    public record Message1(int messageTag, int managedSystemSessionId, byte[] remoteConsoleRandom, int role,
                           byte[] username) {
        public byte[] encode() {
            ByteWriter w = new ByteWriter(44);
            w.u8(messageTag).fill(0, 3).u32(managedSystemSessionId).bytes(remoteConsoleRandom);
            w.u8(role).u16(0).u8(username.length).bytes(username);
            return w.toByteArray();
        }

        public static Message1 decode(byte[] payload) throws MalformedPacketException {
            ByteReader r = new ByteReader(payload);
            int tag = r.u8();
            r.skip(3);
            int sid = r.u32();
            byte[] rm = r.bytes(RANDOM_LENGTH);
            int role = r.u8();
            r.skip(2);
            int len = r.u8();
            if (len > MAX_USERNAME) {
                throw new MalformedPacketException("user name length " + len);
            }
            return new Message1(tag, sid, rm, role, r.bytes(len));
        }
    }

    /** RAKP Message 2 (§13.21): managed system random number, GUID, key exchange authentication code. */
    public record Message2(int messageTag, RmcpPlusStatus status, int remoteConsoleSessionId,
                           byte[] managedSystemRandom, byte[] managedSystemGuid, byte[] keyExchangeAuthCode) {
        public byte[] encode() {
            ByteWriter w = new ByteWriter(76);
            w.u8(messageTag).u8(status.code()).u16(0).u32(remoteConsoleSessionId);
            if (status.isOk()) {
                w.bytes(managedSystemRandom).bytes(managedSystemGuid).bytes(keyExchangeAuthCode);
            }
            return w.toByteArray();
        }

        public static Message2 decode(byte[] payload) throws MalformedPacketException {
            ByteReader r = new ByteReader(payload);
            int tag = r.u8();
            RmcpPlusStatus status = RmcpPlusStatus.of(r.u8());
            if (!status.isOk()) {
                int sid = r.remaining() >= 6 ? skipAndReadSid(r) : 0;
                return new Message2(tag, status, sid, new byte[0], new byte[0], new byte[0]);
            }
            r.skip(2);
            int sid = r.u32();
            return new Message2(tag, status, sid, r.bytes(RANDOM_LENGTH), r.bytes(GUID_LENGTH), r.rest());
        }

        /**
         * The key exchange code as long as the authentication algorithm makes it. Some BMCs (Supermicro H8QME
         * with Peppercon firmware; FreeIPMI's {@code supermicro20}) send one byte more than their code: the
         * surplus byte is dropped, which costs nothing since the HMAC is still checked over its whole length.
         */
        public byte[] keyExchangeAuthCode(int length) {
            return keyExchangeAuthCode.length == length + 1
                    ? java.util.Arrays.copyOf(keyExchangeAuthCode, length) : keyExchangeAuthCode;
        }
    }

    /** RAKP Message 3 (§13.22): the remote console's key exchange authentication code, or an error status. */
    public record Message3(int messageTag, RmcpPlusStatus status, int managedSystemSessionId,
                           byte[] keyExchangeAuthCode) {
        public byte[] encode() {
            ByteWriter w = new ByteWriter(40);
            w.u8(messageTag).u8(status.code()).u16(0).u32(managedSystemSessionId).bytes(keyExchangeAuthCode);
            return w.toByteArray();
        }

        public static Message3 decode(byte[] payload) throws MalformedPacketException {
            ByteReader r = new ByteReader(payload);
            int tag = r.u8();
            RmcpPlusStatus status = RmcpPlusStatus.of(r.u8());
            r.skip(2);
            return new Message3(tag, status, r.u32(), r.rest());
        }
    }

    /** RAKP Message 4 (§13.23): the BMC's integrity check value over Rm, SIDc and GUIDc keyed with SIK. */
    public record Message4(int messageTag, RmcpPlusStatus status, int remoteConsoleSessionId,
                           byte[] integrityCheckValue) {
        public byte[] encode() {
            ByteWriter w = new ByteWriter(40);
            w.u8(messageTag).u8(status.code()).u16(0).u32(remoteConsoleSessionId).bytes(integrityCheckValue);
            return w.toByteArray();
        }

        public static Message4 decode(byte[] payload) throws MalformedPacketException {
            ByteReader r = new ByteReader(payload);
            int tag = r.u8();
            RmcpPlusStatus status = RmcpPlusStatus.of(r.u8());
            if (!status.isOk()) {
                int sid = r.remaining() >= 6 ? skipAndReadSid(r) : 0;
                return new Message4(tag, status, sid, new byte[0]);
            }
            r.skip(2);
            return new Message4(tag, status, r.u32(), r.rest());
        }
    }
}
