package io.ipmirunner.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commonest conditions, {@code power.state == 'on' and not ansible_check_mode}, {@code fru.warnings |
 * length == 0}, {@code x is defined}, decided without Jinjava, whose evaluation of such a line cost most of a
 * host-task's expression time (JFR, ExpressionBench: four fifths of the samples were the two conditions).
 * The language is a small part of the expression language: names and dotted paths ({@link Lookup}), string,
 * whole-number and boolean literals, {@code ==}, {@code !=}, {@code | length}, {@code is defined}, {@code is
 * not defined}, {@code is undefined}, {@code not}, {@code and}, {@code or} and parentheses. It decides only
 * where the answer cannot differ from the engine's: {@code ==} between two strings, two whole numbers or two
 * booleans; {@code not}, {@code and} and {@code or} on booleans; {@code length} of a list or mapping. Any
 * other value, an undefined name where it is used, or a parse it does not know gives {@link Lookup#MISS},
 * and the engine evaluates the whole condition, with its own result or error.
 */
final class Condition {
    private static final Pattern TOKEN = Pattern.compile("\\s*(==|!=|[()|]|'[^'\\\\]*'|\"[^\"\\\\]*\"|[0-9]{1,18}"
            + "|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");

    private sealed interface Node {}

    private record Value(Object value) implements Node {}

    private record Path(Lookup lookup) implements Node {}

    private record Length(Path of) implements Node {}

    private record Defined(Path path, boolean wanted) implements Node {}

    private record Not(Node of) implements Node {}

    private record Binary(String op, Node left, Node right) implements Node {}

    private final Node root;

    private Condition(Node root) {
        this.root = root;
    }

    /** The condition, or null when it is not in this small language. */
    static Condition compile(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length() && !expression.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        Parser parser = new Parser(tokens);
        Node root = parser.or();
        return root != null && parser.next == tokens.size() ? new Condition(root) : null;
    }

    /** True or false as the engine would decide it in {@code scope}, or {@link Lookup#MISS}. */
    Object test(Map<String, Object> scope) {
        return eval(root, scope) instanceof Boolean b ? b : Lookup.MISS;
    }

    private static Object eval(Node node, Map<String, Object> scope) {
        return switch (node) {
            case Value v -> v.value();
            case Path p -> p.lookup().find(scope);
            case Length l -> switch (l.of().lookup().raw(scope)) {
                case List<?> list -> (long) list.size();
                case Map<?, ?> map -> (long) map.size();
                default -> Lookup.MISS;
            };
            case Defined d -> switch (d.path().lookup().raw(scope)) {
                case Object v when v == Lookup.MISS -> Lookup.MISS;
                case Object v when v == Lookup.UNDEFINED -> !d.wanted();
                case null, default -> d.wanted();
            };
            case Not n -> eval(n.of(), scope) instanceof Boolean b ? (Object) !b : Lookup.MISS;
            case Binary b -> {
                Object x = eval(b.left(), scope);
                Object y = eval(b.right(), scope);
                yield switch (b.op()) {
                    case "and" -> x instanceof Boolean p && y instanceof Boolean q ? (Object) (p && q) : Lookup.MISS;
                    case "or" -> x instanceof Boolean p && y instanceof Boolean q ? (Object) (p || q) : Lookup.MISS;
                    default -> comparable(x, y) ? (Object) (x.equals(y) == b.op().equals("==")) : Lookup.MISS;
                };
            }
        };
    }

    private static boolean comparable(Object x, Object y) {
        return x instanceof String && y instanceof String || x instanceof Long && y instanceof Long
                || x instanceof Boolean && y instanceof Boolean;
    }

    /** Recursive descent, lowest precedence first: or, and, not, comparison, operand. */
    private static final class Parser {
        private final List<String> tokens;
        private int next;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        private Node or() {
            Node left = and();
            while (left != null && accept("or")) {
                Node right = and();
                left = right == null ? null : new Binary("or", left, right);
            }
            return left;
        }

        private Node and() {
            Node left = not();
            while (left != null && accept("and")) {
                Node right = not();
                left = right == null ? null : new Binary("and", left, right);
            }
            return left;
        }

        /**
         * {@code not} takes a name, literal or parenthesised condition only: {@code not a == b} and {@code not a
         * is defined} are left to the engine, whose parser may bind {@code not} otherwise than Python's.
         */
        private Node not() {
            if (accept("not")) {
                Node of = peek("not") ? not() : operand();
                return of == null || peek("==") || peek("!=") || peek("is") || peek("|") ? null : new Not(of);
            }
            Node left = operand();
            if (left instanceof Path path && accept("|")) {
                left = accept("length") ? new Length(path) : null;
            }
            if (left instanceof Path path && accept("is")) {
                boolean negated = accept("not");
                return accept("defined") ? new Defined(path, !negated)
                        : !negated && accept("undefined") ? new Defined(path, false) : null;
            }
            if (left != null && (peek("==") || peek("!="))) {
                String op = tokens.get(next++);
                Node right = operand();
                return right == null ? null : new Binary(op, left, right);
            }
            return left;
        }

        private Node operand() {
            if (next >= tokens.size()) {
                return null;
            }
            String t = tokens.get(next++);
            if (t.equals("(")) {
                Node inner = or();
                return inner != null && accept(")") ? inner : null;
            }
            if (t.startsWith("'") || t.startsWith("\"")) {
                return new Value(t.substring(1, t.length() - 1));
            }
            if (Character.isDigit(t.charAt(0))) {
                return new Value(Long.parseLong(t));
            }
            if (t.equals("true") || t.equals("false")) {
                return new Value(t.equals("true"));
            }
            Lookup lookup = Lookup.of(t);
            return lookup == null ? null : new Path(lookup);
        }

        private boolean peek(String token) {
            return next < tokens.size() && tokens.get(next).equals(token);
        }

        private boolean accept(String token) {
            if (peek(token)) {
                next++;
                return true;
            }
            return false;
        }
    }
}
