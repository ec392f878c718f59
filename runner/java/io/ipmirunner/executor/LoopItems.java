package io.ipmirunner.executor;

import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import io.ipmirunner.playbook.Loop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's loop items: its {@code loop} or {@code with_items} templated ({@link #value}; an undefined variable
 * here may still be no error, for a task its when skips), then checked and, for {@code with_items},
 * flattened as Ansible's items lookup does ({@link #items}).
 */
final class LoopItems {
    private LoopItems() {}

    static Object value(Loop loop, Map<String, Object> scope) throws ExpressionException {
        try {
            return switch (loop) {
                case Loop.Items i -> ActionRunner.resolve(i.items().toPlain(), scope);
                case Loop.FromExpression f -> Expressions.resolve(f.template().source(), scope);
            };
        } catch (ActionRunner.UncheckedExpression e) {
            throw (ExpressionException) e.getCause();
        }
    }

    static List<?> items(Loop loop, Object value) throws ExpressionException {
        List<?> items = switch (loop) {
            case Loop.Items i -> (List<?>) value;
            case Loop.FromExpression f -> {
                if (loop.keyword() == Loop.Keyword.WITH_ITEMS) {
                    yield value instanceof List<?> l ? l : value instanceof Map<?, ?> m ? List.copyOf(m.keySet())
                            : java.util.Collections.singletonList(value);
                }
                if (!(value instanceof List<?> l)) {
                    throw new ExpressionException("'loop' needs a list, '" + f.template().source() + "' gave "
                            + (value == null ? "None" : value instanceof String ? "a string" : value instanceof Map
                            ? "a mapping" : "'" + value + "'"));
                }
                yield l;
            }
        };
        return loop.keyword() == Loop.Keyword.WITH_ITEMS ? flattenedOnce(items) : items;
    }

    /** Ansible's items lookup ({@code LookupBase._flatten}): a list among the items gives its own items instead. */
    private static List<Object> flattenedOnce(List<?> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof List<?> inner) {
                out.addAll(inner);
            } else {
                out.add(item);
            }
        }
        return out;
    }
}
