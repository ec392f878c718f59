package io.ipmirunner.ipmi.session;

import io.ipmirunner.ipmi.crypto.AuthAlgorithm;
import io.ipmirunner.ipmi.crypto.CipherSuite;
import io.ipmirunner.ipmi.crypto.Rakp;
import io.ipmirunner.ipmi.crypto.SessionKeys;
import io.ipmirunner.ipmi.wire.Rakp.Message2;
import java.util.Arrays;

/**
 * What the RAKP hashes take from the console's side besides randoms and ids (IPMI v2.0 §13.20-§13.23,
 * §13.31): the user name, the password key, the role byte of RAKP 3 and the algorithm of RAKP 4's check
 * value. Either as the specification says, or as Intel's early IPMI 2.0 firmware computes them (FreeIPMI's
 * {@code intel20}, found on the SE7520AF2 with the Intel Server Management Module; ipmitool has the same
 * workaround): the name padded with NULs to 16 bytes in RAKP 1, RAKP 2 and the SIK, but RAKP 3 hashed with the
 * name as it is and without the name-only lookup bit, an HMAC-MD5 password cut to 16 bytes, and RAKP 4's value computed with the algorithm that matches the
 * session's integrity algorithm instead of its authentication algorithm.
 *
 * <p>Intel's reading is taken when the host says {@code ipmi_workarounds: [intel20]}, or when RAKP 2's code
 * proves the password only under it ({@link #provenBy}): either way the code is keyed by the password, so
 * a BMC that does not know it can prove neither.
 */
final class RakpInputs {
    /** Intel's user name length: the v1.5 and v2.0 maximum, 16 bytes (§13.20 Table 13-11). */
    private static final int INTEL_LENGTH = 16;

    /** The name RAKP 1 carries and RAKP 2 and the SIK hash; RAKP 3 hashes {@code rakp3Name}. */
    private final byte[] name;
    private final byte[] rakp3Name;
    private final byte[] password;
    private final boolean intel;

    private RakpInputs(byte[] name, byte[] rakp3Name, byte[] password, boolean intel) {
        this.name = name;
        this.rakp3Name = rakp3Name;
        this.password = password;
        this.intel = intel;
    }

    /** The reading the host's configuration asks for. */
    static RakpInputs of(SessionConfig config) {
        byte[] name = config.usernameBytes();
        var standard = new RakpInputs(name, name, config.password().reveal(), false);
        return config.workarounds().contains(Workaround.INTEL20) ? standard.asIntel() : standard;
    }

    private RakpInputs asIntel() {
        byte[] padded = name.length < INTEL_LENGTH ? Arrays.copyOf(name, INTEL_LENGTH) : name;
        return new RakpInputs(padded, name, password, true);
    }

    /** The name RAKP 1 carries (§13.20): FreeIPMI sends Intel's padded, and so do we when told. */
    byte[] rakp1Name() {
        return name;
    }

    /** The password key for {@code auth}: Intel's HMAC-MD5 takes its first 16 bytes only. */
    byte[] kuid(AuthAlgorithm auth) {
        return intel && auth == AuthAlgorithm.RAKP_HMAC_MD5 && password.length > INTEL_LENGTH
                ? Arrays.copyOf(password, INTEL_LENGTH) : password;
    }

    /**
     * The reading under which RAKP 2's key exchange code proves the password, or null: this one, else, for
     * a name Intel pads (shorter than 16 bytes), Intel's. The names sent in RAKP 1 are those of this reading.
     */
    RakpInputs provenBy(AuthAlgorithm auth, Message2 m2, int consoleSid, int bmcSid, byte[] rm, int role) {
        if (proves(auth, m2, consoleSid, bmcSid, rm, role)) {
            return this;
        }
        RakpInputs other = intel ? null : asIntel();
        return other != null && other.name.length != name.length
                && other.proves(auth, m2, consoleSid, bmcSid, rm, role) ? other : null;
    }

    private boolean proves(AuthAlgorithm auth, Message2 m2, int consoleSid, int bmcSid, byte[] rm, int role) {
        byte[] expected = Rakp.rakp2KeyExchangeAuthCode(auth, kuid(auth), consoleSid, bmcSid, rm,
                m2.managedSystemRandom(), m2.managedSystemGuid(), role, name);
        return Rakp.constantTimeEquals(expected, m2.keyExchangeAuthCode(expected.length));
    }

    /** RAKP 3's key exchange code (§13.22); Intel's hashes the name unpadded and no name-only lookup bit. */
    byte[] rakp3Code(AuthAlgorithm auth, byte[] rc, int consoleSid, int role) {
        int hashed = intel ? role & ~io.ipmirunner.ipmi.wire.Rakp.NAME_ONLY_LOOKUP : role;
        return Rakp.rakp3KeyExchangeAuthCode(auth, kuid(auth), rc, consoleSid, hashed, rakp3Name);
    }

    /** The session keys (§13.31), SIK from RAKP 1's role as sent. */
    SessionKeys keys(AuthAlgorithm auth, byte[] kg, byte[] rm, byte[] rc, int role) {
        return SessionKeys.derive(auth, kg, kuid(auth), rm, rc, role, name);
    }

    /**
     * Whether RAKP 4's integrity check value (§13.23) is right. RAKP-none has no key to check one with: what
     * some BMCs send anyway (FreeIPMI's integritycheckvalue) is ignored.
     */
    boolean rakp4Checks(CipherSuite suite, byte[] sik, byte[] rm, int bmcSid, byte[] guid, byte[] icv) {
        AuthAlgorithm alg = intel ? Rakp.intel20Rakp4Algorithm(suite) : suite.auth();
        if (suite.auth() == AuthAlgorithm.RAKP_NONE) {
            return true;
        }
        return Rakp.constantTimeEquals(Rakp.rakp4IntegrityCheckValue(alg, sik, rm, bmcSid, guid), icv);
    }
}
