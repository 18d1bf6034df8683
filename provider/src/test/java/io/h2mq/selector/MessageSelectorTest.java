package io.h2mq.selector;

import static io.h2mq.selector.Messages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageSelectorTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n\f\r "})
    void missingOrBlankSelectorIsAll(String text) throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.compile(text);
        assertSame(MessageSelector.ALL, selector);
        assertTrue(selector.matchesAll());
        assertNull(selector.text());
        assertNull(selector.expression());
        assertTrue(selector.matches(name -> {
            throw new AssertionError("ALL must not look at the message");
        }));
    }

    @Test
    void nonJavaWhiteSpaceIsNotBlank() {
        assertThrows(InvalidSelectorException.class, () -> MessageSelector.compile("\u00a0"));
    }

    @Test
    void compiledSelectorKeepsItsTextAndTree() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.compile("JMSPriority > 4 AND color = 'red'");
        assertEquals("JMSPriority > 4 AND color = 'red'", selector.text());
        assertFalse(selector.matchesAll());
        And and = assertInstanceOf(And.class, selector.expression());
        Comparison priority = assertInstanceOf(Comparison.class, and.operands().get(0));
        assertEquals(new Identifier("JMSPriority", Identifier.Kind.HEADER, StaticType.NUMERIC), priority.left());
        assertEquals(new Literal(4L), priority.right());
        assertEquals(ComparisonOperator.GT, priority.operator());
    }

    @Test
    void signedNumericLiteralIsFoldedIntoOneLiteral() throws InvalidSelectorException {
        Comparison comparison = assertInstanceOf(Comparison.class, MessageSelector.compile("p = -5").expression());
        assertEquals(new Literal(-5L), comparison.right());
    }

    @Test
    void likePatternAndEscapeStayAvailableForTranslation() throws InvalidSelectorException {
        Like like = assertInstanceOf(Like.class, MessageSelector.compile("JMSType NOT LIKE 'a!_%' ESCAPE '!'")
                .expression());
        assertEquals("a!_%", like.pattern().text());
        assertEquals("!", like.pattern().escape());
        assertTrue(like.negated());
    }

    @Test
    void sameTextGivesTheCachedInstance() throws InvalidSelectorException {
        assertSame(MessageSelector.compile("cached = 1"), MessageSelector.compile("cached = 1"));
    }

    @Test
    void invalidSelectorFailsAgainWithTheSameMessageAndAFreshException() {
        InvalidSelectorException first = assertThrows(InvalidSelectorException.class,
                () -> MessageSelector.compile("bad = "));
        InvalidSelectorException second = assertThrows(InvalidSelectorException.class,
                () -> MessageSelector.compile("bad = "));
        assertEquals(first.getMessage(), second.getMessage());
        assertNotSame(first, second);
    }

    @Test
    void matchesOnlyTrueNotFalseOrUnknown() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.compile("weight > 2500");
        assertTrue(selector.matches(message("weight", 3000)::get));
        assertFalse(selector.matches(message("weight", 100)::get));
        assertFalse(selector.matches(message()::get));
    }

    @Test
    void specificationExampleSelectsBlueCarsOver2500() throws InvalidSelectorException {
        MessageSelector selector = MessageSelector.compile("JMSType = 'car' AND color = 'blue' AND weight > 2500");
        assertTrue(selector.matches(message("JMSType", "car", "color", "blue", "weight", 2600)::get));
        assertFalse(selector.matches(message("JMSType", "car", "color", "blue", "weight", 2500)::get));
        assertFalse(selector.matches(message("JMSType", "car", "color", "red", "weight", 2600)::get));
    }

    @Test
    void toStringShowsTheText() throws InvalidSelectorException {
        assertEquals("MessageSelector[a = 1]", MessageSelector.compile("a = 1").toString());
        assertEquals("MessageSelector[ALL]", MessageSelector.ALL.toString());
    }
}
