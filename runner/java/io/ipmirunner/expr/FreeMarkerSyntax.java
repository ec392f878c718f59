package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Playbooks written for ipmi-runner before it spoke Jinja2 used FreeMarker ({@code ${x}}, {@code x??},
 * {@code x!"d"}, {@code x?size}, {@code &&}). None of that is Jinja2, so {@code check} refuses it at its
 * place and, where the rewrite is mechanical, says what to write: {@code x??} is {@code x is defined},
 * {@code x!d} is {@code x | default(d)}, {@code ?size} is {@code | length}, ... Lambdas ({@code ?filter(s ->
 * ...)}) have no mechanical form: docs/expressions.md shows their Jinja2 ({@code selectattr}, {@code select}).
 */
final class FreeMarkerSyntax {
    private static final Pattern MARKERS = Pattern.compile("\\?\\?|\\?[a-z_]+|&&|\\|\\||!(?!=)|->|\\$\\{");
    private static final String OPERAND = "(?:\\((?:[^()]|\\([^()]*\\))*\\)|\\[[^\\[\\]]*\\]|\\u0000[0-9]+\\u0000"
            + "|-?[0-9.]+|[A-Za-z_]\\w*)(?:\\.[A-Za-z_]\\w*|\\[[^\\[\\]]*\\])*";
    private static final Map<String, String> BUILT_INS = Map.ofEntries(
            Map.entry("?size", " | length"), Map.entry("?length", " | length"), Map.entry("?join(", " | join("),
            Map.entry("?string", " | string"), Map.entry("?lower_case", " | lower"),
            Map.entry("?upper_case", " | upper"), Map.entry("?trim", " | trim"), Map.entry("?first", " | first"),
            Map.entry("?last", " | last"), Map.entry("?has_content", " | length > 0"),
            Map.entry("?c", " | string | lower"), Map.entry("?then(", " | ternary("),
            Map.entry("?seq_contains(", " is contains("), Map.entry("?is_boolean", " is boolean"),
            Map.entry("?is_string", " is string"), Map.entry("?keys", " | list"));

    private FreeMarkerSyntax() {}

    static Optional<ExpressionException> inExpression(String source) {
        List<String> strings = new ArrayList<>();
        String masked = mask(source, strings);
        Matcher m = MARKERS.matcher(masked);
        if (!m.find()) {
            return Optional.empty();
        }
        int offset = originalOffset(source, masked, m.start());
        String jinja = toJinja(masked, strings);
        return Optional.of(Expressions.positioned(source, offset, "FreeMarker syntax '" + m.group().strip()
                + "': expressions are Jinja2 now" + (jinja == null ? " (docs/expressions.md)" : ", write: " + jinja)));
    }

    static Optional<ExpressionException> inTemplate(String source) {
        int dollar = source.indexOf("${");
        int directive = source.indexOf("<#");
        if (dollar < 0 && directive < 0) {
            return Optional.empty();
        }
        if (dollar < 0 || (directive >= 0 && directive < dollar)) {
            return Optional.of(Expressions.positioned(source, directive,
                    "FreeMarker directive '<#': templates are Jinja2 now ({% if %}, {% for %})"));
        }
        StringBuilder jinja = new StringBuilder();
        boolean derivable = true;
        int at = 0;
        for (int open = dollar; open >= 0; open = source.indexOf("${", at)) {
            int close = closing(source, open + 2);
            if (close < 0) {
                derivable = false;
                break;
            }
            List<String> strings = new ArrayList<>();
            String inner = toJinja(mask(source.substring(open + 2, close), strings), strings);
            derivable &= inner != null;
            jinja.append(source, at, open).append("{{ ").append(inner).append(" }}");
            at = close + 1;
        }
        jinja.append(source.substring(Math.min(at, source.length())));
        return Optional.of(Expressions.positioned(source, dollar, "FreeMarker interpolation '${': templates are "
                + "Jinja2 now" + (derivable ? ", write: " + jinja : ", {{ expression }} (docs/expressions.md)")));
    }

    /** The Jinja2 form of a masked FreeMarker expression, or null when it is not a mechanical rewrite. */
    private static String toJinja(String masked, List<String> strings) {
        String s = masked;
        s = s.replaceAll("!\\s*(" + OPERAND + ")\\?\\?", "$1 is not defined");
        s = s.replaceAll("(" + OPERAND + ")\\?\\?", "$1 is defined");
        s = s.replaceAll("(" + OPERAND + ")!(?!=)(" + OPERAND + ")", "$1 | default($2)");
        for (Map.Entry<String, String> b : BUILT_INS.entrySet()) {
            s = s.replaceAll(Pattern.quote(b.getKey()) + (b.getKey().endsWith("(") ? "" : "(?![a-z_])"),
                    Matcher.quoteReplacement(b.getValue()));
        }
        s = s.replace("&&", " and ").replace("||", " or ").replaceAll("!(?!=)\\s*", "not ");
        if (s.contains("?") || s.contains("->") || s.contains("${")) {
            return null;
        }
        s = s.replaceAll("\\s+", " ").strip();
        for (int i = 0; i < strings.size(); i++) {
            s = s.replace("\u0000" + i + "\u0000", strings.get(i));
        }
        return s;
    }

    /** String literals replaced by numbered placeholders, so markers inside them are not seen. */
    private static String mask(String source, List<String> strings) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, source.length() - 1);
                out.append('\u0000').append(strings.size()).append('\u0000');
                strings.add(source.substring(i, end + 1));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The offset in the source of an offset in its masked form. */
    private static int originalOffset(String source, String masked, int maskedOffset) {
        List<String> strings = new ArrayList<>();
        int shift = 0;
        Matcher placeholder = Pattern.compile("\\u0000([0-9]+)\\u0000").matcher(masked);
        mask(source, strings);
        while (placeholder.find() && placeholder.start() < maskedOffset) {
            shift += strings.get(Integer.parseInt(placeholder.group(1))).length() - placeholder.group().length();
        }
        return Math.min(source.length() - 1, maskedOffset + shift);
    }

    private static int closing(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth-- == 0) {
                return i;
            }
        }
        return -1;
    }
}
