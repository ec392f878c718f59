package io.ipmirunner.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PeersTest {
    @Test
    void anInstalledProgramPasses() {
        Peers.require("sh", true);
        assertTrue(Peers.find("sh").isPresent());
    }

    @Test
    void aMissingProgramSkipsLocallyAndFailsOnCiNamingThePackage() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> Peers.require("ipmipower-not-there", false));
        assertTrue(skipped.getMessage().contains("ipmipower-not-there"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> Peers.require("no-such-tool", true));
        assertTrue(failed.getMessage().contains("apt-get install no-such-tool"), failed.getMessage());
    }

    @Test
    void executablesMapToTheirDebianPackages() {
        assertEquals("openipmi", Peers.packageOf("ipmi_sim"));
        assertEquals("freeipmi-tools", Peers.packageOf("bmc-info"));
        assertEquals("iptables", Peers.packageOf("iptables-legacy"));
    }

    @Test
    void rootIsDetectedFromTheProcessOwner() {
        assertEquals("root".equals(System.getProperty("user.name")), Peers.isRoot());
    }
}
