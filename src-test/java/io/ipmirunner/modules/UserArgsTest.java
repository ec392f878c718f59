package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user module's arguments: the password is only ever named, and bound per host. */
class UserArgsTest {
    @TempDir
    Path dir;

    @Test
    void passwordFromAFileLosesItsTrailingNewline() throws Exception {
        Path f = dir.resolve("pw");
        Files.writeString(f, "s3cret-pw\r\n");
        UserArgs a = UserArgs.parse(Map.of("id", "3", "password_file", f.toString())).bind(Map.of());
        assertTrue(a.password().orElseThrow().matches("s3cret-pw".getBytes()));
        assertFalse(a.toString().contains("s3cret"), a.toString());
    }

    @Test
    void passwordFromAVariableMustHoldASecret() throws Exception {
        UserArgs a = UserArgs.parse(Map.of("id", "3", "password_var", "new_bmc_password"));
        Secret s = Secret.of("from-vault", "plain");
        assertTrue(a.bind(Map.of("new_bmc_password", s)).password().orElseThrow().matches("from-vault".getBytes()));
        var notSecret = assertThrows(ModuleArgumentException.class, () -> a.bind(Map.of("new_bmc_password", "x")));
        assertTrue(notSecret.getMessage().contains("does not hold a secret"));
        var missing = assertThrows(ModuleArgumentException.class, () -> a.bind(Map.of()));
        assertTrue(missing.getMessage().contains("exec has no host variables"), missing.getMessage());
    }

    @Test
    void unboundPasswordIsAProgrammingErrorNotASilentSkip() throws Exception {
        UserArgs a = UserArgs.parse(Map.of("id", "3", "password_var", "pw_secret"));
        assertThrows(IllegalStateException.class, a::password);
    }

    @Test
    void badArgumentsSayWhatIsWrong() throws Exception {
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3", "password", "x")));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "0")));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "64")));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of()));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3", "privilege", "root")));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3", "enabled", "yes")));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3",
                "name", "seventeen-letters")));
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3", "password_file", "a",
                "password_var", "b")));
        Path f = dir.resolve("long");
        Files.writeString(f, "twenty-one-bytes-long");
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3",
                "password_file", f.toString())).bind(Map.of()));
        Files.writeString(f, "seventeen-bytes!!");
        assertThrows(ModuleArgumentException.class, () -> UserArgs.parse(Map.of("id", "3",
                "password_file", f.toString(), "password_size", "16")).bind(Map.of()));
        assertEquals(UserAccess.NO_ACCESS, UserArgs.parse(Map.of("id", "3", "privilege", "no_access")).privilege());
        assertEquals(4, UserArgs.parse(Map.of("id", "3", "privilege", "admin")).privilege());
    }
}
