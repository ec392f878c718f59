package io.ipmirunner.playbook;

import io.ipmirunner.yaml.Location;

/** An entry of a task list: a task, a block (with rescue and always), or an include_tasks. */
public sealed interface TaskItem permits Task, Block, IncludeTasks {
    /** The written name, empty when none was given. */
    String name();

    Location at();

    TaskOptions options();

    /** How messages and the graph name it: its name, else what it does. */
    String displayName();
}
