package io.ipmirunner.ipmi.session;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FreeIPMI's workaround flags ({@code -W}) that ipmi-runner takes only when told, through a host's
 * {@code ipmi_workarounds}. Most of FreeIPMI's catalogue needs no flag here, because the engine tells those
 * faults from the replies ({@link #HANDLED_UNASKED}; docs/interop-notes.md). These cannot be told apart
 * from an honest BMC or a forged reply, or cost a timeout to tell, so the operator decides per host.
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
