package io.ipmirunner.inventory;

import io.ipmirunner.ipmi.session.Workaround;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.Suggestions;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A host's {@code ipmi_workarounds}: FreeIPMI's {@code -W} names, as a list or comma-separated as in
 * freeipmi.conf. A name the engine handles unasked, or does not handle, is a warning (the inventory stays
 * usable with FreeIPMI's flags in it); a name FreeIPMI does not have is an error.
 */
final class WorkaroundsVar {
    static final String NAME = "ipmi_workarounds";

    private WorkaroundsVar() {}

    static Set<Workaround> read(String host, YamlValue v, Problems problems, Problems warnings) {
        if (v == null || v instanceof YamlScalar s && s.isNull()) {
            return Set.of();
        }
        List<YamlScalar> names = new ArrayList<>();
        if (v instanceof YamlScalar s) {
            Stream.of(s.text().split(",")).map(String::trim).filter(n -> !n.isEmpty())
                    .forEach(n -> names.add(YamlScalar.string(n, s.at())));
        } else if (v instanceof YamlList list) {
            for (YamlValue item : list.items()) {
                if (!(item instanceof YamlScalar s) || !s.isString()) {
                    problems.add(item.at(), NAME + " lists FreeIPMI's workaround names, found " + item.describe());
                    continue;
                }
                names.add(s);
            }
        } else {
            problems.add(v.at(), NAME + " is a list of FreeIPMI's workaround names, found " + v.describe());
            return Set.of();
        }
        Set<Workaround> out = EnumSet.noneOf(Workaround.class);
        for (YamlScalar n : names) {
            String name = n.text().trim();
            var w = Workaround.parse(name);
            if (w.isPresent()) {
                out.add(w.get());
            } else if (Workaround.HANDLED_UNASKED.contains(name)) {
                warnings.add(n.at(), NAME + " '" + name + "' for host '" + host + "' is not needed: ipmi-runner "
                        + "copes with that fault unasked (docs/interop-notes.md)");
            } else {
                List<String> known = new ArrayList<>(Workaround.HANDLED_UNASKED);
                Stream.of(Workaround.values()).map(Workaround::label).forEach(known::add);
                problems.add(n.at(), NAME + " '" + name + "' is not one of FreeIPMI's workaround names"
                        + Suggestions.closest(name, known).map(c -> " (did you mean '" + c + "'?)").orElse(""));
            }
        }
        return out;
    }
}
