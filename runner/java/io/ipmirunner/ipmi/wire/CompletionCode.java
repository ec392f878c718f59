package io.ipmirunner.ipmi.wire;

import java.util.Map;

/**
 * A completion code (IPMI v2.0 §5.2, Table 5-2). An open type: codes the table does not name
 * (OEM 0x01-0x7E, command-specific 0x80-0xBE) still make a value and print as hex.
 */
public record CompletionCode(int code) {
    public static final CompletionCode OK = new CompletionCode(0x00);
    public static final CompletionCode NODE_BUSY = new CompletionCode(0xC0);
    public static final CompletionCode INVALID_COMMAND = new CompletionCode(0xC1);
    public static final CompletionCode TIMEOUT = new CompletionCode(0xC3);
    public static final CompletionCode OUT_OF_SPACE = new CompletionCode(0xC4);
    public static final CompletionCode RESERVATION_CANCELLED = new CompletionCode(0xC5);
    public static final CompletionCode REQUEST_TRUNCATED = new CompletionCode(0xC6);
    public static final CompletionCode REQUEST_LENGTH_INVALID = new CompletionCode(0xC7);
    public static final CompletionCode REQUEST_LENGTH_EXCEEDED = new CompletionCode(0xC8);
    public static final CompletionCode PARAMETER_OUT_OF_RANGE = new CompletionCode(0xC9);
    public static final CompletionCode CANNOT_RETURN_BYTES = new CompletionCode(0xCA);
    public static final CompletionCode NOT_PRESENT = new CompletionCode(0xCB);
    public static final CompletionCode INVALID_DATA_FIELD = new CompletionCode(0xCC);
    public static final CompletionCode INSUFFICIENT_PRIVILEGE = new CompletionCode(0xD4);
    public static final CompletionCode NOT_SUPPORTED_IN_STATE = new CompletionCode(0xD5);
    public static final CompletionCode UNSPECIFIED = new CompletionCode(0xFF);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "ok"),
            Map.entry(0xC0, "node busy"),
            Map.entry(0xC1, "invalid command"),
            Map.entry(0xC2, "invalid command for LUN"),
            Map.entry(0xC3, "timeout while processing command"),
            Map.entry(0xC4, "out of space"),
            Map.entry(0xC5, "reservation canceled or invalid"),
            Map.entry(0xC6, "request data truncated"),
            Map.entry(0xC7, "request data length invalid"),
            Map.entry(0xC8, "request data field length limit exceeded"),
            Map.entry(0xC9, "parameter out of range"),
            Map.entry(0xCA, "cannot return number of requested data bytes"),
            Map.entry(0xCB, "requested sensor, data, or record not present"),
            Map.entry(0xCC, "invalid data field in request"),
            Map.entry(0xCD, "command illegal for specified sensor or record type"),
            Map.entry(0xCE, "command response could not be provided"),
            Map.entry(0xCF, "cannot execute duplicated request"),
            Map.entry(0xD0, "SDR repository in update mode"),
            Map.entry(0xD1, "device in firmware update mode"),
            Map.entry(0xD2, "BMC initialization in progress"),
            Map.entry(0xD3, "destination unavailable"),
            Map.entry(0xD4, "insufficient privilege level"),
            Map.entry(0xD5, "command not supported in present state"),
            Map.entry(0xD6, "command sub-function disabled or unavailable"),
            Map.entry(0xFF, "unspecified error"));

    public CompletionCode {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("completion code " + code);
        }
    }

    public static CompletionCode of(int code) {
        return code == 0 ? OK : new CompletionCode(code);
    }

    public boolean isOk() {
        return code == 0;
    }

    /** What a completion code tells the requester to do: the one classification of Table 5-2. */
    public enum Disposition {
        /** 00h: carried out. */
        OK,
        /**
         * Not carried out because the BMC is busy or not ready (C0h node busy, C3h timeout while processing,
         * CEh response could not be provided, D0h SDR repository in update mode, D1h firmware update mode, D2h
         * BMC initialization in progress): the same request may succeed after a pause.
         */
        RETRY_LATER,
        /** Refused as asked (its data, its target, or the managed system's state): this request fails. */
        FAIL,
        /**
         * The BMC will not carry out this command for this session, whenever and however often it is asked
         * (C1h invalid command, C2h invalid for the LUN, D4h insufficient privilege, D6h sub-function disabled):
         * waiting for it is pointless.
         */
        FATAL
    }

    public Disposition disposition() {
        return switch (code) {
            case 0x00 -> Disposition.OK;
            case 0xC0, 0xC3, 0xCE, 0xD0, 0xD1, 0xD2 -> Disposition.RETRY_LATER;
            case 0xC1, 0xC2, 0xD4, 0xD6 -> Disposition.FATAL;
            default -> Disposition.FAIL;
        };
    }

    /**
     * The disposition for a request that carries no data fields (Get Device ID, Get Chassis Status): "invalid
     * data field" (CCh) and "not supported in present state" (D5h) cannot be about data it does not have, so
     * they speak of the BMC's state (BMCs in a firmware update answer so) and mean retry later.
     */
    public Disposition dispositionWithoutRequestData() {
        return code == 0xCC || code == 0xD5 ? Disposition.RETRY_LATER : disposition();
    }

    /** Worth retrying after a pause: the BMC was busy or not ready ({@link Disposition#RETRY_LATER}). */
    public boolean isTransient() {
        return disposition() == Disposition.RETRY_LATER;
    }

    public String name() {
        String n = NAMES.get(code);
        if (n != null) {
            return n;
        }
        if (code >= 0x01 && code <= 0x7E) {
            return "OEM code";
        }
        return code >= 0x80 && code <= 0xBE ? "command-specific code" : "unknown code";
    }

    @Override
    public String toString() {
        return String.format("0x%02x (%s)", code, name());
    }
}
