package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.client.ManualTime;
import io.ipmirunner.sim.FakeBmc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every write module decides "nothing to do" from what it reads on the BMC, and then sends nothing: the
 * commands a module sent are what the simulated BMC received (FakeBmc.sent()).
 */
class ReadBeforeWriteTest {
    private final FakeBmc bmc = new FakeBmc("n1", new ManualTime());

    private <A> ModuleResult run(Module<A> module, Map<String, String> args) throws Exception {
        return module.run(bmc, module.validate(args));
    }

    /** The commands {@code module} sent. */
    private <A> List<String> sentBy(Module<A> module, Map<String, String> args) throws Exception {
        int before = bmc.sent().size();
        run(module, args);
        return bmc.sent().subList(before, bmc.sent().size());
    }

    @Test
    void identifyOnOrOffAlreadyThereSendsNoChassisIdentify() throws Exception {
        ModuleResult on = run(new IdentifyModule(), Map.of("state", "on"));
        assertTrue(on.changed());
        assertEquals("off", on.result().get("previous"));
        assertEquals(List.of("Get Chassis Status"), sentBy(new IdentifyModule(), Map.of("state", "on")));
        assertFalse(run(new IdentifyModule(), Map.of("state", "on")).changed());
        assertTrue(run(new IdentifyModule(), Map.of("state", "off")).changed());
        assertEquals(List.of("Get Chassis Status"), sentBy(new IdentifyModule(), Map.of("state", "off")));
    }

    @Test
    void aTimedIdentifyIsAlwaysSentItRestartsTheInterval() throws Exception {
        run(new IdentifyModule(), Map.of("seconds", "30"));
        assertEquals(List.of("Get Chassis Status", "Chassis Identify"),
                sentBy(new IdentifyModule(), Map.of("seconds", "30")));
    }

    @Test
    void bootDeviceNoneIsSentWhileTheBmcHoldsADeviceAndNotOnceItHoldsNone() throws Exception {
        assertEquals(List.of("Get System Boot Options"), sentBy(new BootDeviceModule(), Map.of("device", "none")),
                "a fresh BMC holds no override");
        run(new BootDeviceModule(), Map.of("device", "pxe"));
        ModuleResult none = run(new BootDeviceModule(), Map.of("device", "none"));
        assertTrue(none.changed());
        assertEquals("none", none.result().get("device"));
        assertEquals(true, none.result().get("verified"));
        assertFalse(run(new BootDeviceModule(), Map.of("device", "none")).changed());
    }

    @Test
    void clearingAnEmptySelSendsNoClear() throws Exception {
        run(new SelModule(), Map.of("action", "clear"));
        ModuleResult r = run(new SelModule(), Map.of("action", "clear"));
        assertFalse(r.changed());
        assertEquals(0, r.result().get("cleared"));
        assertEquals(List.of("Get SEL Info"), sentBy(new SelModule(), Map.of("action", "clear")));
    }

    @Test
    void aSelClockAlreadyRightIsNotSet() throws Exception {
        Map<String, String> args = Map.of("action", "set_time", "time", "2030-05-17T08:09:10Z");
        ModuleResult first = run(new SelModule(), args);
        assertTrue(first.changed(), first.result().toString());
        ModuleResult again = run(new SelModule(), args);
        assertFalse(again.changed());
        assertEquals(true, again.result().get("verified"));
        assertEquals(List.of("Get SEL Time", "Get SEL Time"), sentBy(new SelModule(), args));
    }

    @Test
    void powerOnWhenOnAndOffWhenOffSendNoChassisControl() throws Exception {
        run(new PowerModule(), Map.of("state", "off"));
        assertEquals(List.of("Get Chassis Status"), sentBy(new PowerModule(), Map.of("state", "off")));
        assertEquals(List.of("Get Chassis Status"), sentBy(new PowerModule(), Map.of("state", "soft")));
    }
}
