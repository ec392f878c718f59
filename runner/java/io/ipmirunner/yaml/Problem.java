package io.ipmirunner.yaml;

/** One thing wrong with a playbook or inventory, shown as {@code file:line:column: message}. */
public record Problem(Location at, String message) {
    @Override
    public String toString() {
        return at + ": " + message;
    }
}
