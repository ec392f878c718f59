package io.ipmirunner.playbook;

import io.ipmirunner.yaml.Location;

/** A task: exactly one action, and the keywords that say when and how it runs. */
public record Task(String name, Location at, Action action, TaskOptions options) implements TaskItem {
    @Override
    public String displayName() {
        return name.isEmpty() ? action.name() : name;
    }
}
