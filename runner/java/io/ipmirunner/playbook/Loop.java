package io.ipmirunner.playbook;

import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.YamlList;
import java.util.Optional;

/**
 * A task's {@code loop}: the task runs once per item, with the item as {@code item}. {@code loop_control:
 * {label: "{{ item.name }}"}} names each item's result (its {@code _ansible_item_label}, as Ansible's) instead
 * of the whole item, for lists of user or LAN settings that hold secrets or are long.
 */
public sealed interface Loop {
    Optional<TemplateText> label();

    /** {@code loop: [a, b, c]}: items written out (strings in them may hold {{ ... }}). */
    record Items(YamlList items, Optional<TemplateText> label) implements Loop {}

    /** {@code loop: "{{ hosts_to_check }}"}: the list an expression gives at run time. */
    record FromExpression(TemplateText template, Optional<TemplateText> label) implements Loop {}
}
