package io.h2mq.selector;

/**
 * One lexical token.
 *
 * @param kind     what it is
 * @param text     the characters of the selector it was read from, as written
 * @param value    the decoded literal ({@code String}, {@code Long}, {@code Float}, {@code Double},
 *                 {@code Boolean}) or the identifier's name; null for operators and keywords
 * @param position 1-based column of its first character; for {@link TokenKind#END}, one past the text
 */
record Token(TokenKind kind, String text, Object value, int position) {

    /** How an error message names this token: its kind, plus the text where that helps. */
    String describe() {
        switch (kind) {
            case END:
                return kind.description();
            case IDENTIFIER:
            case STRING:
            case EXACT_NUMBER:
            case APPROXIMATE_NUMBER:
            case TRUE:
            case FALSE:
                return kind.description() + " " + text;
            default:
                return kind.description();
        }
    }
}
