package io.ipmirunner.config;

/** A configuration file or variable that cannot be used; the message says where (file:line or the variable). */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
