package io.ipmirunner.ipmi.command.chassis;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.Optional;

/** Get Chassis Status response (IPMI v2.0 §28.2, Table 28-3). The front panel byte is optional. */
public record ChassisStatus(int powerState, int lastPowerEvent, int miscState, int frontPanel)
        implements WireMessage {
    @Override
    public void encode(ByteWriter w) {
        w.u8(powerState).u8(lastPowerEvent).u8(miscState);
        if (frontPanel >= 0) {
            w.u8(frontPanel);
        }
    }

    public static ChassisStatus decode(ByteReader r) throws MalformedPacketException {
        int p = r.u8();
        int e = r.u8();
        int m = r.u8();
        return new ChassisStatus(p, e, m, r.hasRemaining() ? r.u8() : -1);
    }

    public boolean powerOn() {
        return (powerState & 0x01) != 0;
    }

    public boolean powerOverload() {
        return (powerState & 0x02) != 0;
    }

    public boolean interlock() {
        return (powerState & 0x04) != 0;
    }

    public boolean mainPowerFault() {
        return (powerState & 0x08) != 0;
    }

    public boolean powerControlFault() {
        return (powerState & 0x10) != 0;
    }

    /**
     * The chassis identify state, byte 3 bits 5:4 (off, timed, on; 3 is reserved), when bit 6 says the BMC
     * reports it (it is optional, §28.2); empty otherwise.
     */
    public Optional<String> identifyState() {
        if ((miscState & 0x40) == 0) {
            return Optional.empty();
        }
        return Optional.of(switch (miscState >> 4 & 3) {
            case 0 -> "off";
            case 1 -> "timed";
            case 2 -> "on";
            default -> "reserved";
        });
    }

    /** Bits 6:5: 0 stay off, 1 restore previous, 2 always on, 3 unknown. */
    public String restorePolicy() {
        return switch (powerState >> 5 & 3) {
            case 0 -> "always-off";
            case 1 -> "previous";
            case 2 -> "always-on";
            default -> "unknown";
        };
    }
}
