package io.ipmirunner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XML 1.0 cannot hold most control characters even escaped (§2.2 Char), and BMC strings (FRU fields, SEL
 * data) can carry them: every string of a model bound for XML gets them replaced by U+FFFD. The data of
 * report.html gets the same, so no lone surrogate reaches the browser's DOM.
 */
final class XmlText {
    private XmlText() {}

    @SuppressWarnings("unchecked")
    static <T> T clean(T value) {
        return (T) cleanAny(value);
    }

    private static Object cleanAny(Object v) {
        return switch (v) {
            case String s -> text(s);
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(text(String.valueOf(k)), cleanAny(x)));
                yield out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(cleanAny(x)));
                yield out;
            }
            case null, default -> v;
        };
    }

    static String text(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
