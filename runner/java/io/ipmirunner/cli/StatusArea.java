package io.ipmirunner.cli;

import java.util.List;

/**
 * The escape sequences (ECMA-48 / VT100, which every terminal emulator and tmux speak) that keep a status area
 * of fixed height below the output, as pure string building; {@link LiveProgress} writes them.
 *
 * <p>The cursor rests at the start of the area's first line between frames. A frame writes every line again,
 * each cleared whole first, with auto-wrap off (DECAWM), so a line too wide for a window
 * that just shrank is cut by the terminal instead of wrapping: the area's height is always its line count,
 * and moving back up by that count lands on its first line whatever the width. Nothing is kept from the
 * previous frame, so no line can hold text of two frames. A line for the scrollback is written where the area
 * was, with auto-wrap on, and the area is drawn again below it.
 */
final class StatusArea {
    private static final String ESC = "\u001b[";
    private static final String WRAP_OFF = ESC + "?7l";
    private static final String WRAP_ON = ESC + "?7h";
    private static final String CLEAR_BELOW = ESC + "J";
    private static final String CLEAR_WHOLE_LINE = ESC + "2K";

    private StatusArea() {}

    /** A whole frame, from the cursor at the area's first line back to it. */
    static String frame(List<String> lines) {
        StringBuilder sb = new StringBuilder(WRAP_OFF).append('\r');
        for (int i = 0; i < lines.size(); i++) {
            // The whole line cleared first, not just its end: that also drops the "wrapped" mark a terminal's
            // reflow gave the row when the window narrowed (tmux keeps it through an erase to the end of the
            // line), which would otherwise glue this line to the next one in a copy or a later widening.
            sb.append(CLEAR_WHOLE_LINE).append(clean(lines.get(i)));
            if (i < lines.size() - 1) {
                sb.append("\r\n");
            }
        }
        // Below the last line: what a shrinking window's reflow pushed down. Cleared from there rather than
        // from the area's first line, which may be the screen's top left, where tmux (scroll-on-clear) would
        // move the whole screen into the scrollback first.
        sb.append(CLEAR_BELOW);
        if (lines.size() > 1) {
            sb.append(ESC).append(lines.size() - 1).append('A');
        }
        return sb.append('\r').append(WRAP_ON).toString();
    }

    /**
     * Lines that stay in the scrollback, written where the area of {@code height} lines was (its lines blanked
     * first, one by one: a line that wraps leaves no old text beside it); the caller draws a frame after them.
     */
    static String above(List<String> lines, int height) {
        StringBuilder sb = new StringBuilder("\r");
        for (int i = 0; i < height; i++) {
            sb.append(CLEAR_WHOLE_LINE).append(i < height - 1 ? "\r\n" : "");
        }
        if (height > 1) {
            sb.append(ESC).append(height - 1).append('A');
        }
        sb.append('\r');
        for (String l : lines) {
            sb.append(clean(l)).append("\r\n");
        }
        return sb.toString();
    }

    /** The area gone for good: blank lines where it was, the cursor on its first line. */
    static String erase(int height) {
        return frame(java.util.Collections.nCopies(height, ""));
    }

    /** Control characters from hosts or task names would move the cursor behind the area's back. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 ? '?' : c);
        }
        return sb.toString();
    }
}
