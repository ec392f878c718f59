package io.ipmirunner.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One OpenIPMI {@code ipmi_sim} BMC running as a child process, for tests against a real IPMI peer.
 *
 * <pre>{@code
 * try (IpmiSim bmc = IpmiSim.builder().build()) {
 *     assertTrue(bmc.ipmitool("chassis", "power", "on").ok());
 *     assertEquals("on", bmc.powerState());
 * }
 * }</pre>
 *
 * Each instance gets its own loopback address (port 623 as root) and a temp state directory holding
 * lan.conf, bmc.emu, the chassis_control script and the files that script keeps power and boot device in.
 * ipmi_sim binds with SO_REUSEADDR, so two instances on the same address would both start and silently
 * share the traffic: the builder therefore checks that the address is free before using it.
 */
public final class IpmiSim implements AutoCloseable {
    // Identity answered to Get Device ID (what "ipmitool mc info" and "bmc-info" print).
    public static final int DEVICE_ID = 0x20;
    public static final int DEVICE_REVISION = 1;
    public static final int FIRMWARE_MAJOR = 1;
    public static final int FIRMWARE_MINOR_BCD = 0x23;
    public static final String FIRMWARE = "1.23";
    /** Outside the range IANA has assigned, so no client applies vendor (OEM) quirks to this BMC. */
    public static final int MANUFACTURER_ID = 0x0BEEF0;
    public static final int PRODUCT_ID = 0x1234;

    // Sensors (see src-test/resources/interop/sensors.sdrs); readings are in degrees C.
    public static final String SENSOR_INLET = "Inlet Temp";
    public static final int INLET_READING = 25;
    /** All uppercase: stored as 6-bit packed ASCII, which the reference clients print garbled. */
    public static final String SENSOR_CPU = "CPU TEMP";
    public static final int CPU_READING = 45;

    public static final int SEL_ENTRIES = 2;
    /** 2024-01-01T00:00:00Z; the second SEL entry is 60 s later. */
    public static final long SEL_FIRST_TIMESTAMP = 1_704_067_200L;

    public static final String FRU_MANUFACTURER = "Acme Test Systems";
    public static final String FRU_BOARD_PRODUCT = "IPMI-SIM Board";
    public static final String FRU_PRODUCT_NAME = "ipmi-runner Test Server";
    public static final String FRU_PART_NUMBER = "TS-1000";

    public static final String DEFAULT_USER = "admin";
    public static final String DEFAULT_PASSWORD = "adminpass";

    /**
     * Cipher suites with which a session works, as observed with ipmi_sim 2.0.33, ipmitool 1.8.19 and
     * FreeIPMI 1.6.10 (ipmipower -D LAN_2_0 -W opensesspriv -I N):
     * 0, 1, 2, 3, 6 work with both clients; 11 (HMAC-MD5 / MD5-128 / none) works with FreeIPMI (ipmitool
     * aborts on MD5-128 integrity). Suite 0 has no authentication: any password is accepted for an existing user.
     * 7 and 8 (HMAC-MD5-128 integrity) open the session (RAKP passes) but the BMC then ignores every
     * integrity-protected message, with both clients. 12 (MD5-128 + AES) times out the same way.
     * 4, 5, 9, 10, 13, 14 (xRC4) are refused at Open Session ("invalid confidentiality algorithm");
     * 15, 16, 17 (SHA-256) are refused ("invalid authentication algorithm"), so ipmitool's default -C 17
     * never works against ipmi_sim.
     */
    public static final Set<Integer> SUPPORTED_CIPHER_SUITES = Set.of(0, 1, 2, 3, 6, 11);

    /** ipmi_sim closes a session after this long without traffic (lanserv's default_session_timeout). */
    public static final Duration SESSION_IDLE_TIMEOUT = Duration.ofSeconds(30);

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final SimFiles.Settings settings;
    private final Path dir;
    private Process process;
    private final ReferenceClients clients;

    IpmiSim(SimFiles.Settings settings, Path dir, Process process) {
        this.settings = settings;
        this.dir = dir;
        this.process = process;
        this.clients = new ReferenceClients(this);
    }

    public static IpmiSimBuilder builder() {
        return new IpmiSimBuilder();
    }

    public String host() {
        return settings.host();
    }

    public int port() {
        return settings.port();
    }

    /** The primary user (slot 2), which ipmitool(), freeipmi() and sessionCount() log in as. */
    public String username() {
        return primary().name();
    }

    public String password() {
        return primary().password();
    }

    public SimUser primary() {
        return settings.users().stream().filter(u -> u.slot() == 2).findFirst().orElseThrow();
    }

    public Optional<String> bmcKey() {
        return Optional.ofNullable(settings.bmcKey());
    }

    /** The 16-byte GUID as 32 hex digits, in the byte order written to lan.conf (Get System GUID). */
    public String guid() {
        return settings.guidHex();
    }

    /** FRU product serial: unique per instance ("SIM-127-0-80-1"), so tests can tell BMCs apart. */
    public String productSerial() {
        return settings.productSerial();
    }

    public Path stateDir() {
        return dir;
    }

    /** "on" or "off", as the chassis_control script keeps it. */
    public String powerState() {
        return "1".equals(readState("power", "0")) ? "on" : "off";
    }

    /** Changes the power state behind ipmi_sim's back, like a host powering itself on or off. */
    public void setPowerState(boolean on) {
        try {
            Path tmp = dir.resolve(".power.java");
            Files.writeString(tmp, on ? "1\n" : "0\n");
            Files.move(tmp, dir.resolve("power"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ipmi_sim's name of the boot device last set: none, pxe, default (disk), cdrom or bios. */
    public String bootDevice() {
        return readState("boot", "none");
    }

    /** Every "set NAME VALUE" call ipmi_sim made to chassis_control, oldest first ("power 0", "boot pxe"). */
    public List<String> chassisLog() {
        Path log = dir.resolve("chassis.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ipmitool -I lanplus -C 3 as the primary user; the password travels in env IPMI_PASSWORD (-E). */
    public ProcessResult ipmitool(String... args) {
        return clients.ipmitool(IpmitoolOptions.DEFAULT, args);
    }

    public ProcessResult ipmitool(IpmitoolOptions options, String... args) {
        return clients.ipmitool(options, args);
    }

    /**
     * A FreeIPMI tool ({@code ipmipower}, {@code bmc-info}, {@code ipmi-sensors}...) against this BMC as the
     * primary user, IPMI 2.0 by default (pass {@code -D LAN} for 1.5). FreeIPMI has no password file or
     * environment variable, so the credentials go in a 0600 {@code --config-file}.
     */
    public ProcessResult freeipmi(String tool, String... args) {
        return clients.freeipmi(tool, args);
    }

    /**
     * Sessions open on the BMC right now, not counting the one this query itself opens. A failed RMCP+
     * login (wrong password) leaves a half-open session behind until {@link #SESSION_IDLE_TIMEOUT}.
     */
    public int sessionCount() {
        return clients.sessionCount();
    }

    /** What ipmi_sim printed so far (stdout, then stderr), for assertion messages. */
    public String simOutput() {
        return readState("ipmi_sim.out", "") + "\n" + readState("ipmi_sim.err", "");
    }

    /**
     * Kills ipmi_sim (SIGKILL, as a crash or a BMC reset: no session is closed) and starts it again on the
     * same state directory, address and port; returns once it answers a presence ping. Sessions are gone.
     */
    public void restart() {
        stop(true);
        process = SimProcess.launch(settings, dir, START_TIMEOUT);
    }

    @Override
    public void close() {
        stop(false);
        SimProcess.delete(dir);
    }

    private void stop(boolean kill) {
        process.descendants().forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String readState(String file, String missing) {
        try {
            Path p = dir.resolve(file);
            return Files.exists(p) ? Files.readString(p).trim() : missing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FruImage.Fields fruFields(String serial) {
        return new FruImage.Fields(FRU_MANUFACTURER, FRU_BOARD_PRODUCT, "BRD-" + serial, "PN-BRD-42",
                FRU_MANUFACTURER, FRU_PRODUCT_NAME, FRU_PART_NUMBER, "1.0", serial, "ASSET-7");
    }
}
