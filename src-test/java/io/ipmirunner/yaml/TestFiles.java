package io.ipmirunner.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writing test inputs to files, and problems in a form that does not depend on the temp directory. */
public final class TestFiles {
    private TestFiles() {}

    public static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "line:column: message" for each problem, the file left out. */
    public static List<String> lines(InvalidInputException e) {
        return e.problems().stream().map(p -> p.at().line() + ":" + p.at().column() + ": " + p.message()).toList();
    }
}
