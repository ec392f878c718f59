package io.ipmirunner.ipmi.command.app;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Get Channel Cipher Suites (IPMI v2.0 §22.15, Table 22-18). The list comes in pages of up to 16 bytes;
 * the concatenated pages hold cipher suite records (Table 22-19): 0xC0 start, suite id, then one byte per
 * algorithm tagged 00/01/10 in bits 7:6 for authentication/integrity/confidentiality (0xC1 records carry an
 * OEM IANA number after the id).
 */
public final class ChannelCipherSuites {
    public static final int PAGE_SIZE = 16;
    public static final int MAX_PAGES = 64;
    private static final int LIST_BY_SUITE = 0x80;

    private ChannelCipherSuites() {}

    /** Byte 3: bit 7 set lists suite records, clear lists the supported algorithms; bits 5:0 the page. */
    public record Request(int channel, int payloadType, int listIndex, boolean bySuite) implements WireMessage {
        /** The client always asks for suite records. */
        public Request(int channel, int payloadType, int listIndex) {
            this(channel, payloadType, listIndex, true);
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(channel & 0x0F).u8(payloadType & 0x3F).u8((bySuite ? LIST_BY_SUITE : 0) | listIndex & 0x3F);
        }

        public static Request decode(ByteReader r) throws MalformedPacketException {
            int ch = r.u8() & 0x0F;
            int pt = r.u8() & 0x3F;
            int b3 = r.u8();
            return new Request(ch, pt, b3 & 0x3F, (b3 & LIST_BY_SUITE) != 0);
        }
    }

    public record Response(int channel, byte[] recordData) implements WireMessage {
        public Response {
            recordData = recordData.clone();
        }

        @Override
        public byte[] recordData() {
            return recordData.clone();
        }

        @Override
        public void encode(ByteWriter w) {
            w.u8(channel).bytes(recordData);
        }

        public static Response decode(ByteReader r) throws MalformedPacketException {
            return new Response(r.u8(), r.rest());
        }

        /** A page shorter than 16 bytes is the last one. */
        public boolean lastPage() {
            return recordData.length < PAGE_SIZE;
        }
    }

    /** One cipher suite as the BMC described it. */
    public record SuiteRecord(int id, int auth, int integrity, int confidentiality, boolean oem) {}

    /** Parses the concatenated record data of all pages; unparseable tails are ignored (some BMCs pad). */
    public static List<SuiteRecord> parse(byte[] all) {
        List<SuiteRecord> out = new ArrayList<>();
        int i = 0;
        while (i + 1 < all.length) {
            int start = all[i] & 0xFF;
            if (start != 0xC0 && start != 0xC1) {
                i++;
                continue;
            }
            int id = all[i + 1] & 0xFF;
            i += start == 0xC1 ? 5 : 2;
            int auth = -1;
            int integ = 0;
            int conf = 0;
            while (i < all.length && (all[i] & 0xFF) < 0xC0) {
                int b = all[i++] & 0xFF;
                switch (b >> 6) {
                    case 0 -> auth = b & 0x3F;
                    case 1 -> integ = b & 0x3F;
                    default -> conf = b & 0x3F;
                }
            }
            if (auth >= 0) {
                out.add(new SuiteRecord(id, auth, integ, conf, start == 0xC1));
            }
        }
        return out;
    }

    /** Builds the record bytes for a list of standard suites (the simulator's side). */
    public static byte[] encodeRecords(List<SuiteRecord> suites) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SuiteRecord s : suites) {
            out.write(0xC0);
            out.write(s.id());
            out.write(s.auth() & 0x3F);
            out.write(0x40 | s.integrity() & 0x3F);
            out.write(0x80 | s.confidentiality() & 0x3F);
        }
        return out.toByteArray();
    }
}
