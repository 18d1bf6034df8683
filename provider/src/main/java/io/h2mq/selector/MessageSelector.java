package io.h2mq.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.function.Function;

/**
 * A compiled Jakarta Messaging message selector (specification section 3.8.1): the one entry point for
 * the client layer. Compile once when a consumer, browser or subscription is created, then call
 * {@link #matches} per message.
 *
 * <p>Instances are immutable and thread-safe, and {@link #compile} returns cached instances, so the same
 * text yields the same object while it stays in the cache. A selector that is syntactically wrong, or
 * whose types are wrong where the literals make them known ({@code 'foo' > TRUE}), is rejected by
 * {@link #compile} with an {@link InvalidSelectorException} naming the selector, the 1-based position and
 * what was expected there.
 *
 * <p>Matching follows SQL's three-valued logic: a message matches only when the selector evaluates to
 * TRUE; FALSE and UNKNOWN (an absent property, a string used in arithmetic, ...) do not match.
 */
public final class MessageSelector {

    /** No selector: matches every message. {@link #text()} is null, as {@code getMessageSelector()} wants. */
    public static final MessageSelector ALL = new MessageSelector(null, null);

    private static final SelectorCache CACHE = new SelectorCache(1024,
            text -> new MessageSelector(text, Parser.parse(text)));

    private final String text;
    private final Expression expression;

    private MessageSelector(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * @param text the selector; null, empty or only white space means no selector
     * @return the compiled selector, or {@link #ALL} for no selector
     * @throws InvalidSelectorException when the text is not a valid selector
     */
    public static MessageSelector compile(String text) throws InvalidSelectorException {
        if (isBlank(text)) {
            return ALL;
        }
        return CACHE.get(text);
    }

    /**
     * @param identifiers the message's value for a header or property name: a {@code String},
     *                    {@code Boolean}, {@code Byte}, {@code Short}, {@code Integer}, {@code Long},
     *                    {@code Float} or {@code Double}; null when absent. Other types count as NULL.
     *                    It is only asked for the names the selector uses.
     * @return true only when the selector evaluates to TRUE for that message; never throws for any
     *         message (exceptions thrown by {@code identifiers} itself propagate)
     */
    public boolean matches(Function<String, Object> identifiers) {
        return expression == null || Boolean.TRUE.equals(expression.evaluate(identifiers));
    }

    /** The selector as given to {@link #compile}; null for {@link #ALL}. */
    public String text() {
        return text;
    }

    /**
     * True for {@link #ALL} (no selector), so that the caller may skip evaluation and any SQL filter. A
     * selector that happens to be always true, such as {@code TRUE}, still answers false.
     */
    public boolean matchesAll() {
        return expression == null;
    }

    /** The parsed tree; null for {@link #ALL}. For the translation of selectors into SQL. */
    Expression expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression == null ? "MessageSelector[ALL]" : "MessageSelector[" + text + "]";
    }

    private static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Lexer.isWhiteSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
