package io.ipmirunner.sim;

import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Ipmi15AuthCode;
import java.util.List;

/**
 * How a simulated BMC is configured, as opposed to what it is ({@link io.ipmirunner.sim.model.Personality})
 * and how it fails ({@link io.ipmirunner.sim.fault.FaultProfile}). Defaults follow common BMCs: four
 * sessions, a 60 s idle timeout, suites 0-3 and 17, v1.5 MD5, MD2 and straight password.
 *
 * @param v15AuthTypes bit mask of IPMI v1.5 auth types (bit n = type n: 1 MD2, 2 MD5, 4 straight password)
 */
public record BmcSettings(int sessionLimit, long sessionTimeoutMillis, List<Integer> cipherSuites, int v15AuthTypes,
                          long powerOnDelayMillis, long softOffDelayMillis, long coldResetSilenceMillis,
                          boolean initiallyOn) {
    public static final BmcSettings DEFAULTS = new BmcSettings(4, 60_000, List.of(0, 1, 2, 3, 17),
            1 << Ipmi15AuthCode.MD5 | 1 << Ipmi15AuthCode.STRAIGHT | 1 << Ipmi15AuthCode.MD2, 2_000, 3_000, 10_000,
            true);

    public BmcSettings {
        if (sessionLimit < 0 || sessionLimit > 63) {
            throw new IllegalArgumentException("session limit must be 0..63 (Get Session Info has 6 bits)");
        }
        for (int id : cipherSuites) {
            if (CipherSuite.byId(id).isEmpty()) {
                throw new IllegalArgumentException("cipher suite " + id + " is not supported (use 0-3, 6-8, 11, 12, "
                        + "15-17)");
            }
        }
        cipherSuites = List.copyOf(cipherSuites);
    }

    public BmcSettings withSessionLimit(int n) {
        return new BmcSettings(n, sessionTimeoutMillis, cipherSuites, v15AuthTypes, powerOnDelayMillis,
                softOffDelayMillis, coldResetSilenceMillis, initiallyOn);
    }

    public BmcSettings withSessionTimeout(long millis) {
        return new BmcSettings(sessionLimit, millis, cipherSuites, v15AuthTypes, powerOnDelayMillis,
                softOffDelayMillis, coldResetSilenceMillis, initiallyOn);
    }

    public BmcSettings withCipherSuites(List<Integer> ids) {
        return new BmcSettings(sessionLimit, sessionTimeoutMillis, ids, v15AuthTypes, powerOnDelayMillis,
                softOffDelayMillis, coldResetSilenceMillis, initiallyOn);
    }

    public BmcSettings withV15AuthTypes(int mask) {
        return new BmcSettings(sessionLimit, sessionTimeoutMillis, cipherSuites, mask, powerOnDelayMillis,
                softOffDelayMillis, coldResetSilenceMillis, initiallyOn);
    }

    public BmcSettings withPowerOnDelay(long millis) {
        return new BmcSettings(sessionLimit, sessionTimeoutMillis, cipherSuites, v15AuthTypes, millis,
                softOffDelayMillis, coldResetSilenceMillis, initiallyOn);
    }

    public BmcSettings withInitiallyOn(boolean on) {
        return new BmcSettings(sessionLimit, sessionTimeoutMillis, cipherSuites, v15AuthTypes, powerOnDelayMillis,
                softOffDelayMillis, coldResetSilenceMillis, on);
    }
}
