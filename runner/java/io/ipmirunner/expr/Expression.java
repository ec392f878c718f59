package io.ipmirunner.expr;

import io.ipmirunner.yaml.Location;

/**
 * A bare Jinja2 expression from a playbook ({@code when}, {@code until}, {@code changed_when},
 * {@code failed_when}, {@code assert.that}), known to parse: the parser only makes one after
 * {@link Expressions#checkExpression} accepted the text.
 */
public record Expression(String source, Location at) {
    @Override
    public String toString() {
        return source;
    }
}
