package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The top-level variable names a Jinja2 expression or template reads without a guard, for {@code check}'s
 * "undefined variable" report. Conservative: attribute names ({@code a.b}), filter and test names
 * ({@code | f}, {@code is t}), named arguments ({@code attribute=}), function names ({@code range(3)}) and
 * keywords are not variables; a name that the expression guards anywhere ({@code x | default(...)},
 * {@code x.y is defined}) is not reported; templates with statements ({@code {% for %}}, which bind names)
 * are not scanned.
 */
public final class ExpressionNames {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "true",
            "false", "none", "True", "False", "None", "loop");
    private static final Set<String> GUARDS = Set.of("default", "d", "defined", "undefined");

    private ExpressionNames() {}

    /** The names the {@code {{ }}} parts of a template read. */
    public static Set<String> inTemplate(String template) {
        Set<String> out = new LinkedHashSet<>();
        if (!TemplateParts.isSimple(template)) {
            return out;
        }
        try {
            for (TemplateParts.Part p : TemplateParts.of(template).parts()) {
                if (p instanceof TemplateParts.Expr e) {
                    out.addAll(inExpression(e.source()));
                }
            }
        } catch (ExpressionException unparsable) {
            // check reports the syntax error itself
        }
        return out;
    }

    /** The top-level names a bare expression reads without a guard. */
    public static Set<String> inExpression(String expr) {
        List<String> tokens = tokens(expr);
        Set<String> read = new LinkedHashSet<>();
        Set<String> guarded = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!isName(t) || KEYWORDS.contains(t)) {
                continue;
            }
            String before = i > 0 ? tokens.get(i - 1) : "";
            String after = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            boolean test = before.equals("is") || (before.equals("not") && i > 1 && tokens.get(i - 2).equals("is"));
            if (before.equals(".") || before.equals("|") || test || after.equals("=") || after.equals("(")) {
                continue;
            }
            int end = chainEnd(tokens, i + 1);
            String next = end < tokens.size() ? tokens.get(end) : "";
            String guard = next.equals("|") && end + 1 < tokens.size() ? tokens.get(end + 1)
                    : next.equals("is") && end + 1 < tokens.size() ? tokens.get(end + 1).equals("not")
                    && end + 2 < tokens.size() ? tokens.get(end + 2) : tokens.get(end + 1) : "";
            (GUARDS.contains(guard) ? guarded : read).add(t);
        }
        read.removeAll(guarded);
        return read;
    }

    /**
     * The names a {@code when} looks at with a guard ({@code x is defined}, {@code x.y | default('') != ''}):
     * its task's body may read them bare, since the task runs only when the guard let it through. Lenient on
     * purpose: check reports only names it is sure nothing defines.
     */
    public static Set<String> guardedBy(String expr) {
        List<String> tokens = tokens(expr);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (isName(t) && !KEYWORDS.contains(t) && (i == 0 || !tokens.get(i - 1).equals("."))) {
                int end = chainEnd(tokens, i + 1);
                String next = end < tokens.size() ? tokens.get(end) : "";
                String after = end + 1 < tokens.size() ? tokens.get(end + 1) : "";
                if ((next.equals("is") && after.equals("defined")) || (next.equals("|") && GUARDS.contains(after))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** After {@code name}, the index past its {@code .attr} and {@code [index]} chain. */
    private static int chainEnd(List<String> tokens, int i) {
        while (i < tokens.size()) {
            if (tokens.get(i).equals(".") && i + 1 < tokens.size()) {
                i += 2;
            } else if (tokens.get(i).equals("[")) {
                int depth = 0;
                do {
                    depth += tokens.get(i).equals("[") ? 1 : tokens.get(i).equals("]") ? -1 : 0;
                    i++;
                } while (i < tokens.size() && depth > 0);
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean isName(String t) {
        return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_');
    }

    /** Names, numbers, strings (as one token) and single punctuation; "==" and friends are one token. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
            } else if (i + 1 < s.length() && "=!<>".indexOf(c) >= 0 && s.charAt(i + 1) == '=') {
                i += 2;
            } else {
                i++;
            }
            out.add(s.substring(start, Math.min(i, s.length())));
        }
        return out;
    }
}
