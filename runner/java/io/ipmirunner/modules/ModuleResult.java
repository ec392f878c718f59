package io.ipmirunner.modules;

import java.util.Map;

/** What a module did on one host: whether it changed anything, and its result map (JSON-ready values). */
public record ModuleResult(boolean changed, Map<String, Object> result) {
    public ModuleResult {
        result = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
    }
}
