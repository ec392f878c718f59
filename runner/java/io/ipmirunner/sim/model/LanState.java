package io.ipmirunner.sim.model;

/**
 * The LAN settings written through Set LAN Configuration Parameters (IPMI v2.0 §23.1): IP source, address,
 * subnet mask and default gateway, plus the set-in-progress flag (parameter 0), and the channel's SOL settings
 * ({@link SolSettings}). Until written, each value is
 * null and the BMC reports the one it derives from where it listens. Writing the address does not move the
 * simulated BMC: it keeps answering where it was started, as a real BMC does until its network restarts.
 */
public final class LanState {
    /** Parameter 0 bits 1:0. */
    public static final int SET_COMPLETE = 0;
    public static final int SET_IN_PROGRESS = 1;

    private Integer source;
    private byte[] address;
    private byte[] netmask;
    private byte[] gateway;
    private int setState = SET_COMPLETE;
    private SolSettings sol = SolSettings.DEFAULT;

    public synchronized Integer source() {
        return source;
    }

    public synchronized void source(int s) {
        source = s;
    }

    public synchronized byte[] address() {
        return address == null ? null : address.clone();
    }

    public synchronized void address(byte[] a) {
        address = a.clone();
    }

    public synchronized byte[] netmask() {
        return netmask == null ? null : netmask.clone();
    }

    public synchronized void netmask(byte[] m) {
        netmask = m.clone();
    }

    public synchronized byte[] gateway() {
        return gateway == null ? null : gateway.clone();
    }

    public synchronized void gateway(byte[] g) {
        gateway = g.clone();
    }

    /** The channel's SOL settings (§26.3), read-only on the wire: tests set them here. */
    public synchronized SolSettings sol() {
        return sol;
    }

    public synchronized void sol(SolSettings s) {
        sol = s;
    }

    public synchronized int setState() {
        return setState;
    }

    /**
     * Writes parameter 0. Returns false for "set in progress" while a set is already in progress (the
     * caller answers 0x81, §23.1); "commit write" (10b) applies nothing here, since writes apply at once.
     */
    public synchronized boolean setState(int state) {
        if (state == SET_IN_PROGRESS && setState == SET_IN_PROGRESS) {
            return false;
        }
        setState = state == SET_IN_PROGRESS ? SET_IN_PROGRESS : SET_COMPLETE;
        return true;
    }
}
