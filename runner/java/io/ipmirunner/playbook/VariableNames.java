package io.ipmirunner.playbook;

import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Variable names: which are valid (for register, set_fact, vars), and which top-level names a FreeMarker
 * expression or template reads, for {@code check}'s "undefined variable" report. The scan is conservative:
 * names guarded by FreeMarker's defaults ({@code x!}, {@code x??}) and lambda parameters are not reported,
 * and an expression with a parenthesized default ({@code (a.b)!0}) is not scanned at all.
 */
final class VariableNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "gt", "gte", "lt", "lte", "as", "in", "using");

    private VariableNames() {}

    /** Reports a name that expressions could not read back, or that would hide a magic variable. */
    static boolean check(String name, Location at, String what, Problems problems) {
        if (!IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name)) {
            problems.add(at, what + " '" + name + "' is not a valid variable name (letters, digits and _, not "
                    + "starting with a digit)");
            return false;
        }
        if (MagicVariables.NAMES.contains(name)) {
            problems.add(at, what + " '" + name + "' would hide Ansible's magic variable of that name");
            return false;
        }
        return true;
    }

    /** The top-level names a template's {@code ${...}} parts read. */
    static Set<String> inTemplate(String template) {
        Set<String> out = new LinkedHashSet<>();
        int i = template.indexOf("${");
        while (i >= 0) {
            int depth = 0;
            int end = i + 2;
            while (end < template.length() && (template.charAt(end) != '}' || depth > 0)) {
                depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                end++;
            }
            out.addAll(inExpression(template.substring(i + 2, Math.min(end, template.length()))));
            i = template.indexOf("${", end);
        }
        return out;
    }

    /** The top-level names a bare expression reads without a default. */
    static Set<String> inExpression(String expr) {
        if (expr.contains(")!") || expr.contains(")??")) {
            return Set.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> lambdaParams = new LinkedHashSet<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(expr, i);
                continue;
            }
            if (!Character.isLetter(c) && c != '_') {
                i++;
                continue;
            }
            int start = i;
            while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
                i++;
            }
            String word = expr.substring(start, i);
            if (word.equals("r") && i < expr.length() && (expr.charAt(i) == '"' || expr.charAt(i) == '\'')) {
                continue;
            }
            char before = previous(expr, start);
            int after = chainEnd(expr, i);
            String rest = expr.substring(after).stripLeading();
            if (rest.startsWith("->")) {
                lambdaParams.add(word);
            } else if (before != '.' && before != '?' && !KEYWORDS.contains(word) && !Character.isDigit(before)
                    && !(rest.startsWith("!") && !rest.startsWith("!=")) && !rest.startsWith("??")) {
                names.add(word);
            }
        }
        Set<String> out = new LinkedHashSet<>(names);
        out.removeAll(lambdaParams);
        return out;
    }

    private static char previous(String s, int index) {
        int j = index - 1;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
            j--;
        }
        return j < 0 ? ' ' : s.charAt(j);
    }

    /** The end of {@code name.field[index]...} starting at {@code i}: what follows it decides about defaults. */
    private static int chainEnd(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.' && i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
            } else if (c == '[') {
                int depth = 0;
                do {
                    depth += s.charAt(i) == '[' ? 1 : s.charAt(i) == ']' ? -1 : 0;
                    i++;
                } while (i < s.length() && depth > 0);
            } else {
                return i;
            }
        }
        return i;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }
}
