package io.ipmirunner.playbook;

import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.Location;
import java.util.List;
import java.util.Optional;

/**
 * {@code include_tasks: FILE}: the file's tasks run in its place. A file named statically is read and
 * validated with the playbook ({@code tasks} present); a name with {@code {{ ... }}} is read per host at run
 * time ({@code tasks} empty), as Ansible's dynamic include.
 */
public record IncludeTasks(String name, Location at, TemplateText file, Optional<List<TaskItem>> tasks,
                           TaskOptions options) implements TaskItem {
    public IncludeTasks {
        tasks = tasks.map(List::copyOf);
    }

    @Override
    public String displayName() {
        return name.isEmpty() ? "include_tasks " + file.source() : name;
    }
}
