package io.ipmirunner.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * exec's {@code -a 'k=v ...'} split as Ansible's ad-hoc command splits it ({@code split_args} of
 * {@code parse_kv}): words separated by blanks, quotes grouping and removed, and a Jinja2 block ({@code {{ }}},
 * {@code {% %}}, {@code {# #}}) kept whole with its blanks and quotes, so {@code state={{ wanted }}} is one
 * argument. A {@code #} outside a block is a character, not a comment.
 */
final class AdHocArgs {
    private AdHocArgs() {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        String closing = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (closing != null) {
                word.append(c);
                if (text.startsWith(closing, i)) {
                    word.append(closing.charAt(1));
                    i++;
                    closing = null;
                }
                continue;
            }
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '{' && i + 1 < text.length() && "{%#".indexOf(text.charAt(i + 1)) >= 0) {
                char open = text.charAt(i + 1);
                closing = (open == '{' ? "}" : String.valueOf(open)) + "}";
                word.append(c).append(open);
                i++;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else {
                word.append(c);
            }
        }
        if (quote != 0 || closing != null) {
            throw new IllegalArgumentException(quote != 0 ? "no closing quotation" : "no closing " + closing);
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
