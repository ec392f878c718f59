package io.ipmirunner.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI host line the way Ansible does ({@code shlex.split(line, comments=True)}, POSIX mode): words
 * separated by blanks, single quotes literal, double quotes with backslash escapes of {@code "} and
 * {@code \}, and an unquoted {@code #} ending the line. Each word keeps the column it started at.
 */
public final class ShellWords {
    public record Word(String text, int column) {}

    private ShellWords() {}

    /** The words, or an exception whose message says what is wrong ("no closing quotation"). */
    public static List<Word> split(String line) {
        List<Word> out = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(new Word(word.toString(), start + 1));
                    word = null;
                }
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
                start = i;
            }
            if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < line.length() && line.charAt(close) != c) {
                    if (c == '"' && line.charAt(close) == '\\' && close + 1 < line.length()
                            && (line.charAt(close + 1) == '"' || line.charAt(close + 1) == '\\')) {
                        close++;
                    }
                    word.append(line.charAt(close));
                    close++;
                }
                if (close >= line.length()) {
                    throw new IllegalArgumentException("no closing quotation");
                }
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("no escaped character");
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            out.add(new Word(word.toString(), start + 1));
        }
        return out;
    }
}
