package io.ipmirunner.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for results, reports and the journal, on Jackson's streaming core. Every string is escaped so any BMC data
 * stays valid JSON: control characters, U+2028/2029 (they end a line in a script block) and every surrogate (a
 * lone one from a broken FRU string then reads back as written). Maps keep their iteration order.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .characterEscapes(new LineSeparatorEscapes())
            // Jackson's default pool is per thread: every virtual thread that journals a result would allocate
            // its own buffers. One shared pool serves them all.
            .recyclerPool(JsonRecyclerPools.sharedLockFreePool())
            .build();
    private static final DefaultPrettyPrinter PRETTY = new JsonPretty();

    private Json() {}

    /** One line for display output: NaN and infinities print as null, a value of another type as its text. */
    public static String write(Object value) {
        return new String(bytes(value, false, false), StandardCharsets.UTF_8);
    }

    /** As {@link #write(Object)}, indented by two spaces. */
    public static String pretty(Object value) {
        return new String(bytes(value, true, false), StandardCharsets.UTF_8);
    }

    /**
     * One line of UTF-8 for data that is read back ({@link #parse(byte[])} gives an equal value): only JSON values
     * are accepted (see {@link JsonValues}); anything else is an {@link IllegalArgumentException} naming its path.
     */
    public static byte[] strict(Object value) {
        return bytes(value, false, true);
    }

    /**
     * Reads one JSON document into maps (string keys, in order), lists, strings, booleans, nulls and numbers in
     * their {@linkplain JsonValues#canonical(Object) canonical} types.
     *
     * @throws IOException not one JSON value
     */
    public static Object parse(byte[] utf8) throws IOException {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            return document(p);
        }
    }

    public static Object parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return document(p);
        }
    }

    private static Object document(JsonParser p) throws IOException {
        p.nextToken();
        Object v = value(p);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "trailing characters after the value");
        }
        return v;
    }

    private static byte[] bytes(Object value, boolean pretty, boolean strict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(PRETTY);
            }
            write(g, value, strict, At.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object v, boolean strict, At path) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case BigInteger b -> g.writeNumber(b);
            case Short s -> g.writeNumber(s);
            case Byte b -> g.writeNumber(b);
            case Double d when Double.isFinite(d) -> g.writeNumber(d);
            case Float f when Float.isFinite(f) -> g.writeNumber(f);
            case BigDecimal d -> g.writeNumber(d);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (strict && !(e.getKey() instanceof String)) {
                        throw JsonValues.refused(path.toString(), "a key of type " + typeName(e.getKey()));
                    }
                    String key = String.valueOf(e.getKey());
                    g.writeFieldName(key);
                    write(g, e.getValue(), strict, path.key(key));
                }
                g.writeEndObject();
            }
            case Collection<?> c -> {
                if (strict && !(c instanceof List<?>)) {
                    throw JsonValues.refused(path.toString(), typeName(c));
                }
                g.writeStartArray();
                int i = 0;
                for (Object o : c) {
                    write(g, o, strict, path.index(i++));
                }
                g.writeEndArray();
            }
            default -> {
                if (strict) {
                    throw JsonValues.refused(path.toString(), typeName(v));
                }
                if (v instanceof Double || v instanceof Float) {
                    g.writeNull();
                } else if (v instanceof Number n) {
                    g.writeNumber(n.toString());
                } else {
                    g.writeString(v.toString());
                }
            }
        }
    }

    /**
     * Where a value sits ({@code result.sdr.readings[1]}), spelt out only for an error: a string per value
     * was most of the garbage of writing report.json.
     */
    private record At(At parent, String key, int index) {
        static final At ROOT = new At(null, null, -1);

        At key(String k) {
            return new At(this, k, -1);
        }

        At index(int i) {
            return new At(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String up = parent.toString();
            return key == null ? up + "[" + index + "]" : up.isEmpty() ? key : up + "." + key;
        }
    }

    private static String typeName(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Double || o instanceof Float) {
            return "non-finite " + o;
        }
        String simple = o.getClass().getSimpleName();
        return simple.isEmpty() ? o.getClass().getName() : simple;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonParseException(p, "no JSON value");
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    p.nextToken();
                    m.put(key, value(p));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> JsonValues.canonical(p.getNumberValue());
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            default -> throw new JsonParseException(p, "unexpected " + t);
        };
    }

    /** Jackson escapes control characters itself; these two only a script block cares about. */
    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029")
                    : null;
        }
    }
}
