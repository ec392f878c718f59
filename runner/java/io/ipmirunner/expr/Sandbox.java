package io.ipmirunner.expr;

import freemarker.core.TemplateElement;
import freemarker.template.Template;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.tree.TreeNode;

/**
 * What an expression may not use, refused when it is compiled, so {@code check} and the run refuse the same
 * text at the same place. The run's configuration would stop {@code ?new} and {@code ?api} only when they
 * are evaluated, after {@code check} had passed them; {@code ?eval} and {@code ?interpret} compile text at
 * run time that no check can see, and {@code #include}/{@code #import} would load files.
 */
final class Sandbox {
    private static final Pattern BUILT_IN = Pattern.compile("\\?(new|api|eval|interpret)\\b");
    private static final Set<String> DIRECTIVES = Set.of("#include", "#import", "#visit", "#recurse");

    private Sandbox() {}

    /** The first thing {@code t} (compiled from {@code source}) may not do, placed in {@code source}. */
    @SuppressWarnings("deprecation") // the parsed tree is only reachable through FreeMarker's deprecated API
    static Optional<ExpressionException> refusal(Template t, String source) {
        return refusal(t.getRootTreeNode(), source);
    }

    @SuppressWarnings("deprecation")
    private static Optional<ExpressionException> refusal(TemplateElement e, String source) {
        // A description is the element's own header (children apart, string literals quoted), never plain text.
        String head = e.getDescription();
        if (!head.startsWith("text ")) {
            String directive = head.split(" ", 2)[0];
            if (DIRECTIVES.contains(directive)) {
                return Optional.of(at(source, e, directive, "'" + directive + "' is not allowed: an expression "
                        + "cannot load files"));
            }
            Matcher m = BUILT_IN.matcher(head);
            if (m.find()) {
                return Optional.of(at(source, e, m.group(), "'" + m.group() + "' is not allowed in an expression "
                        + "(it reaches Java classes or compiles text at run time)"));
            }
        }
        for (int i = 0; i < e.getChildCount(); i++) {
            TreeNode child = e.getChildAt(i);
            Optional<ExpressionException> r = refusal((TemplateElement) child, source);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** Where {@code what} is written, searching from the element's start; the element's start if not found. */
    private static ExpressionException at(String source, TemplateElement e, String what, String message) {
        int start = offset(source, e.getBeginLine(), e.getBeginColumn());
        int found = source.indexOf(what, start);
        int offset = found >= 0 ? found : start;
        int line = 1 + (int) source.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = offset - source.lastIndexOf('\n', offset - 1);
        return new ExpressionException(message, line, column);
    }

    private static int offset(String source, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = source.indexOf('\n', at) + 1;
        }
        return Math.min(source.length(), Math.max(0, at) + column - 1);
    }
}
