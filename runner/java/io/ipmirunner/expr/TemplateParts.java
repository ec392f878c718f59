package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A template cut into literal text and {@code {{ expression }}} parts, each expression with its offset in the
 * template (for error columns). Quotes inside an expression are honoured: {@code {{ '}}' }} is one part.
 * Templates with statements ({@code {% %}}), comments or whitespace control are not cut: Jinjava renders
 * them whole ({@link #isSimple}).
 */
record TemplateParts(List<Part> parts) {
    sealed interface Part {}

    record Text(String text) implements Part {}

    record Expr(String source, int offset) implements Part {}

    static boolean isSimple(String template) {
        return !template.contains("{%") && !template.contains("{#") && !template.contains("{{-")
                && !template.contains("-}}");
    }

    /** The parts; an unclosed {@code {{} is an {@link ExpressionException} at its column. */
    static TemplateParts of(String template) throws ExpressionException {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Text(template.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Text(template.substring(at, open)));
            }
            int close = close(template, open + 2);
            if (close < 0) {
                throw Expressions.positioned(template, open, "unclosed '{{': the expression has no '}}'");
            }
            parts.add(new Expr(template.substring(open + 2, close), open + 2));
            at = close + 2;
        }
        return new TemplateParts(parts);
    }

    /** The whole template when it is exactly one {@code {{ expression }}}, else null. */
    String single() {
        return parts.size() == 1 && parts.get(0) instanceof Expr e ? e.source() : null;
    }

    /** The {@code }}} that closes the expression: outside strings and outside dict literals' braces. */
    private static int close(String s, int from) {
        char quote = 0;
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}
