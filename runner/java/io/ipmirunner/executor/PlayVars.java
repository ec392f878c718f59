package io.ipmirunner.executor;

import io.ipmirunner.inventory.SecretVars;
import io.ipmirunner.playbook.Play;
import io.ipmirunner.playbook.VarsFile;
import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.yaml.InvalidInputException;
import io.ipmirunner.yaml.SafeYaml;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A play's own variables for one host: {@code vars}, then {@code vars_files} on top (Ansible's order). A
 * file named with {@code {{ ... }}} is chosen per host here, at run time, relative to the playbook; a host whose
 * file is missing or broken cannot run the play.
 */
final class PlayVars {
    /** Why a host cannot have its play variables: shown as its failure. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private PlayVars() {}

    /** Adds the play's variables to {@code vars}, templates resolved against {@code scope}. */
    static void apply(Play play, Path playbookDir, Map<String, Object> vars, Map<String, Object> scope)
            throws Unavailable {
        play.vars().forEach((k, v) -> vars.put(k, ActionRunner.resolve(SecretVars.plain(k, v), scope)));
        for (VarsFile f : play.varsFiles()) {
            Map<String, Object> scoped = new HashMap<>(scope);
            scoped.putAll(vars);
            switch (f) {
                case VarsFile.Loaded l -> l.vars().forEach((k, v) -> vars.put(k,
                        ActionRunner.resolve(SecretVars.plain(k, v), scoped)));
                case VarsFile.Deferred d -> vars.putAll(read(d, playbookDir, scoped));
            }
        }
    }

    private static Map<String, Object> read(VarsFile.Deferred d, Path playbookDir, Map<String, Object> scope)
            throws Unavailable {
        String name;
        try {
            name = Expressions.render(d.path().source(), scope);
        } catch (ExpressionException e) {
            throw new Unavailable(d.path().at() + ": vars file name '" + d.path().source() + "': " + e.getMessage());
        }
        Path p = playbookDir.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            throw new Unavailable(d.path().at() + ": vars file '" + name + "' not found (looked for " + p + ")");
        }
        YamlValue v;
        try {
            v = SafeYaml.load(p, p.toString());
        } catch (InvalidInputException e) {
            throw new Unavailable(e.problems().getFirst().toString());
        }
        if (v instanceof YamlScalar s && s.isNull()) {
            return Map.of();
        }
        if (!(v instanceof YamlMap m)) {
            throw new Unavailable(v.at() + ": a vars file must hold a mapping of variable names to values");
        }
        Map<String, Object> out = new HashMap<>();
        m.members().forEach(member -> out.put(member.name(),
                ActionRunner.resolve(SecretVars.plain(member.name(), member.value()), scope)));
        return out;
    }
}
