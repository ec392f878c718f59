package io.ipmirunner.sim.model;

import io.ipmirunner.ipmi.command.storage.Sel;
import java.util.Arrays;

/**
 * The System Event Log: 16-byte records (IPMI v2.0 §32.1, Table 32-1) kept back to back in one array, so
 * an idle BMC costs a few bytes. When full it stops logging and reports overflow (§31.2), as the spec
 * wants for a log without overwrite. It keeps its own clock (§31.10, settable apart from the BMC's time)
 * and the reservation that guards clearing and partial reads (§31.4).
 */
public final class SelLog {
    public static final int CAPACITY = 512;
    private static final int SYSTEM_EVENT = 0x02;
    private static final int BMC_GENERATOR = 0x0020;
    private static final int EVM_REV = 0x04;

    private byte[] records = new byte[0];
    private int count;
    private int nextId = 1;
    private int lastAdd;
    private int lastErase;
    private boolean overflow;
    private final Reservation reservation = new Reservation();
    private long clockOffsetMillis;

    /**
     * Logs a system event. {@code eventType} is the event/reading type code (0x6F = sensor specific),
     * {@code data1} the offset with its flags; bit 7 of the direction byte set means a deassertion.
     * {@code nowMillis} is the BMC's time; the record carries the SEL clock's.
     */
    public void add(long nowMillis, int sensorType, int sensorNumber, int eventType, boolean deassert, int data1,
                    int data2, int data3) {
        if (count == CAPACITY) {
            overflow = true;
            return;
        }
        if (records.length < (count + 1) * Sel.RECORD_LENGTH) {
            records = Arrays.copyOf(records, Math.min(CAPACITY, Math.max(4, count * 2)) * Sel.RECORD_LENGTH);
        }
        int seconds = (int) time(nowMillis);
        int o = count * Sel.RECORD_LENGTH;
        int id = nextId;
        nextId = nextId >= 0xFFFE ? 1 : nextId + 1;
        byte[] r = records;
        r[o] = (byte) id;
        r[o + 1] = (byte) (id >> 8);
        r[o + 2] = SYSTEM_EVENT;
        r[o + 3] = (byte) seconds;
        r[o + 4] = (byte) (seconds >> 8);
        r[o + 5] = (byte) (seconds >> 16);
        r[o + 6] = (byte) (seconds >> 24);
        r[o + 7] = (byte) BMC_GENERATOR;
        r[o + 8] = (byte) (BMC_GENERATOR >> 8);
        r[o + 9] = EVM_REV;
        r[o + 10] = (byte) sensorType;
        r[o + 11] = (byte) sensorNumber;
        r[o + 12] = (byte) (eventType & 0x7F | (deassert ? 0x80 : 0));
        r[o + 13] = (byte) data1;
        r[o + 14] = (byte) data2;
        r[o + 15] = (byte) data3;
        count++;
        lastAdd = seconds;
    }

    /** Clear SEL (§31.9); clearing cancels the reservation (§31.4). */
    public void clear(long nowMillis) {
        records = new byte[0];
        count = 0;
        overflow = false;
        lastErase = (int) time(nowMillis);
        reservation.cancel();
    }

    /** Reserve SEL (§31.4): a new reservation id, which cancels the one before. */
    public int reserve() {
        return reservation.reserve();
    }

    public boolean reservationValid(int id) {
        return reservation.holds(id);
    }

    /** A BMC reset cancels the reservation. */
    public void cancelReservation() {
        reservation.cancel();
    }

    /** The SEL clock (§31.10) at the BMC's time {@code nowMillis}, in seconds since 1970 UTC. */
    public long time(long nowMillis) {
        return (nowMillis + clockOffsetMillis) / 1000;
    }

    /** Set SEL Time (§31.11): moves the SEL clock only. */
    public void setTime(long nowMillis, long seconds) {
        clockOffsetMillis = seconds * 1000 - nowMillis;
    }

    public int count() {
        return count;
    }

    public int freeBytes() {
        return (CAPACITY - count) * Sel.RECORD_LENGTH;
    }

    public int lastAddition() {
        return lastAdd;
    }

    public int lastErase() {
        return lastErase;
    }

    public boolean overflow() {
        return overflow;
    }

    /** Index of the record with this id (0x0000 first, 0xFFFF last), or -1. */
    public int indexOf(int recordId) {
        if (count == 0) {
            return -1;
        }
        if (recordId == 0x0000) {
            return 0;
        }
        if (recordId == 0xFFFF) {
            return count - 1;
        }
        for (int i = 0; i < count; i++) {
            int o = i * Sel.RECORD_LENGTH;
            if ((records[o] & 0xFF | (records[o + 1] & 0xFF) << 8) == recordId) {
                return i;
            }
        }
        return -1;
    }

    public byte[] record(int index) {
        int o = index * Sel.RECORD_LENGTH;
        return Arrays.copyOfRange(records, o, o + Sel.RECORD_LENGTH);
    }

    /** Id of the record after {@code index}, or 0xFFFF after the last one. */
    public int nextIdAfter(int index) {
        if (index + 1 >= count) {
            return 0xFFFF;
        }
        int o = (index + 1) * Sel.RECORD_LENGTH;
        return records[o] & 0xFF | (records[o + 1] & 0xFF) << 8;
    }
}
