package io.ipmirunner.ipmi;

/** Where in a session's life an exchange happens; failures name it so an operator knows what broke. */
public enum Phase {
    PING("presence ping"),
    DISCOVERY("Get Channel Authentication Capabilities"),
    OPEN_SESSION("Open Session"),
    RAKP_1("RAKP 1/2"),
    RAKP_3("RAKP 3/4"),
    CHALLENGE("Get Session Challenge"),
    ACTIVATE("Activate Session"),
    SET_PRIVILEGE("Set Session Privilege Level"),
    COMMAND("command"),
    CLOSE("Close Session");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
