package io.ipmirunner.run;

import io.ipmirunner.playbook.Action;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.Playbook;
import io.ipmirunner.playbook.RunPolicy;
import io.ipmirunner.playbook.Serial;
import io.ipmirunner.playbook.Task;
import io.ipmirunner.playbook.TaskOptions;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * exec as Ansible builds its ad-hoc command: a play on the pattern's hosts with one task calling the module,
 * linear, all hosts in one batch, run by the same runner as a playbook (journal, reports, resume, retry).
 */
public final class OneTaskPlay {
    private OneTaskPlay() {}

    /**
     * The playbook; its "file" is the command ({@code exec power state=status}), which names the task in the
     * journal, so {@code --resume} replays a host's result only into the same module with the same arguments.
     */
    public static Playbook of(String hostPattern, String module, Map<String, String> args) {
        Location at = new Location(title(module, args), 1, 1);
        Map<String, YamlValue> yamlArgs = new LinkedHashMap<>();
        args.forEach((k, v) -> yamlArgs.put(k, YamlScalar.string(v, at)));
        TaskOptions options = new TaskOptions(new TaskOptions.Conditions(List.of(), List.of(), List.of()),
                Optional.empty(), Optional.empty(), Optional.empty(), false, List.of(), List.of(),
                new TaskOptions.Pacing(OptionalInt.empty(), Optional.empty(), Optional.empty(), false), Map.of());
        Task task = new Task("", at, new Action.ModuleCall(module, yamlArgs, at), options);
        RunPolicy policy = new RunPolicy(Serial.ALL_AT_ONCE, OptionalInt.empty(), false, OptionalInt.empty(),
                RunPolicy.Strategy.LINEAR, RunPolicy.HostOrder.INVENTORY, OptionalInt.empty());
        Play play = new Play("", at, hostPattern, at, Map.of(), List.of(), policy, List.of(), List.of(),
                List.of(task), List.of(), List.of());
        return new Playbook(at.file(), List.of(play));
    }

    /** {@code exec MODULE k=v ...}: the run's name in the journal and the reports. */
    public static String title(String module, Map<String, String> args) {
        StringBuilder b = new StringBuilder("exec ").append(module);
        args.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
