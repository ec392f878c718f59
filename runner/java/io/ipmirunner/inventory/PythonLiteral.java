package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlList;
import io.ipmirunner.yaml.YamlMap;
import io.ipmirunner.yaml.YamlScalar;
import io.ipmirunner.yaml.YamlValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INI inventory values as Ansible reads them: through Python's {@code ast.literal_eval}, falling back to the
 * text. So {@code 623} is a number, {@code True} a boolean, {@code [1, 'a']} a list, {@code "x"} the string x,
 * but {@code yes} and {@code 0623} stay strings (Python has no such literals).
 */
final class PythonLiteral {
    private final String s;
    private final Location at;
    private int i;

    private PythonLiteral(String s, Location at) {
        this.s = s;
        this.at = at;
    }

    /** The literal's value, or empty when the text is not a Python literal. */
    static Optional<YamlValue> parse(String text, Location at) {
        PythonLiteral p = new PythonLiteral(text, at);
        try {
            YamlValue v = p.value();
            p.blanks();
            return p.i == text.length() ? Optional.of(v) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private YamlValue value() {
        blanks();
        char c = s.charAt(i);
        return switch (c) {
            case '[' -> new YamlList(items(']'), at);
            case '(' -> new YamlList(items(')'), at);
            case '{' -> dict();
            case '\'', '"' -> YamlScalar.string(string(), at);
            default -> {
                if ((c == 'r' || c == 'u' || c == 'R' || c == 'U') && i + 1 < s.length()
                        && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
                    boolean raw = c == 'r' || c == 'R';
                    i++;
                    yield YamlScalar.string(raw ? rawString() : string(), at);
                }
                yield word();
            }
        };
    }

    private List<YamlValue> items(char close) {
        i++;
        List<YamlValue> out = new ArrayList<>();
        while (true) {
            blanks();
            if (s.charAt(i) == close) {
                i++;
                return out;
            }
            out.add(value());
            blanks();
            if (s.charAt(i) == ',') {
                i++;
            } else if (s.charAt(i) != close) {
                throw new IllegalArgumentException("expected , or " + close);
            }
        }
    }

    private YamlMap dict() {
        i++;
        List<YamlMap.Member> members = new ArrayList<>();
        while (true) {
            blanks();
            if (s.charAt(i) == '}') {
                i++;
                return new YamlMap(members, at);
            }
            YamlValue key = value();
            blanks();
            if (s.charAt(i) != ':' || !(key instanceof YamlScalar k)) {
                throw new IllegalArgumentException("not a dict");
            }
            i++;
            members.removeIf(m -> m.name().equals(k.text()));
            members.add(new YamlMap.Member(k, value()));
            blanks();
            if (s.charAt(i) == ',') {
                i++;
            } else if (s.charAt(i) != '}') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private String rawString() {
        char quote = s.charAt(i);
        int end = s.indexOf(quote, i + 1);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed string");
        }
        String out = s.substring(i + 1, end);
        i = end + 1;
        return out;
    }

    private String string() {
        char quote = s.charAt(i++);
        StringBuilder out = new StringBuilder();
        while (s.charAt(i) != quote) {
            char c = s.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                case '\\', '\'', '"' -> out.append(e);
                default -> out.append('\\').append(e);
            }
        }
        i++;
        return out.toString();
    }

    /** True, False, None, or a number (with an optional sign). */
    private YamlValue word() {
        int start = i;
        while (i < s.length() && "+-0123456789abcdefABCDEFxXoOjJ._TrueFalsNn".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String w = s.substring(start, i);
        return switch (w) {
            case "True" -> new YamlScalar(w, YamlScalar.Kind.BOOLEAN, true, false, at);
            case "False" -> new YamlScalar(w, YamlScalar.Kind.BOOLEAN, false, false, at);
            case "None" -> new YamlScalar(w, YamlScalar.Kind.NULL, null, false, at);
            default -> number(w);
        };
    }

    private YamlScalar number(String w) {
        String body = w.startsWith("-") || w.startsWith("+") ? w.substring(1) : w;
        boolean negative = w.startsWith("-");
        if (!body.matches("(?i)0[xob][0-9a-f_]+|[0-9][0-9_]*|[0-9_]*\\.?[0-9_]*(e[-+]?[0-9]+)?")
                || body.isEmpty() || body.equals(".") || body.contains("__") || body.endsWith("_")) {
            throw new IllegalArgumentException("not a number");
        }
        String digits = body.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        if (digits.matches("[0-9]+")) {
            if (digits.length() > 1 && digits.startsWith("0") && !digits.matches("0+")) {
                throw new IllegalArgumentException("leading zeros are not a Python literal");
            }
            return integer(w, new BigInteger(digits), negative);
        }
        if (digits.startsWith("0x") || digits.startsWith("0o") || digits.startsWith("0b")) {
            int radix = digits.charAt(1) == 'x' ? 16 : digits.charAt(1) == 'o' ? 8 : 2;
            return integer(w, new BigInteger(digits.substring(2), radix), negative);
        }
        double d = Double.parseDouble(digits);
        return new YamlScalar(w, YamlScalar.Kind.FLOAT, negative ? -d : d, false, at);
    }

    private YamlScalar integer(String text, BigInteger n, boolean negative) {
        BigInteger v = negative ? n.negate() : n;
        return new YamlScalar(text, YamlScalar.Kind.INTEGER, v.bitLength() < 64 ? (Object) v.longValue() : v,
                false, at);
    }

    private void blanks() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
