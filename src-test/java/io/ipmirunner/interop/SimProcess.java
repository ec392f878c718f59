package io.ipmirunner.interop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starts ipmi_sim for an {@link IpmiSim} and waits until it really answers on the network. */
final class SimProcess {
    private SimProcess() {}

    static IpmiSim start(SimFiles.Settings s, Duration timeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ipmi-sim-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the ipmi_sim state directory", e);
        }
        try {
            SimFiles.writeAll(dir, s);
        } catch (IOException | RuntimeException e) {
            delete(dir); // also when sdrcomp fails or a test aborts for a missing sdrcomp
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot write the ipmi_sim files", e);
        }
        try {
            return new IpmiSim(s, dir, launch(s, dir, timeout));
        } catch (IllegalStateException e) {
            delete(dir);
            throw e;
        }
    }

    /**
     * Runs ipmi_sim on the files in {@code dir} and waits for its first pong; also restarts a BMC on its
     * old state directory and port, as after a crash or a BMC reset.
     */
    static Process launch(SimFiles.Settings s, Path dir, Duration timeout) {
        List<String> command = List.of("ipmi_sim", "-c", dir.resolve("lan.conf").toString(),
                "-f", dir.resolve("bmc.emu").toString(), "-s", dir.toString(), "-n");
        Process process;
        try {
            // -n: no console on stdin (without it ipmi_sim aborts when stdin is not a terminal).
            // Output goes to files, not pipes: nobody drains pipes while the BMC runs for a whole test.
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ipmi_sim.out").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("ipmi_sim.err").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ipmi_sim", e);
        }
        String failure;
        try {
            failure = awaitPong(process, s, timeout);
        } catch (RuntimeException e) {
            failure = "cannot ping ipmi_sim: " + e;
        }
        if (failure == null) {
            return process;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(failure + "\ncommand: " + String.join(" ", command)
                + "\n--- ipmi_sim stdout ---\n" + read(dir.resolve("ipmi_sim.out"))
                + "\n--- ipmi_sim stderr ---\n" + read(dir.resolve("ipmi_sim.err"))
                + "\n--- lan.conf ---\n" + read(dir.resolve("lan.conf")));
    }

    /** Null when ipmi_sim answered a Presence Ping, else why not. */
    private static String awaitPong(Process process, SimFiles.Settings s, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int tag = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // The .emu stops at its first bad line, but lan.conf errors and bind failures end the process.
                return "ipmi_sim exited with status " + process.exitValue() + " before answering on "
                        + s.host() + ":" + s.port();
            }
            if (AsfPing.ping(s.host(), s.port(), tag++ & 0xff, Duration.ofMillis(200))) {
                return null;
            }
        }
        return "ipmi_sim did not answer an ASF Presence Ping on " + s.host() + ":" + s.port() + " within "
                + timeout.toSeconds() + " s (a silent BMC usually means a line of bmc.emu failed before mc_enable)";
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Already gone, or a file vanished while walking: nothing left to clean.
        }
    }
}
