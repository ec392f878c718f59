package io.ipmirunner.playbook;

import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.YamlList;

/** A task's {@code loop}: the task runs once per item, with the item as {@code item}. */
public sealed interface Loop {
    /** {@code loop: [a, b, c]}: items written out (strings in them may hold {{ ... }}). */
    record Items(YamlList items) implements Loop {}

    /** {@code loop: "{{ hosts_to_check }}"}: the list an expression gives at run time. */
    record FromExpression(TemplateText template) implements Loop {}
}
