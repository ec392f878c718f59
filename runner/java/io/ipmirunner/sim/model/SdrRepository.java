package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.wire.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDR repository: one Management Controller Device Locator record (IPMI v2.0 §43.9, Table 43-8) and
 * a Full Sensor Record (§43.1, Table 43-1) per sensor. The records hold nothing per BMC, so a fleet shares
 * one repository; record ids are 1..n in order.
 */
public final class SdrRepository {
    public static final SdrRepository STANDARD = new SdrRepository(SensorDef.STANDARD);
    /** When the repository was "last changed" (2024-01-01 UTC): constant, so client SDR caches stay valid. */
    public static final int LAST_CHANGE = 1_704_067_200;

    private static final int FULL_SENSOR = 0x01;
    private static final int MC_LOCATOR = 0x12;
    private static final int BMC_ADDRESS = 0x20;

    private final List<byte[]> records;
    private final List<SensorDef> sensors;

    public SdrRepository(List<SensorDef> sensors) {
        this.sensors = List.copyOf(sensors);
        List<byte[]> r = new ArrayList<>();
        r.add(mcLocator(1));
        for (SensorDef s : sensors) {
            r.add(fullSensor(r.size() + 1, s));
        }
        this.records = List.copyOf(r);
    }

    public int size() {
        return records.size();
    }

    public List<SensorDef> sensors() {
        return sensors;
    }

    /** Index of the record with this id (0x0000 = first, 0xFFFF = last), or -1. */
    public int indexOf(int recordId) {
        if (recordId == Repository.FIRST) {
            return 0;
        }
        if (recordId == Repository.LAST) {
            return records.size() - 1;
        }
        return recordId >= 1 && recordId <= records.size() ? recordId - 1 : -1;
    }

    public byte[] record(int index) {
        return records.get(index).clone();
    }

    public int nextIdAfter(int index) {
        return index + 1 < records.size() ? index + 2 : Repository.LAST;
    }

    private static void header(ByteWriter w, int id, int type) {
        w.u16(id).u8(Repository.VERSION_1_5).u8(type).u8(0);
    }

    private static byte[] finish(ByteWriter w) {
        w.set(4, w.size() - 5); // record length counts the bytes after the 5-byte header
        return w.toByteArray();
    }

    private static void idString(ByteWriter w, String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.min(b.length, 16);
        w.u8(0xC0 | n).bytes(b, 0, n); // type 11b: 8-bit ASCII + Latin 1 (Table 43-1, byte 48)
    }

    private static byte[] mcLocator(int id) {
        ByteWriter w = new ByteWriter(32);
        header(w, id, MC_LOCATOR);
        w.u8(BMC_ADDRESS).u8(0).u8(0);
        // Device capabilities: chassis device, FRU inventory, SEL, SDR repository, sensor device.
        w.u8(0x8F).fill(0, 3);
        w.u8(0x2E).u8(0x01).u8(0); // entity: management controller firmware, instance 1; OEM
        idString(w, "BMC");
        return finish(w);
    }

    private static byte[] fullSensor(int id, SensorDef s) {
        ByteWriter w = new ByteWriter(64);
        header(w, id, FULL_SENSOR);
        w.u8(BMC_ADDRESS).u8(0).u8(s.number());
        w.u8(s.entityId()).u8(s.entityInstance());
        w.u8(0x7F); // initialisation: scanning, events, thresholds, hysteresis, type, defaults enabled
        w.u8(0x64); // capabilities: auto re-arm, hysteresis readable/settable, thresholds readable per mask
        w.u8(s.sensorType()).u8(0x01); // event/reading type 01h: threshold
        // Bytes 15-18: event masks (none generated here); bits 6:4 of bytes 16 and 18 say which lower and
        // upper comparisons a reading returns, NR/C/NC, the readable mask's order shifted by four.
        w.u8(0).u8((s.thresholdMask() & 0x07) << 4);
        w.u8(0).u8((s.thresholdMask() >> 3 & 0x07) << 4);
        w.u8(s.thresholdMask()).u8(0); // readable, not settable
        w.u8(0x00).u8(s.unit()).u8(0x00); // unsigned, base unit, no modifier
        w.u8(0x00); // linear
        w.u8(s.m() & 0xFF).u8((s.m() >> 8 & 0x03) << 6); // M, tolerance 0
        w.u8(0).u8(0); // B = 0, accuracy
        w.u8(0);
        w.u8((s.rExp() & 0x0F) << 4); // R exponent, B exponent 0
        w.u8(0x01).u8(s.raw(s.onValue())).u8(0).u8(0); // nominal reading given
        w.u8(0xFF).u8(0x00); // sensor maximum and minimum reading
        w.u8(s.raw(s.unr())).u8(s.raw(s.uc())).u8(s.raw(s.unc()));
        w.u8(s.raw(s.lnr())).u8(s.raw(s.lc())).u8(s.raw(s.lnc()));
        w.u8(1).u8(1); // hysteresis, one count each way
        w.u16(0).u8(0); // reserved, OEM
        idString(w, s.name());
        return finish(w);
    }
}
