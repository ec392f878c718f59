package io.ipmirunner.sim.fault;

import java.util.Locale;
import java.util.Optional;

/** Misbehaviours real BMCs ship with, which a fleet tool has to cope with. */
public enum Quirk {
    /** Accepts the "persistent" boot flag but clears the override after one boot anyway. */
    IGNORES_PERSISTENT_BOOT_FLAGS,
    /**
     * The BIOS never reads the boot flags (as a UEFI firmware given a legacy override): the host boots its
     * default device and the override stays pending, valid, after the boot.
     */
    IGNORES_BOOT_FLAGS,
    /** Offers and accepts only RMCP+ cipher suite 3. */
    SUITE_3_ONLY,
    /** An IPMI v1.5 BMC: no RMCP+, no v2.0 data in Get Channel Authentication Capabilities. */
    IPMI_15_ONLY,
    /** The FRU board area checksum is wrong. */
    BAD_FRU_CHECKSUM,
    /**
     * The settings a security audit flags: cipher suite 0 (no authentication) offered, IPMI v1.5 auth types
     * none, straight password and MD2 enabled, the anonymous user (null name, null password) enabled, and SOL
     * neither forcing encryption nor authentication and open to user-level accounts.
     */
    INSECURE_AUTH,
    /**
     * Set User Password answers success and keeps the old password (firmware that drops a password it will not
     * take, e.g. one its complexity policy refuses): only a fresh login shows the rotation did not happen.
     */
    IGNORES_SET_PASSWORD,
    /**
     * The first fan has stopped while the host is on: Fan1 reads 0 RPM (below its lower non-recoverable
     * threshold) and CPU1 Temp, the processor it cools, reads past its upper critical threshold.
     */
    FAILED_FAN,
    /**
     * Replies inside a session carry a wrong data checksum (IPMI v2.0 §13.8, the message's second checksum),
     * the packet otherwise valid and its AuthCode right: FreeIPMI's {@code nochecksumcheck} (seen on
     * Supermicro X9 boards).
     */
    BAD_REPLY_CHECKSUM,
    /**
     * With cipher suite 0 (RAKP-none), RAKP 4 carries a 12-byte integrity check value where §13.23 has none:
     * FreeIPMI's {@code integritycheckvalue} (Supermicro X8DTG/X8DTU, Intel S5500WBV, S2600JF).
     */
    SUITE0_RAKP4_ICV,
    /**
     * Get Channel Authentication Capabilities says no kind of user may log in (the anonymous, null and
     * non-null username bits of byte 3 all clear) while logins work: FreeIPMI's {@code authcap} (Asus P5M2,
     * Intel SR1520ML, Sun Fire ELOM).
     */
    BAD_AUTH_CAPABILITIES,
    /**
     * IPMI v1.5 session replies carry the BMC's session sequence number byte-swapped: FreeIPMI's
     * {@code endianseq} (Sun ILOM 1.0/2.0, depending on the service processor's endianness).
     */
    SWAPPED_V15_SEQUENCE,
    /**
     * RAKP's key exchange codes and the session integrity key are hashed with the privilege level of the Open
     * Session Request instead of RAKP 1's role (§13.20, §13.31 name the role): FreeIPMI's {@code opensesspriv}
     * (Sun Fire ILOM, Supermicro X8DTH, Intel S5500WBV, Dell C5220). A console that asks for "highest" (0) in
     * Open Session and a real level in RAKP 1 sees its password refused.
     */
    OPEN_SESSION_PRIVILEGE_KEYS,
    /**
     * RAKP 2 carries one byte more than its key exchange authentication code (§13.21), so its payload length
     * is one too long: FreeIPMI's {@code supermicro20} (Supermicro H8QME with Peppercon firmware).
     */
    LONG_RAKP2_CODE,
    /**
     * IPMI v1.5 session replies carry session id 0 in their session header (the auth code computed over the
     * header as sent): FreeIPMI's {@code idzero} (Tyan S2882 with an M3289 BMC).
     */
    ZERO_V15_SESSION_ID,
    /**
     * IPMI v1.5 per-message authentication disabled (Get Channel Authentication Capabilities says so and
     * Activate Session grants auth type none for the rest of the session), yet the replies carry the auth type
     * of the activation and its auth code: FreeIPMI's {@code unexpectedauth} (Dell PowerEdge 2850, SC1425).
     */
    UNEXPECTED_V15_AUTH,
    /**
     * IPMI v1.5 per-message authentication advertised as disabled, and auth type none granted by Activate
     * Session, yet unsigned requests are dropped: FreeIPMI's {@code forcepermsg} (IBM eServer 325).
     */
    V15_PER_MESSAGE_AUTH_REQUIRED,
    /**
     * IPMI v1.5 session replies carry a blank auth code: FreeIPMI's {@code noauthcodecheck} (Xyratex
     * FB-H8-SRAY with straight password; Intel Windmill, Quanta Winterfell send wrong ones).
     */
    BLANK_V15_REPLY_AUTH_CODE,
    /**
     * Intel's early IPMI 2.0 firmware (SE7520AF2 with the Intel Server Management Module): FreeIPMI's
     * {@code intel20}. RAKP 2 and the SIK hash the user name padded with NULs to 16 bytes (RAKP 1 may carry it
     * either way), RAKP 3 the name unpadded and without the name-only lookup bit, HMAC-MD5 a password cut to 16
     * bytes, RAKP 4's value the algorithm matching the integrity algorithm; Open Session answers a request for
     * "highest" (0) with 0.
     */
    INTEL20_RAKP,
    /**
     * SOL is served on a UDP port of its own (IPMI v2.0 §24.1: Activate Payload's "Payload UDP Port Number"),
     * which Activate Payload on the session's port reports; SOL packets are taken only there, where a console
     * opens a session of its own. FreeIPMI's ipmiconsole follows the port; ipmitool refuses it.
     */
    SOL_PORT_ELSEWHERE,
    /**
     * Activate Payload reports a SOL port nothing answers on, while SOL works on the session's port:
     * FreeIPMI's {@code solport} (Asus P5MT-R, Supermicro X8DTH-iF).
     */
    WRONG_SOL_PORT,
    /**
     * Activate Payload reports its payload sizes with their two bytes swapped (200 as 51200), and SOL packets
     * longer than the real size are dropped: FreeIPMI's {@code solpayloadsize} (Asus P5M2, Intel SR1520ML,
     * Sun x4100, Supermicro X8DTH and others report sizes out of range).
     */
    SWAPPED_SOL_PAYLOAD_SIZE,
    /**
     * The console's first SOL data packet is never acknowledged, nor its resends under that sequence number;
     * a packet under the next number gets through: FreeIPMI's {@code solpacketseq} (Intel Windmill, Quanta
     * Winterfell, whose BMC "gets stuck").
     */
    STUCK_SOL_SEQUENCE,
    /**
     * The BMC does not increment its SOL packet sequence number: every packet of the host's output goes out
     * as number 1, so a console cannot tell a new packet from a resend by the number alone.
     */
    REPEATED_SOL_SEQUENCE,
    /** Get Payload Activation Status is refused (0xC1): FreeIPMI's {@code solstatus} (Supermicro X8SIL-F). */
    NO_SOL_ACTIVATION_STATUS,
    /**
     * Get Channel Payload Support is refused (0xC1): FreeIPMI's {@code solchannelsupport} (Intel Windmill,
     * Quanta Winterfell, Wiwynn Windmill).
     */
    NO_CHANNEL_PAYLOAD_SUPPORT,
    /**
     * SOL activated with serial alerts to fail while it is active (§24.1 SOL auxiliary data, bits 3:2 = 00b)
     * never takes the console's characters: FreeIPMI's {@code serialalertsdeferred} (Intel Windmill, Quanta
     * Winterfell, Wiwynn Windmill, boards doing IPMI over serial along with SOL).
     */
    SOL_STALLS_WHEN_ALERTS_FAIL;

    /** The command-line spelling: lower case with dashes, e.g. {@code suite-3-only}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Quirk> parse(String s) {
        String k = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Quirk q : values()) {
            if (q.name().equals(k)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
