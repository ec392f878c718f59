package io.ipmirunner.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

/**
 * {@link Json#pretty}'s layout: two spaces a level, {@code "key": value}, empty objects and arrays as {@code {}}
 * and {@code []}. The bytes of Jackson's DefaultPrettyPrinter so configured (JsonTest compares them), but each
 * separator and indentation is one copy of ready UTF-8 ({@link SerializedString}) where Jackson's passes a
 * String through a char buffer: about half of writing report.json at the end of a run in a cold JVM (JFR:
 * writeRaw under Json.pretty).
 */
final class JsonPretty extends DefaultPrettyPrinter {
    private static final SerializedString COLON = new SerializedString(": ");
    private static final int LEVELS = 64;
    /** Per level: a line break and its indentation, with the entry separator before it and without. */
    private static final SerializedString[] INDENT = new SerializedString[LEVELS];
    private static final SerializedString[] NEXT = new SerializedString[LEVELS];

    static {
        for (int i = 0; i < LEVELS; i++) {
            INDENT[i] = new SerializedString("\n" + "  ".repeat(i));
            NEXT[i] = new SerializedString(",\n" + "  ".repeat(i));
        }
    }

    JsonPretty() {
        super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""));
        _objectIndenter = Levels.INSTANCE;
        _arrayIndenter = Levels.INSTANCE;
    }

    private JsonPretty(JsonPretty base) {
        super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new JsonPretty(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(COLON);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(next(_nesting));
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(next(_nesting));
    }

    private static SerializableString next(int level) {
        return level < LEVELS ? NEXT[level] : new SerializedString(",\n" + "  ".repeat(level));
    }

    private enum Levels implements DefaultPrettyPrinter.Indenter {
        INSTANCE;

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            g.writeRaw(level < LEVELS ? INDENT[level] : new SerializedString("\n" + "  ".repeat(level)));
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
