package io.ipmirunner.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes, checked for what the API schema ({@link ManifestSchemaTest}) cannot say: the
 * Indexed Job's shape, that its shard count is its completion count, that secrets arrive as files and never
 * through env or argv, that the pods are pinned to the site's nodes, and that the ConfigMap's playbook and
 * inventory pass {@code ipmi-runner check}.
 */
class ManifestsTest {
    private static final Path DIR = Path.of(System.getProperty("ipmirunner.root", "."), "deploy", "kubernetes");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(DIR.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object o = node;
        for (String p : path) {
            o = ((Map<String, Object>) o).get(p);
        }
        return (T) o;
    }

    @Test
    void theIndexedJobShardsByItsOwnIndexAndGetsSecretsAsFiles() throws Exception {
        Map<String, Object> job = load("job-site-a.yaml");
        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("Job", job.get("kind"));
        Map<String, Object> spec = at(job, "spec");
        assertEquals("Indexed", spec.get("completionMode"));
        int n = (Integer) spec.get("completions");
        assertEquals(n, spec.get("parallelism"));
        assertTrue((Integer) spec.get("backoffLimitPerIndex") >= 1, "a lost pod is retried with its index");
        Map<String, Object> pod = at(spec, "template", "spec");
        assertEquals("Never", pod.get("restartPolicy"), "Indexed Jobs with backoffLimitPerIndex need Never");
        assertFalse(((Map<?, ?>) pod.get("nodeSelector")).isEmpty(), "pods pinned to nodes that reach the site");

        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
        String script = String.join(" ", (List<String>) container.get("args"));
        Matcher shard = Pattern.compile("--shard auto/(\\d+)").matcher(script);
        assertTrue(shard.find(), script);
        assertEquals(n, Integer.parseInt(shard.group(1)), "one shard per completion index");
        assertTrue(script.contains("--password-file /run/secrets/ipmi-runner/"), script);
        assertTrue(script.contains("--resume"), "a retried pod resumes its run directory");
        for (Map<String, Object> env : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            assertFalse(env.containsKey("valueFrom"), "no secret through the environment: " + env);
        }
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) pod.get("volumes");
        Map<String, Object> secret = volumes.stream().filter(v -> v.containsKey("secret")).findFirst().orElseThrow();
        assertTrue(((List<Map<String, Object>>) container.get("volumeMounts")).stream()
                .anyMatch(m -> m.get("name").equals(secret.get("name"))
                        && m.get("mountPath").equals("/run/secrets/ipmi-runner")), "the Secret is mounted as files");
        assertTrue(volumes.stream().anyMatch(v -> v.containsKey("persistentVolumeClaim")), "run directories persist");
    }

    @Test
    void theMergeJobMergesTheShardsDirectories() throws Exception {
        Map<String, Object> job = load("job-merge-site-a.yaml");
        List<Map<String, Object>> containers = at(job, "spec", "template", "spec", "containers");
        String script = String.join(" ", (List<String>) containers.getFirst().get("args"));
        assertTrue(script.contains("ipmi-runner report merge /runs/$RUN_NAME/shard-* --report-dir"), script);
        assertEquals("Secret", load("secret-site-a.example.yaml").get("kind"));
        assertEquals(List.of("ReadWriteMany"), at(load("pvc-runs.yaml"), "spec", "accessModes"));
    }

    @Test
    void theConfigMapsPlaybookAndInventoryPassCheck(@TempDir Path dir) throws Exception {
        Map<String, String> data = at(load("configmap-site-a.yaml"), "data");
        Path playbook = Files.writeString(dir.resolve("playbook.yml"), data.get("playbook.yml"));
        Path inventory = Files.writeString(dir.resolve("inventory.yml"), data.get("inventory.yml"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream was = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("check", "-i", inventory.toString(), playbook.toString());
        } finally {
            System.setErr(was);
        }
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    }
}
