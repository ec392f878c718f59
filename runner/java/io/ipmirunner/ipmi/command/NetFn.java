package io.ipmirunner.ipmi.command;

/** Network function codes for requests (IPMI v2.0 §5.1, Table 5-1); responses use the code + 1. */
public final class NetFn {
    public static final int CHASSIS = 0x00;
    public static final int BRIDGE = 0x02;
    public static final int SENSOR_EVENT = 0x04;
    public static final int APP = 0x06;
    public static final int FIRMWARE = 0x08;
    public static final int STORAGE = 0x0A;
    public static final int TRANSPORT = 0x0C;
    public static final int GROUP_EXTENSION = 0x2C;
    public static final int OEM_GROUP = 0x2E;

    private NetFn() {}
}
