package io.ipmirunner.sim;

import io.ipmirunner.ipmi.command.app.DeviceId;
import io.ipmirunner.ipmi.command.chassis.ChassisStatus;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.sim.fault.Quirk;
import io.ipmirunner.sim.model.BmcIdentity;
import io.ipmirunner.sim.model.BootState;
import io.ipmirunner.sim.model.FruImage;
import io.ipmirunner.sim.model.LanState;
import io.ipmirunner.sim.model.PowerHistory;
import io.ipmirunner.sim.model.PowerModel;
import io.ipmirunner.sim.model.SerialConsole;
import io.ipmirunner.sim.model.Readiness;
import io.ipmirunner.sim.model.Reservation;
import io.ipmirunner.sim.model.SelLog;
import io.ipmirunner.sim.model.SensorDef;
import io.ipmirunner.sim.model.SensorModel;
import io.ipmirunner.sim.model.SimUser;
import io.ipmirunner.sim.model.UserTable;
import java.util.List;
import java.util.Optional;

/**
 * One simulated BMC's machine: power, chassis, boot options, FRU, sensors and SEL. A pure object: every
 * method takes the time from the caller (epoch milliseconds), nothing sleeps or reads a clock, so tests
 * drive it with a fake clock. Per-BMC state is kept small; what is derivable (identity, FRU, readings) is
 * derived on demand from the fleet seed and the index.
 */
public final class SimulatedBmc {
    /** Sensor numbers of the event-only sensors that power events are logged against. */
    private static final int ACPI_STATE_SENSOR = 0x40;
    private static final int POWER_UNIT_SENSOR = 0x41;
    private static final int BOOT_SENSOR = 0x42;
    private static final int SENSOR_SPECIFIC = 0x6F;
    private static final long IDENTIFY_FOREVER = Long.MAX_VALUE;

    private final int index;
    private final long fleetSeed;
    private final BmcProfile profile;
    private final long startedAt;
    private final PowerModel power;
    private final SerialConsole serial = new SerialConsole(SerialConsole.DEFAULT_BOOT_LOG,
            SerialConsole.DEFAULT_CHARS_PER_SECOND);
    private final PowerHistory powerHistory;
    private final BootState boot;
    private final SelLog sel = new SelLog();
    private final LanState lan = new LanState();
    private volatile UserTable users;
    private byte[] fru;
    private int restorePolicy = 1;
    private boolean lastOnByCommand;
    private int chassisControls;
    private long identifyUntil;
    private final Reservation sdrReservation = new Reservation();
    private long silentUntil;
    private final Readiness readiness = new Readiness();
    private boolean scheduledResetDone;
    private int resets;
    /** Set SEL Time moves the SEL clock only (§31.11): how far it runs ahead of the host's clock. */

    public SimulatedBmc(int index, long fleetSeed, BmcProfile profile, long now) {
        this.index = index;
        this.fleetSeed = fleetSeed;
        this.profile = profile;
        this.users = profile.initialUsers();
        lan.sol(profile.initialSol());
        this.startedAt = now;
        BmcSettings s = profile.settings();
        this.power = new PowerModel(s.initiallyOn(), s.powerOnDelayMillis(), s.softOffDelayMillis());
        this.powerHistory = new PowerHistory(s.initiallyOn());
        this.boot = new BootState(profile.faults().has(Quirk.IGNORES_PERSISTENT_BOOT_FLAGS),
                profile.faults().has(Quirk.IGNORES_BOOT_FLAGS));
        if (s.initiallyOn()) {
            logPower(new PowerModel.Transition(now, PowerModel.Event.POWERED_ON));
        }
    }

    public int index() {
        return index;
    }

    public BmcProfile profile() {
        return profile;
    }

    /** This BMC's users: the profile's table until a Set User command changes one. */
    public UserTable users() {
        return users;
    }

    public synchronized void putUser(SimUser user) {
        users = users.with(user);
    }

    public LanState lan() {
        return lan;
    }

    public BmcIdentity identity() {
        return BmcIdentity.of(fleetSeed, index, profile.personality());
    }

    /** Brings the model up to {@code now}: finishes power transitions and runs a scheduled cold reset. */
    public void advance(long now) {
        power.advance(now).forEach(this::apply);
        long resetAfter = profile.faults().coldResetAfterMillis();
        if (resetAfter >= 0 && !scheduledResetDone && now - startedAt >= resetAfter) {
            scheduledResetDone = true;
            coldReset(now);
        }
    }

    // --- BMC itself ---------------------------------------------------------------------------------

    /** The BMC reboots: silent for the configured time; the session layer drops its sessions (see resets()). */
    public void coldReset(long now) {
        silentUntil = now + profile.settings().coldResetSilenceMillis();
        resets++;
        sdrReservation.cancel();
        sel.cancelReservation();
    }

    public boolean silent(long now) {
        return now < silentUntil;
    }

    /** Answering, but not carrying out commands (a fault for tests). */
    public Readiness readiness() {
        return readiness;
    }

    /** How many times the BMC has reset; sessions opened before a reset are gone after it. */
    public int resets() {
        return resets;
    }

    public DeviceId deviceId() {
        var p = profile.personality();
        int ipmiVersion = profile.rmcpPlus() ? 0x02 : 0x51; // BCD, low nibble the major digit (§20.1)
        int aux = p.auxFirmware();
        // Additional device support: chassis, FRU inventory, SEL, SDR repository and sensor device.
        return new DeviceId(0x20, 0x01, false, p.firmwareMajor(), p.firmwareMinorBcd(), false, ipmiVersion, 0x8F,
                p.iana(), p.productId(), new byte[] {(byte) aux, (byte) (aux >> 8), (byte) (aux >> 16),
                        (byte) (aux >> 24)});
    }

    // --- chassis ------------------------------------------------------------------------------------

    /** The host's serial port, which SOL connects to. */
    public SerialConsole serial() {
        return serial;
    }

    public PowerModel.Outcome chassisControl(int action, long now) {
        PowerModel.Outcome o = power.control(action, now);
        if (o instanceof PowerModel.Outcome.Accepted a) {
            chassisControls++;
            a.now().forEach(this::apply);
            if (action == 1 || action == 2) {
                lastOnByCommand = true;
            }
        }
        return o;
    }

    /**
     * Chassis Control requests carried out since start: a client that resends one, or a resumed run that runs a
     * finished power task again, shows here (the simulator executes every copy, as ipmi_sim does).
     */
    public int chassisControls() {
        return chassisControls;
    }

    public boolean poweredOn() {
        return power.isOn();
    }

    /** Get Chassis Status (IPMI v2.0 §28.2, Table 28-3). */
    public ChassisStatus chassisStatus(long now) {
        int state = (power.isOn() ? 0x01 : 0) | restorePolicy << 5;
        int lastEvent = lastOnByCommand ? 0x10 : 0;
        int identify = now < identifyUntil ? identifyUntil == IDENTIFY_FOREVER ? 2 : 1 : 0;
        int misc = 0x40 | identify << 4; // bit 6: identify state reported
        return new ChassisStatus(state, lastEvent, misc, 0x00);
    }

    /** Chassis Identify (§28.5): {@code interval} seconds, 0 turns it off, {@code force} keeps it on. */
    public void identify(int intervalSeconds, boolean force, long now) {
        if (force) {
            identifyUntil = IDENTIFY_FOREVER;
        } else {
            identifyUntil = intervalSeconds == 0 ? 0 : now + intervalSeconds * 1000L;
        }
    }

    /** Set Power Restore Policy (§28.8); 3 = only report. Returns the supported policies mask. */
    public int restorePolicy(int policy) {
        if (policy < 3) {
            restorePolicy = policy;
        }
        return 0x07;
    }

    public BootState boot() {
        return boot;
    }

    // --- inventory, sensors, log ---------------------------------------------------------------------

    /** The FRU image, built on first use. */
    public byte[] fru() {
        if (fru == null) {
            fru = FruImage.build(profile.personality(), identity(), profile.faults().has(Quirk.BAD_FRU_CHECKSUM));
        }
        return fru;
    }

    public List<SensorDef> sensors() {
        return profile.sdr().sensors();
    }

    public Optional<SensorReading> sensorReading(int number, long now) {
        for (SensorDef s : sensors()) {
            if (s.number() == number) {
                return Optional.of(SensorModel.reading(s, fleetSeed, index, power.isOn(), now,
                        profile.faults().has(Quirk.FAILED_FAN)));
            }
        }
        return Optional.empty();
    }

    /**
     * Engineering value of the system power sensor at {@code at} (now or up to two hours back, with the
     * power state the host had then), for DCMI; NaN if there is none.
     */
    public double systemWatts(long at) {
        for (SensorDef s : sensors()) {
            if (s.unit() == SensorDef.WATTS) {
                // Noise around an off host's near-zero draw must not wrap to 65535 W in the 16-bit field.
                return Math.max(0, SensorModel.value(s, fleetSeed, index, powerHistory.onAt(at), at));
            }
        }
        return Double.NaN;
    }

    public SelLog sel() {
        return sel;
    }

    /** Reserve SDR Repository (§33.11). */
    public int reserveSdr() {
        return sdrReservation.reserve();
    }

    public boolean sdrReservationValid(int id) {
        return sdrReservation.holds(id);
    }

    private void apply(PowerModel.Transition t) {
        powerHistory.record(t.at(), switch (t.event()) {
            case POWERED_ON, RESET -> true;
            case POWERED_OFF, SOFT_OFF, CYCLED -> false;
        });
        if (t.event() == PowerModel.Event.POWERED_ON || t.event() == PowerModel.Event.RESET) {
            boot.onBoot();
            serial.boot(t.at());
        } else {
            serial.powerOff();
        }
        logPower(t);
    }

    /** Power events as sensor-specific SEL records (IPMI v2.0 Table 42-3: types 22h, 09h, 1Dh). */
    private void logPower(PowerModel.Transition t) {
        switch (t.event()) {
            case POWERED_ON -> event(t.at(), 0x22, ACPI_STATE_SENSOR, 0x00); // S0/G0 working
            case SOFT_OFF -> event(t.at(), 0x22, ACPI_STATE_SENSOR, 0x05); // G2/S5 soft-off
            case POWERED_OFF -> event(t.at(), 0x09, POWER_UNIT_SENSOR, 0x00); // power off / down
            case CYCLED -> event(t.at(), 0x09, POWER_UNIT_SENSOR, 0x01); // power cycle
            case RESET -> event(t.at(), 0x1D, BOOT_SENSOR, 0x01); // boot initiated by hard reset
        }
    }

    private void event(long at, int sensorType, int sensor, int offset) {
        sel.add(at, sensorType, sensor, SENSOR_SPECIFIC, false, offset, 0xFF, 0xFF);
    }
}
