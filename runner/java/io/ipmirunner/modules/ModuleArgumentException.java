package io.ipmirunner.modules;

/** A task's arguments are wrong: found before anything is sent to a BMC. */
public final class ModuleArgumentException extends Exception {
    public ModuleArgumentException(String message) {
        super(message, null, false, false);
    }
}
