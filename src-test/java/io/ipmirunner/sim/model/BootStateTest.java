package io.ipmirunner.sim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.chassis.BootFlags;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import org.junit.jupiter.api.Test;

/** Boot flag semantics (IPMI v2.0 §28.13): one-shot flags are used up by a boot, persistent ones stay. */
class BootStateTest {
    /** What {@code ipmitool chassis bootdev pxe} writes: valid, next boot only, PXE. */
    private static final byte[] PXE_ONCE = {(byte) 0x80, 0x04, 0, 0, 0};
    /** {@code bootdev disk options=persistent}: valid, persistent, disk. */
    private static final byte[] DISK_ALWAYS = {(byte) 0xC0, 0x08, 0, 0, 0};

    @Test
    void nextBootOnlyFlagsAreClearedByTheBoot() {
        BootState b = new BootState(false, false);
        assertInstanceOf(BootState.SetResult.Applied.class, b.set(BootOptions.BOOT_FLAGS, PXE_ONCE));
        assertArrayEquals(PXE_ONCE, b.get(BootOptions.BOOT_FLAGS));
        assertEquals(BootFlags.Device.PXE.code(), b.flags().device());
        b.onBoot();
        assertFalse(b.flags().valid());
        assertEquals(BootFlags.Device.PXE.code(), b.flags().device(), "the device stays, only valid is cleared");
    }

    @Test
    void persistentFlagsSurviveBoots() {
        BootState b = new BootState(false, false);
        b.set(BootOptions.BOOT_FLAGS, DISK_ALWAYS);
        b.onBoot();
        b.onBoot();
        assertTrue(b.flags().valid());
        assertTrue(b.flags().persistent());
    }

    @Test
    void theQuirkForgetsPersistentFlagsAfterOneBoot() {
        BootState b = new BootState(true, false);
        b.set(BootOptions.BOOT_FLAGS, DISK_ALWAYS);
        assertTrue(b.flags().valid());
        b.onBoot();
        assertFalse(b.flags().valid());
    }

    @Test
    void aBiosThatIgnoresTheFlagsLeavesTheOverridePending() {
        BootState b = new BootState(false, true);
        b.set(BootOptions.BOOT_FLAGS, PXE_ONCE);
        b.onBoot();
        assertArrayEquals(PXE_ONCE, b.get(BootOptions.BOOT_FLAGS), "still valid, still PXE: nobody consumed it");
    }

    @Test
    void infoAcknowledgeIsMaskedAndResetByTheBoot() {
        BootState b = new BootState(false, false);
        b.set(BootOptions.BOOT_INFO_ACK, new byte[] {0x01, 0x01});
        b.set(BootOptions.BOOT_INFO_ACK, new byte[] {0x02, 0x03});
        assertArrayEquals(new byte[] {0, 0x03}, b.get(BootOptions.BOOT_INFO_ACK));
        b.onBoot();
        assertArrayEquals(new byte[] {0, 0}, b.get(BootOptions.BOOT_INFO_ACK));
    }

    @Test
    void unknownParametersAndShortDataAreRefused() {
        BootState b = new BootState(false, false);
        var r = assertInstanceOf(BootState.SetResult.Refused.class, b.set(7, new byte[] {1}));
        assertEquals(BootOptions.CC_PARAMETER_NOT_SUPPORTED, r.completionCode());
        assertNull(b.get(7));
        var shortData = assertInstanceOf(BootState.SetResult.Refused.class, b.set(BootOptions.BOOT_FLAGS, new byte[2]));
        assertEquals(0xC7, shortData.completionCode());
    }
}
