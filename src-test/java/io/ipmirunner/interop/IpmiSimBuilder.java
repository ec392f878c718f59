package io.ipmirunner.interop;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Configures and starts an {@link IpmiSim}: {@code IpmiSim.builder().address("127.0.80.9").build()}. */
public final class IpmiSimBuilder {
    /** 127.0.80.1 - 127.0.95.254; the start is spread by pid so concurrent JVMs rarely meet. */
    private static final int ADDRESSES = 16 * 254;
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() * 97 % ADDRESSES));

    private String address;
    private Integer port;
    private final TreeMap<Integer, SimUser> users = new TreeMap<>();
    private String bmcKey;
    private String guidHex;
    private final TreeMap<Integer, byte[]> extraFru = new TreeMap<>();
    private String extraSdrs;
    private final List<String> extraEmu = new ArrayList<>();
    private String solTcp;

    IpmiSimBuilder() {
        users.put(2, new SimUser(2, IpmiSim.DEFAULT_USER, IpmiSim.DEFAULT_PASSWORD, "admin",
                Set.of("md2", "md5", "straight", "none")));
    }

    /** A loopback address such as 127.0.80.9; default: the next free one in 127.0.80.0/20. */
    public IpmiSimBuilder address(String ip) {
        if (!ip.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")) {
            throw new IllegalArgumentException("address must be an IPv4 literal: " + ip);
        }
        this.address = ip;
        return this;
    }

    /** Default: 623 as root, otherwise a free high port. */
    public IpmiSimBuilder port(int udpPort) {
        this.port = udpPort;
        return this;
    }

    /** Adds or replaces a user; slot 2 is the primary one (default admin/adminpass, all auth types). */
    public IpmiSimBuilder user(int slot, String name, String password, String privilege, String... authTypes) {
        users.put(slot, new SimUser(slot, name, password, privilege, Set.of(authTypes)));
        return this;
    }

    /**
     * K_g, the BMC key of RMCP+ (lan.conf {@code bmc_key}): ASCII, or hex prefixed with 0x. ipmi_sim
     * accepts only printable ASCII of at most 19 characters here (the hex form of its parser is broken).
     */
    public IpmiSimBuilder bmcKey(String kgHexOrAscii) {
        String key = kgHexOrAscii;
        if (key.startsWith("0x") || key.startsWith("0X")) {
            byte[] raw = HexFormat.of().parseHex(key.substring(2));
            int n = raw.length;
            while (n > 0 && raw[n - 1] == 0) {
                n--; // trailing zero bytes are K_g padding
            }
            key = new String(raw, 0, n, StandardCharsets.ISO_8859_1);
        }
        SimUser.requireToken("bmc key", key, 19, false);
        this.bmcKey = key;
        return this;
    }

    /** 32 hex digits for Get System GUID; default: derived from address and port. */
    public IpmiSimBuilder guid(String hex) {
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("guid must be 32 hex digits: " + hex);
        }
        this.guidHex = hex.toLowerCase();
        return this;
    }

    /**
     * FRU device 0..254 holding {@code image} as is, malformed or not; device 0 replaces the fixture's own
     * image (FreeIPMI's ipmi-fru reads only device 0 of ipmi_sim, which has no FRU device locator SDRs).
     */
    public IpmiSimBuilder fru(int deviceId, byte[] image) {
        if (deviceId < 0 || deviceId > 254) {
            throw new IllegalArgumentException("FRU device id must be 0..254: " + deviceId);
        }
        extraFru.put(deviceId, image.clone());
        return this;
    }

    /** SDRs in sdrcomp's text format, added after the fixture's two sensors (record ids 3 onwards). */
    public IpmiSimBuilder sdrs(String sdrcompText) {
        this.extraSdrs = sdrcompText;
        return this;
    }

    /**
     * Lines of ipmi_sim's emulator commands (man ipmi_sim_cmd: sensor_add, sensor_set_bit, ...) run after the
     * fixture's and before mc_enable, e.g. the readings of sensors added with {@link #sdrs}.
     */
    public IpmiSimBuilder emu(String... lines) {
        extraEmu.addAll(List.of(lines));
        return this;
    }

    /**
     * Connects the BMC's serial port (SOL) to a TCP server at {@code host:port}, which plays the host's
     * serial console (see {@code SerialPeer}); ipmi_sim connects to it when it starts.
     */
    public IpmiSimBuilder sol(String host, int port) {
        this.solTcp = host + ":" + port;
        return this;
    }

    /** Writes the files, starts ipmi_sim and waits until it answers an ASF Presence Ping. */
    public IpmiSim build() {
        Peers.require("ipmi_sim");
        if (!users.containsKey(2)) {
            throw new IllegalStateException("slot 2 (the primary user) must stay configured");
        }
        int udpPort = port != null ? port : Peers.isRoot() ? 623 : freeHighPort();
        String host = address != null ? address : nextFreeAddress(udpPort);
        if (!udpFree(host, udpPort)) {
            throw new IllegalStateException(host + ":" + udpPort
                    + " is already in use (another ipmi_sim?) or not an address of this machine");
        }
        String guid = guidHex != null ? guidHex : UUID.nameUUIDFromBytes(
                (host + ":" + udpPort).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        String name = "sim-" + host.replace('.', '-') + "-" + udpPort;
        SimFiles.Settings s = new SimFiles.Settings(name, host, udpPort, new ArrayList<>(users.values()),
                bmcKey, guid, "SIM-" + host.replace('.', '-'), extraFru, extraSdrs, List.copyOf(extraEmu), solTcp);
        return SimProcess.start(s, IpmiSim.START_TIMEOUT);
    }

    private static String nextFreeAddress(int udpPort) {
        for (int tries = 0; tries < 256; tries++) {
            int i = Math.floorMod(NEXT.getAndIncrement(), ADDRESSES);
            String candidate = "127.0." + (80 + i / 254) + "." + (1 + i % 254);
            if (udpFree(candidate, udpPort)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free loopback address in 127.0.80.0/20 for port " + udpPort);
    }

    private static int freeHighPort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (SocketException e) {
            throw new IllegalStateException("cannot find a free UDP port", e);
        }
    }

    /** True when nobody (another ipmi_sim included: it uses SO_REUSEADDR, we do not) holds host:port. */
    static boolean udpFree(String host, int port) {
        try (DatagramSocket s = new DatagramSocket(null)) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(host, port));
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
