package io.ipmirunner.ipmi.session;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FreeIPMI's workaround flags ({@code -W}) that ipmi-runner takes only when told, through a host's
 * {@code ipmi_workarounds}. Most of FreeIPMI's catalogue needs no flag here, because the engine tells those
 * faults from the replies ({@link #HANDLED_UNASKED}; docs/interop-notes.md). The others cannot be told
 * apart from an honest BMC or a forged reply, or cost a timeout to tell, so the operator decides per host;
 * {@link #INTEL20} is told from RAKP 2 for most user names, and named for the others.
 */
public enum Workaround {
    /**
     * Sign every v1.5 request with the activation's auth type even when the BMC grants auth type none for the
     * session (per-message authentication advertised as disabled) but drops unsigned requests: IBM eServer 325.
     * Unasked, the session follows what Activate Session grants, as the specification says (§22.17).
     */
    FORCEPERMSG,
    /**
     * Take v1.5 replies without checking their auth codes (Xyratex FB-H8-SRAY, Intel Windmill, Quanta
     * Winterfell send wrong ones): the operator accepts that a forged reply from that address would be believed.
     */
    NOAUTHCODECHECK,
    /**
     * Hash RAKP as Intel's early IPMI 2.0 firmware does (SE7520AF2 with the Intel Server Management Module):
     * the user name padded to 16 bytes, also in RAKP 1, and the other faults {@code RakpInputs} lists. Unasked
     * the login tells such a BMC from its RAKP 2 when the name is shorter than 16 bytes; a 16-byte name hashes
     * the same either way up to RAKP 3, so there the host must say so.
     */
    INTEL20,
    /**
     * SOL on the session's port whatever port Activate Payload reports. Unasked, a console tries the reported
     * port and comes back when nothing answers there; this skips the try (and its login timeout).
     */
    SOLPORT,
    /**
     * A SOL packet the BMC never acknowledges goes out once more under the next sequence number (Intel
     * Windmill, Quanta Winterfell get stuck on a number): cannot be told from acks lost on the way, and a BMC
     * that took the characters gets them twice.
     */
    SOLPACKETSEQ;

    /** FreeIPMI's flags whose faults the engine copes with unasked. */
    public static final Set<String> HANDLED_UNASKED = Set.of("authcap", "integritycheckvalue", "nochecksumcheck",
            "endianseq", "opensesspriv", "supermicro20", "sun20", "idzero", "unexpectedauth",
            // SOL (docs/console.md): sizes out of range fall back, Get Payload Activation Status and Get Channel
            // Payload Support may be refused, serial alerts are always deferred.
            "solpayloadsize", "solstatus", "solchannelsupport", "serialalertsdeferred");

    /** FreeIPMI's spelling, e.g. {@code forcepermsg}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Workaround> parse(String name) {
        for (Workaround w : values()) {
            if (w.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
