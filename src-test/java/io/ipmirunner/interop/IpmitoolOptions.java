package io.ipmirunner.interop;

/**
 * How {@link IpmiSim#ipmitool(IpmitoolOptions, String...)} connects. {@code null} fields mean "the
 * fixture's own value" (its primary user, its password, its K_g if it has one).
 *
 * @param iface {@code lanplus} (IPMI 2.0 / RMCP+) or {@code lan} (IPMI 1.5)
 * @param cipherSuite {@code -C} for lanplus. ipmitool's default is 17, which ipmi_sim does not offer,
 *     so the fixture always passes one; 3 is the usual choice of real BMCs
 * @param authType {@code -A} for lan: MD5, PASSWORD, NONE (MD2 is not compiled into Debian's ipmitool);
 *     null lets ipmitool pick from the BMC's capabilities
 * @param kg K_g for lanplus, passed through env IPMI_KGKEY with {@code -K}; "" means none at all
 */
public record IpmitoolOptions(String iface, int cipherSuite, String authType, String username, String password,
                              String kg) {
    public static final IpmitoolOptions DEFAULT = lanplus(3);

    public IpmitoolOptions {
        if (!"lanplus".equals(iface) && !"lan".equals(iface)) {
            throw new IllegalArgumentException("iface must be lan or lanplus: " + iface);
        }
    }

    public static IpmitoolOptions lanplus(int cipherSuite) {
        return new IpmitoolOptions("lanplus", cipherSuite, null, null, null, null);
    }

    public static IpmitoolOptions lan(String authType) {
        return new IpmitoolOptions("lan", 0, authType, null, null, null);
    }

    /** Other credentials than the fixture's primary user, e.g. a wrong password. */
    public IpmitoolOptions as(String user, String pass) {
        return new IpmitoolOptions(iface, cipherSuite, authType, user, pass, kg);
    }

    public IpmitoolOptions withKg(String key) {
        return new IpmitoolOptions(iface, cipherSuite, authType, username, password, key);
    }
}
