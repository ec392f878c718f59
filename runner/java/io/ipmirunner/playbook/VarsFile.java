package io.ipmirunner.playbook;

import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.YamlValue;
import java.util.Map;

/** One entry of a play's {@code vars_files}. */
public sealed interface VarsFile {
    TemplateText path();

    /** A file named statically, read and checked when the playbook was parsed. */
    record Loaded(TemplateText path, Map<String, YamlValue> vars) implements VarsFile {
        public Loaded {
            vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        }
    }

    /** A name with {@code {{ ... }}} in it: only a host's variables say which file it is. */
    record Deferred(TemplateText path) implements VarsFile {}
}
