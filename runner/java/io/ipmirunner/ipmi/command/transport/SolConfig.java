package io.ipmirunner.ipmi.command.transport;

import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.Optional;

/**
 * Get SOL Configuration Parameters (IPMI v2.0 §26.3): its request and response have the layout of Get LAN
 * Configuration Parameters (Table 26-4 is Table 23-3 with another command number), so they are
 * {@link LanConfig.GetRequest} and {@link LanConfig.GetResponse}; this class reads the parameters of
 * Table 26-5.
 */
public final class SolConfig {
    public static final int SET_IN_PROGRESS = 0;
    public static final int ENABLE = 1;
    public static final int AUTHENTICATION = 2;
    public static final int ACCUMULATE = 3;
    public static final int RETRY = 4;
    public static final int NON_VOLATILE_BIT_RATE = 5;
    public static final int VOLATILE_BIT_RATE = 6;
    public static final int PAYLOAD_CHANNEL = 7;
    public static final int PAYLOAD_PORT = 8;

    private SolConfig() {}

    /** Parameter 1, bit 0: the SOL payload may be activated. */
    public static boolean enabled(byte[] d) throws MalformedPacketException {
        return (at(d, 0, "SOL Enable") & 0x01) != 0;
    }

    /**
     * Parameter 2: bit 7 force encryption, bit 6 force authentication (else the console chooses when it
     * activates), bits 3:0 the lowest privilege that may activate SOL (2 user ... 5 OEM).
     */
    public record Authentication(boolean forceEncryption, boolean forceAuthentication, int privilege) {
        public static Authentication decode(byte[] d) throws MalformedPacketException {
            int b = at(d, 0, "SOL Authentication");
            return new Authentication((b & 0x80) != 0, (b & 0x40) != 0, b & 0x0F);
        }

        public byte encode() {
            return (byte) ((forceEncryption ? 0x80 : 0) | (forceAuthentication ? 0x40 : 0) | privilege & 0x0F);
        }
    }

    /**
     * Parameter 3: the BMC sends what it has gathered after this interval (byte 1, 5 ms units) or once this
     * many characters are waiting (byte 2).
     */
    public record Accumulate(int intervalMillis, int sendThreshold) {
        public static Accumulate decode(byte[] d) throws MalformedPacketException {
            return new Accumulate(at(d, 0, "Character Accumulate Interval") * 5, at(d, 1, "Character Send Threshold"));
        }
    }

    /** Parameter 4: resends after the first transmission (byte 1, bits 2:0) and their interval (byte 2, 10 ms). */
    public record Retry(int count, int intervalMillis) {
        public static Retry decode(byte[] d) throws MalformedPacketException {
            return new Retry(at(d, 0, "SOL Retry count") & 0x07, at(d, 1, "SOL Retry interval") * 10);
        }

        public byte[] encode() {
            return new byte[] {(byte) (count & 0x07), (byte) (intervalMillis / 10)};
        }
    }

    /**
     * Parameters 5 and 6, bits 3:0: 6-10 are 9600 to 115200 bit/s; 0 means the rate of the serial port's
     * own (IPMI messaging) setting; empty for a code the table does not have.
     */
    public static Optional<Integer> bitRate(byte[] d) throws MalformedPacketException {
        return switch (at(d, 0, "SOL bit rate") & 0x0F) {
            case 0 -> Optional.of(0);
            case 6 -> Optional.of(9600);
            case 7 -> Optional.of(19200);
            case 8 -> Optional.of(38400);
            case 9 -> Optional.of(57600);
            case 10 -> Optional.of(115200);
            default -> Optional.empty();
        };
    }

    /** The bit rate's code for parameters 5 and 6; 115200 bit/s unless one of the table's rates. */
    public static int bitRateCode(int bitsPerSecond) {
        return switch (bitsPerSecond) {
            case 9600 -> 6;
            case 19200 -> 7;
            case 38400 -> 8;
            case 57600 -> 9;
            default -> 10;
        };
    }

    /** Parameter 7: the channel SOL is carried on. */
    public static int payloadChannel(byte[] d) throws MalformedPacketException {
        return at(d, 0, "SOL Payload Channel") & 0x0F;
    }

    /** Parameter 8: the UDP port of the SOL payload, least significant byte first. */
    public static int payloadPort(byte[] d) throws MalformedPacketException {
        return at(d, 0, "SOL Payload Port Number") | at(d, 1, "SOL Payload Port Number") << 8;
    }

    private static int at(byte[] d, int i, String what) throws MalformedPacketException {
        if (d.length <= i) {
            throw new MalformedPacketException(what + ": " + d.length + " data bytes, byte " + (i + 1) + " missing");
        }
        return d[i] & 0xFF;
    }
}
