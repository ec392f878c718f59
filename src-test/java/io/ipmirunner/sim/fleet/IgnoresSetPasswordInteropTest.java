package io.ipmirunner.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.Peers;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.fault.Quirk;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ignores-set-password quirk seen by ipmitool: "user set password" succeeds, yet the new password does not
 * log in and the old one still does — the BMC rack-bringup.yml's fresh-login verification exists for.
 */
@Tag("interop")
class IgnoresSetPasswordInteropTest {
    private static final List<String> PLUS_OPERATOR = List.of("-I", "lanplus", "-C", "3", "-L", "OPERATOR");

    @Test
    void setPasswordSucceedsButTheOldPasswordStays(@TempDir Path dir) {
        Peers.require("ipmitool");
        try (InteropFleet fleet = new InteropFleet(1, dir, FaultProfile.NONE.withQuirks(
                Set.of(Quirk.IGNORES_SET_PASSWORD)))) {
            InteropFleet.Result set = fleet.ipmitool(0, List.of("-I", "lanplus", "-C", "3"), "user", "set",
                    "password", "3", "rotated-pw-49");
            assertTrue(set.ok() && set.out().contains("Set User Password command successful"), set.out());
            assertFalse(fleet.ipmitoolAs(0, "operator", "rotated-pw-49", PLUS_OPERATOR, "mc", "info").ok(),
                    "the new password does not log in");
            assertTrue(fleet.ipmitoolAs(0, "operator", InteropFleet.PASSWORD, PLUS_OPERATOR, "mc", "info").ok(),
                    "the old one still does");
        }
    }
}
