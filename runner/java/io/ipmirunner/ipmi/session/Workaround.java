package io.ipmirunner.ipmi.session;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FreeIPMI's workaround flags ({@code -W}) that ipmi-runner takes only when told, through a host's
 * {@code ipmi_workarounds}. Most of FreeIPMI's catalogue needs no flag here, because the engine tells those
 * faults from the replies ({@link #HANDLED_UNASKED}; docs/interop-notes.md). Two cannot be told apart from an
 * honest BMC or a forged reply, so the operator decides per host; {@link #INTEL20} is told from RAKP 2 for
 * most user names, and named for the others.
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
    INTEL20;

    /** FreeIPMI's flags whose faults the engine copes with unasked. */
    public static final Set<String> HANDLED_UNASKED = Set.of("authcap", "integritycheckvalue", "nochecksumcheck",
            "endianseq", "opensesspriv", "supermicro20", "sun20", "idzero", "unexpectedauth");

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
