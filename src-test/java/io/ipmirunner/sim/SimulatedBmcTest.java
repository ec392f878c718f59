package io.ipmirunner.sim;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.model.PowerModel;
import org.junit.jupiter.api.Test;

/** The BMC model with a fake clock: power, next-boot flags, SEL, identify, cold reset schedule. */
class SimulatedBmcTest {
    private static final byte[] PXE_ONCE = {(byte) 0x80, 0x04, 0, 0, 0};

    private final SimulatedBmc bmc = new SimulatedBmc(0, 1, SimHarness.profile(BmcSettings.DEFAULTS,
            FaultProfile.NONE), T0);

    @Test
    void startsOnWithOneSelEntry() {
        assertTrue(bmc.chassisStatus(T0).powerOn());
        assertEquals(1, bmc.sel().count());
        assertEquals(0x22, bmc.sel().record(0)[10], "ACPI power state sensor type");
    }

    @Test
    void powerCycleReadsOffDuringTheDelayAndUsesUpNextBootFlags() {
        bmc.boot().set(BootOptions.BOOT_FLAGS, PXE_ONCE);
        assertInstanceOf(PowerModel.Outcome.Accepted.class, bmc.chassisControl(2, T0 + 1_000));
        bmc.advance(T0 + 2_500);
        assertFalse(bmc.chassisStatus(T0 + 2_500).powerOn());
        assertTrue(bmc.boot().flags().valid(), "not booted yet");
        bmc.advance(T0 + 3_000);
        assertTrue(bmc.chassisStatus(T0 + 3_000).powerOn());
        assertFalse(bmc.boot().flags().valid(), "the boot consumed the one-shot PXE flag");
        assertEquals(3, bmc.sel().count(), "power on at start, cycle, power on");
        assertEquals(T0 / 1000 + 3, readTimestamp(bmc.sel().record(2)), "logged when it happened, not when seen");
    }

    @Test
    void chassisStatusReportsTheLastPowerOnByCommandAndIdentify() {
        bmc.chassisControl(0, T0);
        bmc.chassisControl(1, T0);
        bmc.identify(15, false, T0);
        var s = bmc.chassisStatus(T0 + 1_000);
        assertEquals(0x10, s.lastPowerEvent());
        assertEquals(0x10, s.miscState() & 0x30, "identify on for a while");
        assertEquals(0, bmc.chassisStatus(T0 + 16_000).miscState() & 0x30);
        assertEquals("previous", s.restorePolicy());
    }

    @Test
    void scheduledColdResetSilencesTheBmcOnce() {
        SimulatedBmc flaky = new SimulatedBmc(0, 1, SimHarness.profile(BmcSettings.DEFAULTS,
                FaultProfile.NONE.withColdResetAfter(30_000)), T0);
        flaky.advance(T0 + 29_000);
        assertFalse(flaky.silent(T0 + 29_000));
        flaky.advance(T0 + 30_000);
        assertTrue(flaky.silent(T0 + 35_000));
        assertFalse(flaky.silent(T0 + 40_000));
        flaky.advance(T0 + 100_000);
        assertEquals(1, flaky.resets());
    }

    private static long readTimestamp(byte[] record) {
        return (record[3] & 0xFF) | (record[4] & 0xFF) << 8 | (record[5] & 0xFF) << 16 | (long) (record[6] & 0xFF) << 24;
    }
}
