package io.ipmirunner.ipmi.session;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FreeIPMI's workaround flags ({@code -W}) that ipmi-runner takes only when told, through a host's
 * {@code ipmi_workarounds}. Most of FreeIPMI's catalogue needs no flag here, because the engine tells those
 * faults from the replies ({@link #HANDLED_UNASKED}; docs/interop-notes.md). These two cannot be told apart
 * from an honest BMC or a forged reply, so the operator decides per host.
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
    NOAUTHCODECHECK;

    /** FreeIPMI's flags whose faults the engine copes with unasked. */
    public static final Set<String> HANDLED_UNASKED = Set.of("authcap", "integritycheckvalue", "nochecksumcheck",
            "endianseq", "opensesspriv", "supermicro20", "sun20", "idzero", "unexpectedauth");
    /** FreeIPMI's flags for faults ipmi-runner does not handle yet. */
    public static final Set<String> NOT_HANDLED = Set.of("intel20");

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
