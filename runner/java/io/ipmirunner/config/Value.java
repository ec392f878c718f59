package io.ipmirunner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A setting's value and where it came from ({@code FILE:LINE} or {@code env NAME}). */
public record Value(String text, String origin) {
    /**
     * Checks {@code raw} for {@code setting}; relative paths are made absolute from {@code base} (the file's
     * directory; null keeps them relative to the working directory, as for environment variables), and
     * {@code ~/} in a file is {@code home}.
     */
    static Value checked(Setting setting, String raw, String origin, Path base, Path home) {
        setting.problem(raw).ifPresent(p -> {
            throw new ConfigException(origin + ": " + setting.key() + " " + p);
        });
        String text = switch (setting.kind()) {
            case PATH -> resolve(base, home, raw);
            case VAULT_IDS -> vaultIds(base, home, raw);
            default -> raw;
        };
        return new Value(text, origin);
    }

    private static String resolve(Path base, Path home, String path) {
        if (base == null) {
            return path;
        }
        Path p = path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
        return base.resolve(p).normalize().toString();
    }

    /** {@code id@file,id@prompt,file}: the files are paths, 'prompt' is not. */
    private static String vaultIds(Path base, Path home, String raw) {
        List<String> out = new ArrayList<>();
        for (String spec : raw.split(",")) {
            String s = spec.strip();
            int at = s.indexOf('@');
            String id = at < 0 ? "" : s.substring(0, at + 1);
            String source = at < 0 ? s : s.substring(at + 1);
            out.add(id + (source.equals("prompt") ? source : resolve(base, home, source)));
        }
        return String.join(",", out);
    }
}
