package io.ipmirunner.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlValue> items, Location at) implements YamlValue {
    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (YamlValue v : items) {
            out.add(v.toPlain());
        }
        return Collections.unmodifiableList(out);
    }
}
