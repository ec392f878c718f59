package io.ipmirunner.executor;

import java.io.IOException;

/**
 * A journal that is not one: a line that is neither a journal event nor the torn end of one; the message names the
 * line. An {@link IOException}, so each command that reads a journal says "cannot read RUN_DIR/journal.jsonl: ..."
 * in one line, as for a missing file.
 */
public final class JournalException extends IOException {
    public JournalException(String message) {
        super(message);
    }
}
