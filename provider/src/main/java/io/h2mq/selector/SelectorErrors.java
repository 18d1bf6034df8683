package io.h2mq.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * Makes every {@link InvalidSelectorException} of this package, so that all of them read the same way:
 * {@code Invalid selector "<text>" at position <n>: expected <what>, found <what>}. The position is the
 * 1-based column of the offending token (one past the end for "end of input"). The wording is stable;
 * callers and tests may rely on it.
 */
final class SelectorErrors {

    private SelectorErrors() {
    }

    static InvalidSelectorException at(String text, int position, String expected, String found) {
        return new InvalidSelectorException(message(text, position, expected, found));
    }

    static String message(String text, int position, String expected, String found) {
        return "Invalid selector \"" + text + "\" at position " + position + ": expected " + expected
                + ", found " + found;
    }
}
