package io.ipmirunner.yaml;

/**
 * Where a value was written: the file as the user named it, 1-based line and column. Printed as
 * {@code file:line:column}, the form editors and CI annotators jump to.
 */
public record Location(String file, int line, int column) {
    /** For values that come from the command line ({@code -e}, {@code --limit}) rather than a file. */
    public static Location commandLine(String option) {
        return new Location(option, 1, 1);
    }

    /** The same line, {@code offset} characters further right. */
    public Location shifted(int offset) {
        return new Location(file, line, column + offset);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
