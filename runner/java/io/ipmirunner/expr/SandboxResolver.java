package io.ipmirunner.expr;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ForLoop;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * Everything an expression can reach from a value: keys of mappings, items of lists and strings, and the few
 * Python methods of {@link PyMethods}; filters and tests are called here too (Jinjava compiles
 * {@code x | f} to a method call on the filter). Nothing else: no Java bean properties or methods, so no
 * {@code getClass()}, no class loader, no file or network object can be reached. Jinjava's default resolver
 * exposes Java beans behind a deny-list; this one allows only what is listed.
 */
final class SandboxResolver extends ELResolver {
    private static final Set<String> TEST_METHODS = Set.of("evaluate", "evaluateNegated");
    /** The only callables that look at an undefined value without failing. */
    private static final Set<String> UNDEFINED_AWARE = Set.of("default", "d", "defined", "undefined");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            return null;
        }
        context.setPropertyResolved(true);
        return switch (base) {
            case Undefined u -> u;
            case ForLoop loop -> loopVariable(loop, String.valueOf(property));
            case Map<?, ?> m -> {
                Object key = property instanceof String s && !m.containsKey(s) && s.matches("-?[0-9]+")
                        && m.containsKey(Long.parseLong(s)) ? Long.parseLong(s) : property;
                yield m.containsKey(key) ? m.get(key) : Undefined.key(m, property);
            }
            case List<?> l -> {
                Integer i = index(property, l.size());
                yield i == null ? Undefined.attribute(l, property) : i < 0 || i >= l.size()
                        ? Undefined.index(l, property) : l.get(i);
            }
            case String s -> {
                Integer i = index(property, s.length());
                yield i == null ? Undefined.attribute(s, property) : i < 0 || i >= s.length()
                        ? Undefined.attribute(s, property) : String.valueOf(s.charAt(i));
            }
            default -> Undefined.attribute(base, property);
        };
    }

    /** Jinja2's {@code loop} inside {@code {% for %}}: its counters, and nothing else of Jinjava's object. */
    private static Object loopVariable(ForLoop loop, String name) {
        return switch (name) {
            case "index" -> (long) loop.getIndex();
            case "index0" -> (long) loop.getIndex0();
            case "revindex" -> (long) loop.getRevindex();
            case "revindex0" -> (long) loop.getRevindex0();
            case "first" -> loop.isFirst();
            case "last" -> loop.isLast();
            case "length" -> (long) loop.getLength();
            case "depth" -> (long) loop.getDepth();
            case "depth0" -> (long) loop.getDepth0();
            default -> Undefined.attribute(loop, name);
        };
    }

    /** A list index (negative counts from the end); null when the property is not a whole number. */
    private static Integer index(Object property, int size) {
        String text = String.valueOf(property);
        if (!text.matches("-?[0-9]{1,9}")) {
            return null;
        }
        int i = Integer.parseInt(text);
        return i < 0 ? i + size : i;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
        if (base == null) {
            return null;
        }
        context.setPropertyResolved(true);
        String name = String.valueOf(method);
        if (base instanceof Filter f && name.equals("filter") && params.length == 4) {
            refuseUndefined(f.getName(), params[0], (Object[]) params[2], ((Map<?, ?>) params[3]).values().toArray());
            return f.filter(params[0], (JinjavaInterpreter) params[1], (Object[]) params[2],
                    castKwargs(params[3]));
        }
        if (base instanceof ExpTest t && TEST_METHODS.contains(name) && params.length >= 2) {
            Object[] args = java.util.Arrays.copyOfRange(params, 2, params.length);
            refuseUndefined(t.getName(), params[0], args);
            boolean result = t.evaluate(params[0], (JinjavaInterpreter) params[1], args);
            return name.equals("evaluate") == result;
        }
        if (base instanceof Undefined u) {
            throw u.error();
        }
        for (Object p : params) {
            if (p instanceof Undefined u) {
                throw u.error();
            }
        }
        return PyMethods.call(base, name, params);
    }

    private static void refuseUndefined(String callable, Object input, Object[]... args) {
        if (UNDEFINED_AWARE.contains(callable)) {
            return;
        }
        if (input instanceof Undefined u) {
            throw u.error();
        }
        for (Object[] group : args) {
            for (Object a : group) {
                if (a instanceof Undefined u) {
                    throw u.error();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castKwargs(Object kwargs) {
        return (Map<String, Object>) kwargs;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        throw new PropertyNotWritableException("expressions cannot change values");
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }

    /** Raised for a method an expression may not call. */
    static ELException refused(Object base, String method) {
        return new ELException("'" + PyValues.typeName(base) + " object' has no method '" + method + "'");
    }
}
