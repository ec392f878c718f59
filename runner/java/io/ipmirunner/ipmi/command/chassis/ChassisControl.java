package io.ipmirunner.ipmi.command.chassis;

import io.ipmirunner.ipmi.command.WireMessage;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.ByteWriter;
import io.ipmirunner.ipmi.wire.MalformedPacketException;

/** Chassis Control request (IPMI v2.0 §28.3, Table 28-4). */
public record ChassisControl(int action) implements WireMessage {
    public static final int POWER_DOWN = 0x00;
    public static final int POWER_UP = 0x01;
    public static final int POWER_CYCLE = 0x02;
    public static final int HARD_RESET = 0x03;
    public static final int DIAGNOSTIC_INTERRUPT = 0x04;
    public static final int SOFT_SHUTDOWN = 0x05;

    @Override
    public void encode(ByteWriter w) {
        w.u8(action & 0x0F);
    }

    public static ChassisControl decode(ByteReader r) throws MalformedPacketException {
        return new ChassisControl(r.u8() & 0x0F);
    }
}
