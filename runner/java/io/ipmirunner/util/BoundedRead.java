package io.ipmirunner.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way a file or stream the user names is read: at most a limit's bytes, whatever the path is.
 * A size taken from the file system cannot bound a read: a device (/dev/zero), a FIFO or a /proc file
 * reports 0 bytes and never ends, so the bytes themselves are counted, one past the limit.
 */
public final class BoundedRead {
    /** How much a kind of file may hold; {@code kind} names it in the error. */
    public record Limit(String kind, int bytes) {}

    /** Password, K_g and vault-password files, and a vault password script's output. */
    public static final Limit SECRET = new Limit("password or key file", 8 * 1024);
    /** Playbooks, task and vars files, inventories, host lists, vault files, fleet files. */
    public static final Limit TEXT = new Limit("playbook, inventory or vars file", 32 * 1024 * 1024);
    /** A run's journal: one line per host and task, so a 10,000-host run of a long playbook stays well under. */
    public static final Limit JOURNAL = new Limit("journal", 512 * 1024 * 1024);

    /** The file could not be taken as input; {@code reason} says why without naming the file. */
    public static final class Refused extends IOException {
        private final String reason;

        Refused(String shownAs, String reason) {
            super(shownAs + ": " + reason, null);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private BoundedRead() {}

    public static byte[] bytes(Path path, Limit limit) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return bytes(in, path.toString(), limit);
        }
    }

    public static byte[] bytes(InputStream in, String shownAs, Limit limit) throws IOException {
        byte[] b = in.readNBytes(limit.bytes() + 1);
        if (b.length > limit.bytes()) {
            throw new Refused(shownAs, "larger than " + limit.bytes() + " bytes, the limit for a " + limit.kind());
        }
        return b;
    }

    /** One phrase naming the file and what is wrong, for errors (JDK messages of these are the bare path). */
    public static String problem(Path path, IOException e) {
        return switch (e) {
            case Refused r -> r.getMessage();
            case java.nio.file.NoSuchFileException n -> path + ": no such file";
            case java.nio.file.AccessDeniedException a -> path + ": permission denied";
            case java.nio.file.FileSystemException f when f.getReason() != null -> path + ": " + f.getReason();
            default -> path + ": " + e.getMessage();
        };
    }

    /** Strict UTF-8: a wrong byte is refused, not replaced, so a binary file never passes for text. */
    public static String text(Path path, Limit limit) throws IOException {
        return utf8(bytes(path, limit), path.toString());
    }

    public static String utf8(byte[] b, String shownAs) throws Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(shownAs, "not UTF-8 text");
        }
    }
}
