package io.ipmirunner.sim.cmd;

import static io.ipmirunner.sim.SimHarness.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.ChannelInfo;
import io.ipmirunner.ipmi.command.app.UserAccess;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.command.chassis.ChassisRequests;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.command.storage.Sel;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.session.ActiveSession;
import io.ipmirunner.sim.BmcSettings;
import io.ipmirunner.sim.SimHarness;
import io.ipmirunner.sim.fault.FaultProfile;
import io.ipmirunner.sim.lan.LanEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command handlers through a real session: each answers with what the model holds. */
class CommandHandlersTest {
    private final LanEndpoint bmc = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS, FaultProfile.NONE), T0);
    private final ActiveSession s = SimHarness.session(bmc, SimHarness.admin().withCipherSuite(17), T0);

    @Test
    void sdrWalkReturnsTheLocatorAndEverySensor() {
        var info = SimHarness.ok(bmc, s, Commands.GET_SDR_REPOSITORY_INFO, Empty.INSTANCE, T0);
        int reservation = SimHarness.ok(bmc, s, Commands.RESERVE_SDR_REPOSITORY, Empty.INSTANCE, T0).id();
        List<Integer> types = new ArrayList<>();
        int id = Repository.FIRST;
        while (id != Repository.LAST) {
            var header = SimHarness.ok(bmc, s, Commands.GET_SDR, new Repository.ReadRequest(reservation, id,
                    0, 5), T0);
            var rest = SimHarness.ok(bmc, s, Commands.GET_SDR, new Repository.ReadRequest(reservation, id,
                    5, header.bytes()[4] & 0xFF), T0);
            assertEquals(header.bytes()[4] & 0xFF, rest.bytes().length);
            types.add(header.bytes()[3] & 0xFF);
            id = header.nextRecordId();
        }
        assertEquals(info.records(), types.size());
        assertEquals(List.of(0x12, 1, 1, 1, 1, 1, 1, 1, 1), types);
        var stale = SimHarness.call(bmc, s, Commands.GET_SDR, new Repository.ReadRequest(reservation - 1, 2, 5,
                4), T0).orElseThrow();
        assertEquals(0xC5, stale.completionCode().code(), "partial reads need the current reservation");
    }

    /** DCMI v1.5 §6.6.1 statistics over the last hour follow the power state each minute had. */
    @Test
    void powerStatisticsRememberTheHourBeforeAPowerOff() {
        long later = T0 + 3_600_000;
        ActiveSession fresh = SimHarness.session(bmc, SimHarness.admin().withCipherSuite(17), later);
        var running = SimHarness.ok(bmc, fresh, Commands.GET_POWER_READING, new Dcmi.PowerReadingRequest(1, 0),
                later);
        SimHarness.ok(bmc, fresh, Commands.CHASSIS_CONTROL, new ChassisControl(ChassisControl.POWER_DOWN), later);
        var off = SimHarness.ok(bmc, fresh, Commands.GET_POWER_READING, new Dcmi.PowerReadingRequest(1, 0),
                later + 30_000);
        assertTrue(off.current() < running.minimum(), off + " vs " + running);
        assertEquals(off.minimum(), off.current(), 3.0);
        assertTrue(off.maximum() >= running.minimum(), "the running minutes of the hour still count: " + off);
        assertTrue(off.average() > off.current(), off.toString());
    }

    @Test
    void setSelTimeMovesTheSelClockOnly() {
        long set = 1_900_000_000L;
        SimHarness.ok(bmc, s, Commands.SET_SEL_TIME, new Sel.Time((int) set), T0);
        assertEquals(set + 5, SimHarness.ok(bmc, s, Commands.GET_SEL_TIME, Empty.INSTANCE, T0 + 5_000).seconds());
        var dcmi = SimHarness.ok(bmc, s, Commands.GET_POWER_READING, new Dcmi.PowerReadingRequest(1, 0), T0 + 5_000);
        assertEquals(T0 / 1000 + 5, dcmi.timestamp(), "the DCMI timestamp keeps the host clock");
    }

    @Test
    void sensorReadingAndDcmiPower() {
        var cpu = SimHarness.ok(bmc, s, Commands.GET_SENSOR_READING, new SensorReading.Request(2), T0);
        assertTrue(cpu.raw() > 30 && cpu.raw() < 70, "CPU around 48 C: " + cpu.raw());
        var missing = SimHarness.call(bmc, s, Commands.GET_SENSOR_READING, new SensorReading.Request(99), T0);
        assertEquals(0xCB, missing.orElseThrow().completionCode().code());
        var power = SimHarness.ok(bmc, s, Commands.GET_POWER_READING, new Dcmi.PowerReadingRequest(1, 0), T0);
        assertTrue(power.active() && power.minimum() <= power.current() && power.current() <= power.maximum());
    }

    @Test
    void thresholdsAndUsersAsIpmitoolListsThem() {
        var fan = SimHarness.ok(bmc, s, Commands.GET_SENSOR_THRESHOLDS, new SensorReading.Request(4), T0);
        assertEquals(0x3F, fan.readableMask());
        assertEquals(10, fan.lc(), "600 RPM at 60 RPM per count");
        var admin = SimHarness.ok(bmc, s, Commands.GET_USER_ACCESS, new UserAccess.Request(1, 2), T0);
        assertEquals(4, admin.privilegeLimit());
        assertEquals(3, admin.enabledUsers());
        assertEquals("operator", SimHarness.ok(bmc, s, Commands.GET_USER_NAME, new UserAccess.NameRequest(3),
                T0).name());
        var unused = SimHarness.ok(bmc, s, Commands.GET_USER_ACCESS, new UserAccess.Request(1, 9), T0);
        assertEquals(UserAccess.NO_ACCESS, unused.privilegeLimit());
    }

    @Test
    void selClearNeedsTheReservationAndLogsNothingAfter() {
        assertEquals(1, SimHarness.ok(bmc, s, Commands.GET_SEL_INFO, Empty.INSTANCE, T0).records());
        var entry = SimHarness.ok(bmc, s, Commands.GET_SEL_ENTRY, new Repository.ReadRequest(0, 0, 0, 0xFF),
                T0);
        assertEquals(Repository.LAST, entry.nextRecordId());
        assertEquals(Sel.RECORD_LENGTH, entry.bytes().length);
        var refused = SimHarness.call(bmc, s, Commands.CLEAR_SEL, new Sel.ClearRequest(7, true, 0xAA), T0);
        assertEquals(0xC5, refused.orElseThrow().completionCode().code());
        int r = SimHarness.ok(bmc, s, Commands.RESERVE_SEL, Empty.INSTANCE, T0).id();
        SimHarness.ok(bmc, s, Commands.CLEAR_SEL, new Sel.ClearRequest(r, true, Sel.CLEAR_INITIATE), T0);
        var info = SimHarness.ok(bmc, s, Commands.GET_SEL_INFO, Empty.INSTANCE, T0 + 1_000);
        assertEquals(0, info.records());
        assertEquals((int) (T0 / 1000), info.lastErase());
    }

    @Test
    void bootOptionsRoundTripAndUnknownParameters() {
        byte[] pxe = {(byte) 0x80, 0x04, 0, 0, 0};
        SimHarness.ok(bmc, s, Commands.SET_SYSTEM_BOOT_OPTIONS, new BootOptions.SetRequest(5, false, pxe), T0);
        var got = SimHarness.ok(bmc, s, Commands.GET_SYSTEM_BOOT_OPTIONS, new BootOptions.GetRequest(5, 0, 0),
                T0);
        assertArrayEquals(pxe, got.data());
        var unknown = SimHarness.call(bmc, s, Commands.GET_SYSTEM_BOOT_OPTIONS,
                new BootOptions.GetRequest(96, 0, 0), T0);
        assertEquals(0x80, unknown.orElseThrow().completionCode().code());
    }

    @Test
    void chassisIdentifyRestorePolicyChannelAndLan() {
        SimHarness.ok(bmc, s, Commands.CHASSIS_IDENTIFY, new ChassisRequests.Identify(-1, true), T0);
        var status = SimHarness.ok(bmc, s, Commands.GET_CHASSIS_STATUS, Empty.INSTANCE, T0 + 30_000);
        assertEquals(0x20, status.miscState() & 0x30, "forced on outlasts the default 15 s");
        var policies = SimHarness.ok(bmc, s, Commands.SET_POWER_RESTORE_POLICY,
                new ChassisRequests.RestorePolicy(2), T0);
        assertEquals(7, policies.mask());
        assertEquals("always-on", SimHarness.ok(bmc, s, Commands.GET_CHASSIS_STATUS, Empty.INSTANCE, T0)
                .restorePolicy());
        var channel = SimHarness.ok(bmc, s, Commands.GET_CHANNEL_INFO, new ChannelInfo.Request(0x0E), T0);
        assertEquals(ChannelInfo.MEDIUM_LAN, channel.medium());
        assertEquals(1, channel.activeSessions());
        var suites = SimHarness.ok(bmc, s, Commands.GET_LAN_CONFIG,
                new LanConfig.GetRequest(1, false, LanConfig.CIPHER_SUITE_ENTRIES, 0, 0), T0);
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3, 17}, suites.data());
    }

    @Test
    void busyFaultAnswersNodeBusyButSessionsCanStillClose() {
        LanEndpoint busy = SimHarness.endpoint(SimHarness.profile(BmcSettings.DEFAULTS,
                FaultProfile.NONE.withBusyRate(1.0)), T0);
        ActiveSession b = SimHarness.session(busy, SimHarness.admin(), T0);
        var r = SimHarness.call(busy, b, Commands.GET_DEVICE_ID, Empty.INSTANCE, T0).orElseThrow();
        assertEquals(0xC0, r.completionCode().code());
        SimHarness.ok(busy, b, Commands.CLOSE_SESSION,
                new io.ipmirunner.ipmi.command.app.SessionMessages.CloseRequest(b.bmcSessionId()), T0);
        assertEquals(0, busy.activeSessions(T0));
    }
}
