package io.ipmirunner.expr;

import io.ipmirunner.yaml.Location;

/**
 * A string from a playbook that may hold {@code {{ ... }}} expressions (task names, messages, module
 * arguments, file names), known to parse. Strings without {@code {{}, {@code {%} or {@code {#} are static and never go
 * through Jinja2.
 */
public record TemplateText(String source, Location at) {
    public boolean isStatic() {
        return !Expressions.isTemplate(source);
    }

    @Override
    public String toString() {
        return source;
    }
}
