package io.ipmirunner.playbook;

import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.YamlList;
import java.util.Optional;

/**
 * A task's {@code loop} or {@code with_items}: the task runs once per item, with the item as {@code item}.
 * {@code loop_control: {label: "{{ item.name }}"}} names each item's result (its {@code _ansible_item_label},
 * as Ansible's) instead of the whole item, for lists of user or LAN settings that hold secrets or are long.
 */
public sealed interface Loop {
    Optional<TemplateText> label();

    Keyword keyword();

    /**
     * Which keyword wrote it. {@code with_items} is Ansible's items lookup ({@code LookupBase._flatten}): lists
     * among the items are flattened one level, and a value that is not a list is one item (a mapping gives its
     * keys); {@code loop} takes the list as it is and refuses anything else.
     */
    enum Keyword {
        LOOP("loop"), WITH_ITEMS("with_items");

        public final String yamlName;

        Keyword(String yamlName) {
            this.yamlName = yamlName;
        }
    }

    /** {@code loop: [a, b, c]}: items written out (strings in them may hold {{ ... }}). */
    record Items(YamlList items, Optional<TemplateText> label, Keyword keyword) implements Loop {}

    /** {@code loop: "{{ hosts_to_check }}"}: the list an expression gives at run time. */
    record FromExpression(TemplateText template, Optional<TemplateText> label, Keyword keyword) implements Loop {}
}
