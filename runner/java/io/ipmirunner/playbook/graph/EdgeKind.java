package io.ipmirunner.playbook.graph;

/** What an edge of the task graph means for a host's cursor. */
public enum EdgeKind {
    /** play → the first node it runs. */
    START,
    /** node → the node after it in the same list (after a block: past its always part). */
    NEXT,
    /** block → the first task of its block list. */
    BLOCK,
    /** block → the first task of rescue, taken by a host that failed in the block. */
    RESCUE,
    /** block → the first task of always, taken by every host that entered the block. */
    ALWAYS,
    /** include_tasks → the first task of the included file. */
    INCLUDE,
    /** task → a handler it notifies when it reports a change. */
    NOTIFY,
    /** play → one of its handlers, in the order they run. */
    HANDLER,
    /** play → the next play. */
    NEXT_PLAY
}
