package io.ipmirunner.ipmi.client;

/**
 * The timers of one session. At most one request is in flight (a login step or a command), so one
 * retransmission timer and one deadline serve both; arming a timer replaces its earlier arming.
 */
enum SessionTimer {
    /** The request in flight went unanswered for its retransmission timeout, or a delayed send is due. */
    RETRANSMIT,
    /** The login, or the command in flight, ran out of time. */
    DEADLINE,
    /** The next command may go out ({@code ipmi_min_command_interval}). */
    PACE,
    /** The session was idle long enough to need a keep-alive. */
    KEEP_ALIVE
}
