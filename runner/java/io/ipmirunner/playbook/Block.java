package io.ipmirunner.playbook;

import io.ipmirunner.yaml.Location;
import java.util.List;

/**
 * {@code block} / {@code rescue} / {@code always}: when a task of {@code block} fails on a host, that host
 * continues with {@code rescue} (and counts as recovered when rescue succeeds); {@code always} runs either way.
 * The block's keywords (when, tags, vars, ignore_errors...) apply to every task inside it.
 */
public record Block(String name, Location at, List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always,
                    TaskOptions options) implements TaskItem {
    public Block {
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
    }

    @Override
    public String displayName() {
        return name.isEmpty() ? "block" : name;
    }
}
