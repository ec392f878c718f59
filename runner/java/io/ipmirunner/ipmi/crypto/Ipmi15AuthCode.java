package io.ipmirunner.ipmi.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The IPMI v1.5 session header AuthCode (IPMI v2.0 §13.6 and §22.17.1 "AuthCode Algorithms";
 * IPMI v1.5 §6.12.4). Verified against ipmitool src/plugins/lan/auth.c (ipmi_auth_md5/md2) and
 * lan.c (ipmi_lan_build_cmd), and FreeIPMI libfreeipmi/util/ipmi-lan-util.c:
 * <ul>
 *   <li>password = Kuid zero-padded (or truncated) to 16 bytes;</li>
 *   <li>MD2/MD5: hash(password | session id | message | session sequence | password), the two
 *       32-bit fields little-endian;</li>
 *   <li>"message" is the IPMI message only: from rsAddr through the second checksum, exactly the
 *       bytes counted by the Message Length field (ipmitool hashes msg+mp for msg[mp-1] bytes;
 *       FreeIPMI hashes lan_msg_hdr | cmd | lan_msg_trlr). Neither the RMCP nor the session header is
 *       included;</li>
 *   <li>NONE: the 16-byte AuthCode field is absent from the session header (ipmitool adds 16 bytes
 *       only when the auth type is non-zero), so {@link #compute} returns an empty array.</li>
 * </ul>
 */
public final class Ipmi15AuthCode {
    public static final int NONE = 0;
    public static final int MD2 = 1;
    public static final int MD5 = 2;
    public static final int STRAIGHT = 4;

    private static final int LENGTH = 16;

    private static final ThreadLocal<MessageDigest> MD5_DIGEST = digest("MD5");
    private static final ThreadLocal<MessageDigest> MD2_DIGEST = digest("MD2");

    private Ipmi15AuthCode() {
    }

    /**
     * The AuthCode for one packet: 16 bytes, or empty for {@link #NONE}.
     *
     * @param authType   NONE, MD2, MD5 or STRAIGHT (OEM type 5 is not supported)
     * @param password   Kuid; null = empty; padded with zeros / truncated to 16 bytes
     * @param sessionId  session id as in the session header
     * @param message    IPMI message, rsAddr through the second checksum
     * @param sessionSeq session sequence number as in the session header
     */
    public static byte[] compute(int authType, byte[] password, int sessionId, byte[] message, int sessionSeq) {
        byte[] pw16 = Arrays.copyOf(password == null ? new byte[0] : password, LENGTH);
        try {
            return switch (authType) {
                case NONE -> new byte[0];
                // §22.17.1 "straight password/key": the padded password itself travels in the field.
                case STRAIGHT -> pw16.clone();
                case MD2 -> hash(MD2_DIGEST.get(), pw16, sessionId, message, sessionSeq);
                case MD5 -> hash(MD5_DIGEST.get(), pw16, sessionId, message, sessionSeq);
                default -> throw new IllegalArgumentException("unsupported IPMI v1.5 auth type " + authType);
            };
        } finally {
            Arrays.fill(pw16, (byte) 0);
        }
    }

    // §22.17.1: AuthCode = H(password | session id | IPMI message | session seq | password).
    private static byte[] hash(MessageDigest md, byte[] pw16, int sessionId, byte[] message, int sessionSeq) {
        md.reset();
        md.update(pw16);
        md.update(Rakp.le32(sessionId));
        if (message != null) {
            md.update(message);
        }
        md.update(Rakp.le32(sessionSeq));
        md.update(pw16);
        return md.digest();
    }

    private static ThreadLocal<MessageDigest> digest(String name) {
        return ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JDK lacks " + name, e);
            }
        });
    }
}
