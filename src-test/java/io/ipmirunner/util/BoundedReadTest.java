package io.ipmirunner.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedReadTest {
    private static final BoundedRead.Limit TINY = new BoundedRead.Limit("test file", 16);

    @TempDir
    Path dir;

    @Test
    void aRegularFileWithinTheLimitIsReadWhole() throws IOException {
        Path f = Files.write(dir.resolve("ok"), "0123456789abcdef".getBytes());
        assertEquals("0123456789abcdef", BoundedRead.text(f, TINY));
    }

    @Test
    void aRegularFileOverTheLimitIsRefusedNamingFileAndLimit() throws IOException {
        Path f = Files.write(dir.resolve("big"), new byte[17]);
        IOException e = assertThrows(BoundedRead.Refused.class, () -> BoundedRead.bytes(f, TINY));
        assertEquals(f + ": larger than 16 bytes, the limit for a test file", e.getMessage());
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedQuickly() {
        // /dev/zero reports a size of 0: only counting what is read bounds it.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(BoundedRead.Refused.class,
                () -> BoundedRead.bytes(Path.of("/dev/zero"), BoundedRead.SECRET)));
    }

    @Test
    void devNullIsEmpty() throws IOException {
        assertArrayEquals(new byte[0], BoundedRead.bytes(Path.of("/dev/null"), TINY));
    }

    @Test
    void aFifoWhoseWriterNeverStopsIsRefused() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                byte[] chunk = new byte[4096];
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException readerGone) {
                // the reader closed its end after the limit: this writer's only way out
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BoundedRead.Refused.class, () -> BoundedRead.bytes(fifo, TINY)));
        writer.join(5000);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAsText() throws IOException {
        Path f = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, 0x00});
        IOException e = assertThrows(BoundedRead.Refused.class, () -> BoundedRead.text(f, TINY));
        assertEquals(f + ": not UTF-8 text", e.getMessage());
    }

    @Test
    void aMissingFileIsOnePhrase() {
        Path f = dir.resolve("absent");
        IOException e = assertThrows(IOException.class, () -> BoundedRead.bytes(f, TINY));
        assertEquals(f + ": no such file", BoundedRead.problem(f, e));
    }
}
