package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.fru.FruDecoder;
import io.ipmirunner.ipmi.fru.FruInventory;
import io.ipmirunner.ipmi.fru.FruReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fru [id=0] [checksums=fail|warn]}: the chassis, board, product and multi-record areas of one FRU device.
 * Read-only. A checksum mismatch fails the task by default: an audit goes by exit codes, and a checksum says the
 * stored bytes are not the ones written, so every decoded field is suspect. {@code warn} keeps it a warning.
 */
public final class FruModule implements Module<FruModule.Args> {
    /** The FRU device ID (IPMI v2.0 §34.1); 0 is the BMC's own FRU. */
    record Args(int id, boolean failOnChecksum) {}

    @Override
    public String name() {
        return "fru";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        if (!Set.of("id", "checksums").containsAll(args.keySet())) {
            throw new ModuleArgumentException("fru takes only id=N and checksums=fail|warn, got " + args.keySet());
        }
        String checksums = args.getOrDefault("checksums", "fail");
        if (!Set.of("fail", "warn").contains(checksums)) {
            throw new ModuleArgumentException("fru checksums must be fail or warn, got '" + checksums + "'");
        }
        String id = args.getOrDefault("id", "0");
        try {
            int n = Integer.decode(id);
            if (n < 0 || n > 0xfe) {
                throw new NumberFormatException();
            }
            return new Args(n, checksums.equals("fail"));
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("fru id must be 0..254, got " + id);
        }
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        FruInventory fru = FruDecoder.decode(FruReader.read(bmc, a.id()));
        List<String> defects = fru.checksumDefects();
        if (a.failOnChecksum() && !defects.isEmpty()) {
            return ModuleResult.failed(result(fru), "FRU " + a.id() + ": " + String.join("; ", defects)
                    + " (checksums=warn reads it anyway)");
        }
        return new ModuleResult(false, result(fru));
    }

    /** The Contract's keys; an absent area or field is an absent key, so JSON shows what the BMC holds. */
    static Map<String, Object> result(FruInventory fru) {
        Map<String, Object> r = new LinkedHashMap<>();
        fru.chassis().ifPresent(c -> r.put("chassis", map("type", c.type(), "part_number", c.partNumber(),
                "serial", c.serial(), "custom", c.custom())));
        fru.board().ifPresent(b -> r.put("board", map("mfg_date", b.mfgDate(), "manufacturer", b.manufacturer(),
                "product", b.product(), "serial", b.serial(), "part_number", b.partNumber(),
                "fru_file_id", b.fruFileId(), "custom", b.custom())));
        fru.product().ifPresent(p -> r.put("product", map("manufacturer", p.manufacturer(), "name", p.name(),
                "part_number", p.partNumber(), "version", p.version(), "serial", p.serial(),
                "asset_tag", p.assetTag(), "fru_file_id", p.fruFileId(), "custom", p.custom())));
        if (!fru.multiRecords().isEmpty()) {
            r.put("multi_records", fru.multiRecords().stream().map(MultiRecordFields::of).toList());
        }
        r.put("warnings", fru.warnings());
        return r;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            boolean empty = v == null || (v instanceof java.util.List<?> l && l.isEmpty());
            if (!empty) {
                m.put((String) kv[i], v);
            }
        }
        return m;
    }
}
