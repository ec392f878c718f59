package io.ipmirunner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped playbooks/firmware-prep-reboot.yml on simulated racks started in this process: green on good
 * BMCs (soft shutdown, one-shot PXE, boot consumes the flag), red with a report that names the host and the
 * cause when a BIOS ignores the boot flags, and the rollout stops after that host's batch.
 */
class FirmwarePrepRebootTest {
    private static final Path PLAYBOOK = Path.of(System.getProperty("ipmirunner.root", "."), "playbooks",
            "firmware-prep-reboot.yml");

    private static Path inventory(Path dir, String fw02Vars) throws Exception {
        return Files.writeString(dir.resolve("rack.yml"), """
                all:
                  vars:
                    ipmi_simulated: true
                    ipmi_user: admin
                  hosts:
                    fw01:
                      ipmi_sim_power: on
                    fw02:
                %s
                    fw03:
                      ipmi_sim_power: on
                    fw04:
                """.formatted(fw02Vars));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reportJson(Path runDir) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(runDir.resolve("report.json")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> host(Map<String, Object> report, String name) {
        return (Map<String, Object>) ((Map<String, Object>) report.get("hosts")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(Map<String, Object> host, String name) {
        return ((List<Map<String, Object>>) host.get("tasks")).stream().filter(t -> t.get("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no task " + name + " in " + host));
    }

    @Test
    void greenOnGoodBmcs(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i", inventory(dir, "").toString(), "--report-dir",
                runDir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("report: " + runDir.resolve("report.html")), r.toString());
        Map<String, Object> report = reportJson(runDir);
        assertEquals(4, ((Map<?, ?>) report.get("summary")).get("changed"), r.toString());
        Map<String, Object> fw01 = host(report, "fw01");
        assertEquals("changed", task(fw01, "Soft power off (ACPI shutdown)").get("status"), "fw01 was on");
        assertEquals("ok", task(fw01, "Hard power off when the soft shutdown did not finish").get("status"),
                "the soft shutdown finished in time: no hard power-off");
        Map<?, ?> after = (Map<?, ?>) task(fw01, "Read the boot flags after the boot").get("result");
        assertEquals(false, after.get("valid"), "the boot consumed the one-shot PXE override");
        assertEquals("ok", task(host(report, "fw04"), "The boot honoured the boot flag").get("status"));
    }

    @Test
    void redWhenTheBiosIgnoresTheBootFlagAndTheRolloutStops(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        CliRun r = CliRun.of("play", PLAYBOOK.toString(), "-i",
                inventory(dir, "      ipmi_sim_quirks: [ignores-boot-flags]").toString(), "--report-dir",
                runDir.toString(), "-e", "soft_off_timeout=1");
        assertEquals(ExitCodes.HOST_FAILED, r.exit(), r.toString());
        Map<String, Object> report = reportJson(runDir);
        Map<String, Object> fw01 = host(report, "fw01");
        assertEquals("changed", fw01.get("status"));
        assertEquals("changed", task(fw01, "Hard power off when the soft shutdown did not finish").get("status"),
                "a 1 s soft-off timeout is shorter than the simulated OS shutdown: hard power-off");
        Map<String, Object> fw02 = host(report, "fw02");
        assertEquals("failed", fw02.get("status"));
        assertEquals("assertion", fw02.get("failure_class"));
        assertEquals("The boot honoured the boot flag", fw02.get("failed_task"));
        assertTrue(String.valueOf(fw02.get("error")).contains("the next-boot override was not consumed by the boot: "
                + "the host did not boot from pxe"), fw02.toString());
        assertEquals("not_run", host(report, "fw03").get("status"), "the rollout stopped after fw02's batch");
        assertEquals("not_run", host(report, "fw04").get("status"));
        List<?> failures = (List<?>) report.get("failures");
        assertEquals(1, failures.size());
        assertEquals(List.of("fw02"), ((Map<?, ?>) failures.getFirst()).get("hosts"));
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("the next-boot override was not consumed by the boot"), "cause shown in the page");
        String junit = Files.readString(runDir.resolve("junit.xml"));
        assertTrue(junit.contains("classname=\"Firmware prep reboot/The boot honoured the boot flag\" name=\"fw02\""),
                junit);
        assertTrue(junit.contains("<testcase classname=\"not run\" name=\"fw03\""), junit);
    }
}
