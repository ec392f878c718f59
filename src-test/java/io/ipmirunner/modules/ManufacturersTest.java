package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manufacturer names: the table held against IANA's registry, and the registry for everything else. */
class ManufacturersTest {
    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** Each table entry names the organisation IANA registered the number to (ipmitool installs the registry). */
    @Test
    void everyTableNumberIsRegisteredToTheNamedOrganisation() {
        Peers.require("ipmitool");
        assertTrue(Files.isRegularFile(Manufacturers.REGISTRY), "ipmitool's Debian package ships the registry");
        Manufacturers.table().forEach((id, name) -> {
            String registered = Manufacturers.registered(Manufacturers.REGISTRY, id);
            assertTrue(letters(registered).contains(letters(name)), id + ": " + name + " vs IANA: " + registered);
        });
    }

    @Test
    void numbersOutsideTheTableComeFromTheRegistryElseUnknown(@TempDir Path dir) throws Exception {
        Path registry = Files.writeString(dir.resolve("enterprise-numbers.txt"), """
                PRIVATE ENTERPRISE NUMBERS

                Decimal
                | Organization
                0
                  Reserved
                    Internet Assigned Numbers Authority
                      iana&iana.org
                4753
                  MontaVista Software, Inc.
                    Joseph Green
                      jgreen&mvista.com
                9342
                  Penguin Computing
                    Someone
                      someone&example.com
                """);
        assertEquals("Penguin Computing", Manufacturers.registered(registry, 9342));
        assertEquals("unknown", Manufacturers.registered(registry, 9000), "not registered");
        assertEquals("unknown", Manufacturers.registered(registry, 99999), "past the end");
        assertEquals("unknown", Manufacturers.registered(dir.resolve("missing"), 9342));
        assertEquals("MontaVista Software", Manufacturers.name(4753), "ipmitool names 4753 from the registry too");
        assertEquals("Dell", Manufacturers.name(674));
        assertEquals("unknown", Manufacturers.name(0), "unspecified (§20.1), not IANA's 'Reserved'");
    }
}
