package io.h2mq.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: {@code _} matches any one character, {@code %} any sequence (empty included),
 * everything else itself; the optional escape character makes the next {@code _}, {@code %} or escape
 * character literal. "Character" means a Unicode code point, so a supplementary character counts as one.
 *
 * <p>Matching is the linear greedy wildcard algorithm with one backtrack point, not a regular expression,
 * so no pattern can make matching slow (patterns come from clients).
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    private final String text;
    private final String escape;
    private final int[] elements;

    private LikePattern(String text, String escape, int[] elements) {
        this.text = text;
        this.escape = escape;
        this.elements = elements;
    }

    /**
     * @param escape a single character, or null for none
     * @throws IllegalArgumentException naming what was expected, when the escape is not one character or
     *                                  the pattern uses it on anything but '_', '%' or itself
     */
    static LikePattern compile(String text, String escape) {
        if (escape != null && escape.codePointCount(0, escape.length()) != 1) {
            throw new IllegalArgumentException("a single-character escape string");
        }
        int escapeChar = escape == null ? ANY_ONE : escape.codePointAt(0);
        int[] codePoints = text.codePoints().toArray();
        int[] elements = new int[codePoints.length];
        int count = 0;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c == escapeChar) {
                if (i + 1 == codePoints.length || !isEscapable(codePoints[i + 1], escapeChar)) {
                    throw new IllegalArgumentException("'_', '%' or the escape character after the escape character "
                            + "in the LIKE pattern");
                }
                elements[count++] = codePoints[++i];
            } else {
                elements[count++] = c == '_' ? ANY_ONE : c == '%' ? ANY_SEQUENCE : c;
            }
        }
        return new LikePattern(text, escape, Arrays.copyOf(elements, count));
    }

    private static boolean isEscapable(int c, int escapeChar) {
        return c == '_' || c == '%' || c == escapeChar;
    }

    /** The pattern as written in the selector (without quotes). */
    String text() {
        return text;
    }

    /** The escape character, or null when there is none. */
    String escape() {
        return escape;
    }

    boolean matches(String value) {
        int[] s = value.codePoints().toArray();
        int i = 0;
        int p = 0;
        int starP = -1;
        int starI = 0;
        while (i < s.length) {
            if (p < elements.length && (elements[p] == ANY_ONE || elements[p] == s[i])) {
                i++;
                p++;
            } else if (p < elements.length && elements[p] == ANY_SEQUENCE) {
                starP = p++;
                starI = i;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }

    @Override
    public String toString() {
        return escape == null ? "'" + text + "'" : "'" + text + "' ESCAPE '" + escape + "'";
    }
}
