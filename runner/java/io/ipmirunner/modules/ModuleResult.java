package io.ipmirunner.modules;

import java.util.Map;
import java.util.Optional;

/**
 * What a module did on one host: whether it changed anything, and its result map (JSON-ready values).
 * {@code failure} fails the task while keeping the result: what was read stays in the register and the report
 * when the module judges it defective (a FRU image with a bad checksum).
 */
public record ModuleResult(boolean changed, Map<String, Object> result, Optional<String> failure) {
    public ModuleResult {
        result = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
    }

    public ModuleResult(boolean changed, Map<String, Object> result) {
        this(changed, result, Optional.empty());
    }

    static ModuleResult failed(Map<String, Object> result, String why) {
        return new ModuleResult(false, result, Optional.of(why));
    }
}
