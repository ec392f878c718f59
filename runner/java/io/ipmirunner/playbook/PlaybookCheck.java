package io.ipmirunner.playbook;

import io.ipmirunner.inventory.Host;
import io.ipmirunner.inventory.HostPattern;
import io.ipmirunner.inventory.Inventory;
import io.ipmirunner.inventory.SecretSource;
import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.Suggestions;
import io.ipmirunner.yaml.YamlValue;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code check} adds to parsing, with the inventory at hand: every play's hosts pattern selects hosts,
 * every variable an expression reads is defined somewhere it could come from (inventory, play vars, loaded
 * vars_files, task vars, register, set_fact, {@code -e}, magic variables), and password files and
 * environment variables named in the inventory exist (warnings: they may exist where the run happens).
 * Plays that read vars_files or include tasks chosen at run time are not checked for undefined variables.
 */
public final class PlaybookCheck {
    /** The outcome: errors make {@code check} fail; {@code hostCounts} is per play, in order. */
    public record Result(Problems errors, Problems warnings, List<Integer> hostCounts) {}

    private PlaybookCheck() {}

    public static Result run(Playbook playbook, Inventory inventory, Optional<HostPattern> limit,
                             Map<String, YamlValue> extraVars) {
        Problems errors = new Problems();
        Problems warnings = new Problems();
        List<Integer> counts = new ArrayList<>();
        Set<String> setAnywhere = new HashSet<>();
        playbook.plays().forEach(p -> PlayScan.of(p).collectAssigned(setAnywhere));
        for (Play play : playbook.plays()) {
            List<Host> hosts = inventory.select(HostPattern.parse(play.hostPattern()), limit);
            counts.add(hosts.size());
            if (hosts.isEmpty()) {
                int unlimited = limit.isEmpty() ? 0
                        : inventory.select(HostPattern.parse(play.hostPattern()), Optional.empty()).size();
                errors.add(play.hostsAt(), "'hosts' of play '" + play.displayName() + "': " + (unlimited > 0
                        ? "--limit '" + limit.get().text() + "' leaves none of the " + unlimited + " hosts that '"
                        + play.hostPattern() + "' matches" : "pattern '" + play.hostPattern() + "' matches no hosts "
                        + "in the inventory"));
                continue;
            }
            secretReferences(hosts, warnings);
            PlayScan scan = PlayScan.of(play);
            if (scan.dynamic()) {
                continue;
            }
            Set<String> defined = new HashSet<>(MagicVariables.NAMES);
            defined.addAll(extraVars.keySet());
            defined.addAll(setAnywhere);
            hosts.forEach(h -> defined.addAll(h.vars().keySet()));
            scan.collectDefined(defined);
            for (PlayScan.Use use : scan.uses()) {
                for (String name : use.names()) {
                    if (!defined.contains(name)) {
                        errors.add(use.at(), "undefined variable '" + name + "' in " + use.where()
                                + " (not in the inventory, vars, vars_files, -e, register or set_fact)"
                                + Suggestions.hint(name, defined));
                    }
                }
            }
        }
        return new Result(errors, warnings, List.copyOf(counts));
    }

    private static void secretReferences(List<Host> hosts, Problems warnings) {
        for (Host h : hosts) {
            for (Optional<SecretSource> s : List.of(h.bmc().password(), h.bmc().kg())) {
                if (s.orElse(null) instanceof SecretSource.FromFile f && !Files.isReadable(f.path())) {
                    warnings.add(f.at(), "password file " + f.path() + " is not readable here");
                } else if (s.orElse(null) instanceof SecretSource.FromEnv e && System.getenv(e.variable()) == null) {
                    warnings.add(e.at(), "environment variable " + e.variable() + " is not set here");
                }
            }
        }
    }
}
