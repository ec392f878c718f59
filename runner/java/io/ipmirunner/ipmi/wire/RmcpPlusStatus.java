package io.ipmirunner.ipmi.wire;

/** RMCP+ and RAKP message status codes (IPMI v2.0 §13.24, Table 13-15). An open type like completion codes. */
public record RmcpPlusStatus(int code) {
    public static final RmcpPlusStatus OK = new RmcpPlusStatus(0x00);
    public static final RmcpPlusStatus INSUFFICIENT_RESOURCES = new RmcpPlusStatus(0x01);
    public static final RmcpPlusStatus INVALID_SESSION_ID = new RmcpPlusStatus(0x02);
    public static final RmcpPlusStatus INVALID_ROLE = new RmcpPlusStatus(0x09);
    public static final RmcpPlusStatus UNAUTHORIZED_ROLE = new RmcpPlusStatus(0x0A);
    public static final RmcpPlusStatus INSUFFICIENT_RESOURCES_FOR_ROLE = new RmcpPlusStatus(0x0B);
    public static final RmcpPlusStatus UNAUTHORIZED_NAME = new RmcpPlusStatus(0x0D);
    public static final RmcpPlusStatus INVALID_INTEGRITY_CHECK_VALUE = new RmcpPlusStatus(0x0F);
    public static final RmcpPlusStatus NO_CIPHER_SUITE_MATCH = new RmcpPlusStatus(0x11);

    private static final String[] NAMES = {
        "no errors",
        "insufficient resources to create a session",
        "invalid session ID",
        "invalid payload type",
        "invalid authentication algorithm",
        "invalid integrity algorithm",
        "no matching authentication payload",
        "no matching integrity payload",
        "inactive session ID",
        "invalid role",
        "unauthorized role or privilege level requested",
        "insufficient resources to create a session at the requested role",
        "invalid name length",
        "unauthorized name",
        "unauthorized GUID",
        "invalid integrity check value",
        "invalid confidentiality algorithm",
        "no cipher suite match with proposed security algorithms",
        "illegal or unrecognized parameter",
    };

    public static RmcpPlusStatus of(int code) {
        return code == 0 ? OK : new RmcpPlusStatus(code & 0xFF);
    }

    public boolean isOk() {
        return code == 0;
    }

    /** The BMC has no room now: retry later, never an authentication failure. */
    public boolean isResourceShortage() {
        return code == 0x01 || code == 0x0B;
    }

    public String name() {
        return code < NAMES.length ? NAMES[code] : "reserved status";
    }

    @Override
    public String toString() {
        return String.format("0x%02x (%s)", code, name());
    }
}
