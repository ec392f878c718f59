package io.ipmirunner.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every document under deploy/kubernetes against the Kubernetes API schema, offline: the official Java
 * client's models (client-java-api 24, the Kubernetes 1.32 API) are generated from the API's OpenAPI document,
 * and their {@code validateJsonElement} refuses a field the API does not define, or a required one missing, at
 * every level of the object. kubectl cannot do this here: even {@code --dry-run=client} asks a server for its
 * API groups.
 */
class ManifestSchemaTest {
    private static final Path DIR = Path.of(System.getProperty("ipmirunner.root", "."), "deploy", "kubernetes");
    private static final Gson GSON = new Gson();

    @Test
    void everyManifestIsValidForItsKind() throws Exception {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    JsonObject o = GSON.toJsonTree(doc).getAsJsonObject();
                    validate(o);
                    checked.add(f.getFileName() + ":" + o.get("kind").getAsString());
                }
            }
        }
        assertEquals(List.of("configmap-site-a.yaml:ConfigMap", "job-merge-site-a.yaml:Job", "job-site-a.yaml:Job",
                "pvc-runs.yaml:PersistentVolumeClaim", "secret-site-a.example.yaml:Secret"), checked);
    }

    @Test
    void theCheckRefusesAFieldTheApiDoesNotHave() throws Exception {
        JsonObject job = GSON.toJsonTree(new Yaml().load(Files.readString(DIR.resolve("job-site-a.yaml"))))
                .getAsJsonObject();
        job.getAsJsonObject("spec").addProperty("completionsMode", "Indexed"); // misspelt completionMode
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> validate(job));
        assertTrue(e.getMessage().contains("completionsMode"), e.getMessage());

        JsonObject deep = GSON.toJsonTree(new Yaml().load(Files.readString(DIR.resolve("job-site-a.yaml"))))
                .getAsJsonObject();
        deep.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec").getAsJsonArray("containers")
                .get(0).getAsJsonObject().addProperty("volumeMount", "x"); // for volumeMounts, four levels down
        e = assertThrows(IllegalArgumentException.class, () -> validate(deep));
        assertTrue(e.getMessage().contains("volumeMount"), e.getMessage());
    }

    private static void validate(JsonObject o) throws IOException {
        JsonElement e = o;
        switch (o.get("kind").getAsString()) {
            case "Job" -> V1Job.validateJsonElement(e);
            case "ConfigMap" -> V1ConfigMap.validateJsonElement(e);
            case "Secret" -> V1Secret.validateJsonElement(e);
            case "PersistentVolumeClaim" -> V1PersistentVolumeClaim.validateJsonElement(e);
            default -> throw new AssertionError("no schema check for kind " + o.get("kind"));
        }
    }
}
