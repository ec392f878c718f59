package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.ipmi.command.chassis.BootFlags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChassisModulesTest {
    @Test
    void rawDataSpellings() throws Exception {
        byte[] want = {1, 2, (byte) 0xab};
        for (String s : List.of("0x01 0x02 0xab", "1 2 ab", "0102ab", "0x01,0x02,0xAB")) {
            assertArrayEquals(want, RawModule.bytes(s), s);
        }
        assertThrows(ModuleArgumentException.class, () -> RawModule.bytes("0x1g"));
        assertThrows(ModuleArgumentException.class, () -> new RawModule().validate(Map.of("netfn", "0x40",
                "cmd", "1")));
        assertThrows(ModuleArgumentException.class, () -> new RawModule().validate(Map.of("cmd", "1")));
    }

    @Test
    void bootFlagsWhatWasNotKept() throws Exception {
        var pxeEfi = new BootDeviceModule().validate(Map.of("device", "pxe", "efi", "true"));
        assertEquals(List.of(), BootDeviceModule.mismatch(new BootFlags(true, false, true, 1, 0, 0, 0, 0), pxeEfi));
        assertEquals(List.of("efi"),
                BootDeviceModule.mismatch(new BootFlags(true, false, false, 1, 0, 0, 0, 0), pxeEfi));
        var none = new BootDeviceModule().validate(Map.of("device", "none"));
        assertEquals(List.of("device"), BootDeviceModule.mismatch(new BootFlags(false, false, false, 2, 0, 0, 0, 0),
                none), "a BMC that drops the valid bit still holds the device: none is sent");
        assertEquals(List.of(), BootDeviceModule.mismatch(new BootFlags(true, false, false, 0, 0, 0, 0, 0), none),
                "what ipmitool chassis bootdev none leaves");
        assertEquals(List.of(), BootDeviceModule.mismatch(BootFlags.NONE, none));
        assertThrows(ModuleArgumentException.class, () -> new BootDeviceModule().validate(Map.of("device", "usb")));
        assertThrows(ModuleArgumentException.class, () -> new BootDeviceModule().validate(Map.of("efi", "yes")));
        assertThrows(ModuleArgumentException.class, () -> new IdentifyModule().validate(Map.of("seconds", "300")));
        assertThrows(ModuleArgumentException.class, () -> new IdentifyModule().validate(Map.of("seconds", "1",
                "state", "on")));
    }
}
