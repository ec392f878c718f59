package io.ipmirunner.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManPagesTest {
    @Test
    void everyCommandGetsAPageWithItsOptions(@TempDir Path dir) throws IOException {
        assertEquals(0, ManPages.write(dir.toFile()));
        for (String sub : Main.full().getSubcommands().keySet()) {
            assertTrue(Files.exists(dir.resolve("ipmi-runner-" + sub + ".adoc")), sub);
        }
        assertTrue(Files.exists(dir.resolve("ipmi-runner-vault-encrypt-string.adoc")));
        String play = Files.readString(dir.resolve("ipmi-runner-play.adoc"));
        assertTrue(play.contains("= ipmi-runner-play(1)"), play);
        assertTrue(play.contains("*--forks*"), play);
        assertTrue(play.contains("*--start-at-task*"), play);
    }
}
