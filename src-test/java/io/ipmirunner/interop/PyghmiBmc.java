package io.ipmirunner.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * pyghmi's BMC (Debian python3-pyghmi, class pyghmi.ipmi.bmc.Bmc) as a peer: src-test/resources/interop/
 * pyghmi_bmc.py with the power state and boot device in memory, on a loopback address of 127.0.150.0/24.
 * {@link #log()} is what the BMC was asked to change ("power on", "bootdev network"), one line each.
 */
public final class PyghmiBmc implements AutoCloseable {
    /** The Debian interpreter: python3-pyghmi installs into its dist-packages, not into another python's. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final long START_MILLIS = 10_000;
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() % 250));

    private final String host;
    private final int port;
    private final String username = "admin";
    private final String password;
    private final Path dir;
    private final Process process;

    private PyghmiBmc(String host, int port, String password, Path dir, Process process) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.dir = dir;
        this.process = process;
    }

    /** Starts the BMC and waits (at most 10 s) until its socket is bound. */
    public static PyghmiBmc start() throws IOException, InterruptedException {
        // The package ships /usr/bin/fakebmc: its presence says python3-pyghmi is installed.
        Peers.require("fakebmc");
        int port = Peers.isRoot() ? 623 : 6230 + (int) (ProcessHandle.current().pid() % 1000);
        String host = freeAddress(port);
        String password = "pyg-" + Long.toHexString(System.nanoTime());
        Path dir = Files.createTempDirectory("pyghmi-bmc-");
        Path script = dir.resolve("pyghmi_bmc.py");
        try (InputStream in = PyghmiBmc.class.getResourceAsStream("/interop/pyghmi_bmc.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), host, Integer.toString(port), "admin")
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile())
                .start();
        // The password goes on stdin: never in argv, where ps would show it.
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        PyghmiBmc bmc = new PyghmiBmc(host, port, password, dir, p);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (!bmc.read("out").contains("ready")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = "pyghmi's BMC did not start on " + host + ":" + port + "\n" + bmc.read("err");
                bmc.close();
                throw new IllegalStateException(why);
            }
            Thread.sleep(50);
        }
        return bmc;
    }

    private static String freeAddress(int port) {
        for (int tries = 0; tries < 250; tries++) {
            int i = Math.floorMod(NEXT.getAndIncrement(), 250);
            String candidate = "127.0.150." + (1 + i);
            if (IpmiSimBuilder.udpFree(candidate, port)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free loopback address in 127.0.150.0/24 for port " + port);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The state changes the BMC carried out, in order. */
    public List<String> log() {
        return read("out").lines().filter(l -> !l.equals("ready")).toList();
    }

    /** pyghmi prints a traceback here when a request made it fail. */
    public String errors() {
        return read("err");
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String f : List.of("pyghmi_bmc.py", "out", "err")) {
            new File(dir.toFile(), f).delete();
        }
        dir.toFile().delete();
    }
}
