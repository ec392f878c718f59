package io.ipmirunner.expr;

/**
 * An expression or template failed: it does not parse, a variable is undefined, or the value has the wrong
 * type. The message is one short sentence without Jinjava's internals; the caller adds the file position.
 */
public final class ExpressionException extends Exception {
    private final int line;
    private final int column;

    public ExpressionException(String message) {
        this(message, 0, 0);
    }

    /** {@code line} and {@code column} are 1-based within the expression text (0 when unknown). */
    public ExpressionException(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
