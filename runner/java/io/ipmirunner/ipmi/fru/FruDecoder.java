package io.ipmirunner.ipmi.fru;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a FRU inventory image (Platform Management FRU Information Storage Definition v1.0). Real BMCs
 * ship broken images, so nothing here throws on bad input: each defect becomes a warning and whatever can
 * still be read is returned.
 */
public final class FruDecoder {
    /** §11: board manufacturing date is minutes since 0:00 1 Jan 1996 (UTC). */
    private static final Instant EPOCH_1996 = Instant.parse("1996-01-01T00:00:00Z");
    /** §13.1: type/length byte 0xC1 ends the field list. */
    private static final int END_OF_FIELDS = 0xC1;

    private final byte[] image;
    private final List<String> warnings = new ArrayList<>();

    private FruDecoder(byte[] image) {
        this.image = image;
    }

    public static FruInventory decode(byte[] image) {
        return new FruDecoder(image.clone()).decode();
    }

    private FruInventory decode() {
        // §8 Common Header: version, 5 area offsets in multiples of 8 bytes, pad, zero checksum.
        if (image.length < 8) {
            warnings.add("FRU image is " + image.length + " bytes, shorter than the 8-byte common header");
            return new FruInventory(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), warnings);
        }
        if ((image[0] & 0x0f) != 1) {
            warnings.add("common header format version %d, expected 1".formatted(image[0] & 0x0f));
        }
        if (sum(0, 8) != 0) {
            warnings.add("common header " + FruInventory.CHECKSUM_MISMATCH);
        }
        Optional<Area> chassis = area("chassis", image[2] & 0xff);
        Optional<Area> board = area("board", image[3] & 0xff);
        Optional<Area> product = area("product", image[4] & 0xff);
        List<MultiRecord> records = List.of();
        Optional<Area> multi = Optional.empty();
        int multiStart = (image[5] & 0xff) * 8;
        if (multiStart > 0 && multiStart >= image.length) {
            warnings.add("multi-record area offset %d is beyond the %d-byte image".formatted(multiStart,
                    image.length));
        } else if (multiStart > 0) {
            MultiRecordDecoder.Walk w = MultiRecordDecoder.decode(image, multiStart, warnings);
            records = w.records();
            multi = Optional.of(new Area("multi-record", multiStart, w.end(), false));
        }
        overlaps(List.of(chassis, board, product, multi));
        return new FruInventory(chassis.map(this::chassis), board.map(this::board), product.map(this::product),
                records, warnings);
    }

    /**
     * An info area's bounds: start, and the length its second byte declares, clipped to the image; a
     * clipped area has lost its checksum byte, so its fields may run to the very end.
     */
    private record Area(String name, int start, int end, boolean clipped) {}

    private Optional<Area> area(String name, int offset8) {
        if (offset8 == 0) {
            return Optional.empty();
        }
        int start = offset8 * 8;
        if (start + 2 > image.length) {
            warnings.add("%s area offset %d is beyond the %d-byte image".formatted(name, start, image.length));
            return Optional.empty();
        }
        if ((image[start] & 0x0f) != 1) {
            warnings.add("%s area format version %d, expected 1".formatted(name, image[start] & 0x0f));
        }
        int declared = (image[start + 1] & 0xff) * 8;
        int end = start + declared;
        boolean clipped = declared == 0 || end > image.length;
        if (declared == 0) {
            warnings.add(name + " area declares length 0");
            end = image.length;
        } else if (end > image.length) {
            warnings.add("%s area runs %d bytes past the end of the image".formatted(name, end - image.length));
            end = image.length;
        } else if (sum(start, end) != 0) {
            warnings.add(name + " area " + FruInventory.CHECKSUM_MISMATCH);
        }
        return Optional.of(new Area(name, start, end, clipped));
    }

    private void overlaps(List<Optional<Area>> areas) {
        List<Area> present = areas.stream().flatMap(Optional::stream).toList();
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                Area a = present.get(i);
                Area b = present.get(j);
                if (a.start() < b.end() && b.start() < a.end()) {
                    warnings.add("%s and %s areas overlap".formatted(a.name(), b.name()));
                }
            }
        }
    }

    private FruInventory.Chassis chassis(Area a) {
        Fields f = new Fields(a, a.start() + 3, true);
        int type = a.start() + 2 < a.end() ? image[a.start() + 2] & 0xff : 0;
        return new FruInventory.Chassis(ChassisTypes.name(type), f.next(), f.next(), f.rest());
    }

    private FruInventory.Board board(Area a) {
        String date = null;
        if (a.start() + 6 <= a.end()) {
            int minutes = (image[a.start() + 3] & 0xff) | (image[a.start() + 4] & 0xff) << 8
                    | (image[a.start() + 5] & 0xff) << 16;
            date = minutes == 0 ? null : EPOCH_1996.plus(Duration.ofMinutes(minutes)).toString();
        }
        Fields f = new Fields(a, a.start() + 6, english(a));
        return new FruInventory.Board(date, f.next(), f.next(), f.next(), f.next(), f.next(), f.rest());
    }

    private FruInventory.Product product(Area a) {
        Fields f = new Fields(a, a.start() + 3, english(a));
        return new FruInventory.Product(f.next(), f.next(), f.next(), f.next(), f.next(), f.next(), f.next(),
                f.rest());
    }

    /** Board and product areas: byte 3 is the language code (§11, §12), which decides what 11b text is. */
    private boolean english(Area a) {
        return a.start() + 2 >= a.end() || FruText.english(image[a.start() + 2] & 0xff);
    }

    /**
     * A cursor over an area's type/length fields (§13.1); stops at 0xC1, the area end, or a bad length.
     * The area's last byte is its checksum, never a field, unless the image cut the area short.
     */
    private final class Fields {
        private final Area area;
        private final int limit;
        private final boolean english;
        private int pos;
        private boolean ended;

        Fields(Area area, int pos, boolean english) {
            this.area = area;
            this.english = english;
            this.limit = area.clipped() ? area.end() : area.end() - 1;
            this.pos = pos;
        }

        String next() {
            if (ended) {
                return null;
            }
            if (pos >= limit) {
                warnings.add(area.name() + " area ends without the 0xC1 end-of-fields marker");
                ended = true;
                return null;
            }
            int tl = image[pos] & 0xff;
            if (tl == END_OF_FIELDS) {
                ended = true;
                return null;
            }
            int len = tl & 0x3f;
            if (pos + 1 + len > limit) {
                warnings.add("%s area field at offset %d runs past the area end".formatted(area.name(), pos));
                ended = true;
                return null;
            }
            byte[] body = java.util.Arrays.copyOfRange(image, pos + 1, pos + 1 + len);
            pos += 1 + len;
            return FruText.decode(tl >> 6, body, english);
        }

        /** The custom fields after the defined ones, up to the end marker. */
        List<String> rest() {
            List<String> custom = new ArrayList<>();
            for (String s = next(); s != null; s = next()) {
                custom.add(s);
            }
            return custom;
        }
    }

    private int sum(int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += image[i] & 0xff;
        }
        return s & 0xff;
    }
}
