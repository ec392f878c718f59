package io.ipmirunner.ipmi.fru;

import java.util.List;
import java.util.Optional;

/**
 * A decoded FRU inventory (Platform Management FRU Information Storage Definition v1.0). Absent areas are
 * empty; fields that could not be decoded are null; every defect found is in {@link #warnings}.
 */
public record FruInventory(Optional<Chassis> chassis, Optional<Board> board, Optional<Product> product,
                           List<MultiRecord> multiRecords, List<String> warnings) {
    /** Ends every warning about a checksum, the one defect that says the stored bytes are not what was written. */
    public static final String CHECKSUM_MISMATCH = "checksum mismatch";

    public FruInventory {
        multiRecords = List.copyOf(multiRecords);
        warnings = List.copyOf(warnings);
    }

    /** The warnings that are checksum mismatches (common header, an area, a multi-record header or its data). */
    public List<String> checksumDefects() {
        return warnings.stream().filter(w -> w.contains(CHECKSUM_MISMATCH)).toList();
    }

    /** §10 Chassis Info Area. */
    public record Chassis(String type, String partNumber, String serial, List<String> custom) {}

    /** §11 Board Info Area; {@code mfgDate} is ISO-8601 UTC, null when unspecified (0). */
    public record Board(String mfgDate, String manufacturer, String product, String serial, String partNumber,
                        String fruFileId, List<String> custom) {}

    /** §12 Product Info Area. */
    public record Product(String manufacturer, String name, String partNumber, String version, String serial,
                          String assetTag, String fruFileId, List<String> custom) {}
}
