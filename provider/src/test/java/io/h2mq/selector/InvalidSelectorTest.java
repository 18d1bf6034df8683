package io.h2mq.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Selectors rejected at compile time, with the 1-based position of the offending token and what the
 * message says was expected and found. Columns: selector | position | expected ... found ...
 */
class InvalidSelectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // syntax
        "color = | 8 | expected an expression, found end of input",
        "=TEST 'test' | 1 | expected an expression, found '='",
        "a = 1 b | 7 | expected an operator or end of input, found identifier b",
        "(a = 1 | 7 | expected ')', found end of input",
        "a = 1) | 6 | expected an operator or end of input, found ')'",
        "a == 1 | 4 | expected an expression, found '='",
        "a = = 1 | 5 | expected an expression, found '='",
        "a AND | 6 | expected an expression, found end of input",
        "a NOT b | 7 | expected BETWEEN, IN or LIKE after NOT, found identifier b",
        "a = 1 = 2 | 7 | expected an operator or end of input, found '='",
        "a IS 5 | 6 | expected NULL, found exact numeric literal 5",
        "a IS NOT b | 10 | expected NULL, found identifier b",
        "a BETWEEN 1 OR 2 | 13 | expected AND between the bounds of BETWEEN, found keyword OR",
        "a BETWEEN 1 | 12 | expected AND between the bounds of BETWEEN, found end of input",
        "NULL = 0 | 1 | expected an expression (NULL may only appear in IS NULL and IS NOT NULL), found keyword NULL",
        "a = NULL | 5 | expected an expression (NULL may only appear in IS NULL and IS NOT NULL), found keyword NULL",
        "AND = 0 | 1 | expected an expression, found keyword AND",
        "ESCAPE = 0 | 1 | expected an expression, found keyword ESCAPE",
        "NOT = 0 | 5 | expected an expression, found '='",
        "() | 2 | expected an expression, found ')'",
        "a = 9223372036854775808 | 5 | expected an exact numeric literal within the range of long, found 9223372036854775808",
        "a = +9223372036854775808 | 6 | expected an exact numeric literal within the range of long, found 9223372036854775808",
        // IN
        "a IN 'x' | 6 | expected '(' to open the IN list, found string literal 'x'",
        "a IN () | 7 | expected a string literal in the IN list, found ')'",
        "a NOT IN (1,2,3) | 11 | expected a string literal in the IN list, found exact numeric literal 1",
        "a IN ('x', b) | 12 | expected a string literal in the IN list, found identifier b",
        "a IN ('x' 'y') | 11 | expected ',' or ')' in the IN list, found string literal 'y'",
        "'a' IN ('x') | 1 | expected an identifier before IN, found string literal 'a'",
        "a + 1 IN ('x') | 1 | expected an identifier before IN, found arithmetic expression",
        "JMSPriority IN ('x') | 1 | expected a string identifier before IN, found identifier JMSPriority",
        // LIKE
        "a LIKE 7 | 8 | expected a string literal as the LIKE pattern, found exact numeric literal 7",
        "a NOT LIKE b | 12 | expected a string literal as the NOT LIKE pattern, found identifier b",
        "a LIKE 'x' ESCAPE 'ab' | 19 | expected a single-character string literal as the ESCAPE character, found string literal 'ab'",
        "a LIKE 'x' ESCAPE '' | 19 | expected a single-character string literal as the ESCAPE character, found string literal ''",
        "a LIKE 'x' ESCAPE 5 | 19 | expected a string literal as the ESCAPE character, found exact numeric literal 5",
        "a LIKE 'ab!' ESCAPE '!' | 8 | expected '_', '%' or the escape character after the escape character in the LIKE pattern, found string literal 'ab!'",
        "a LIKE '!a' ESCAPE '!' | 8 | expected '_', '%' or the escape character after the escape character in the LIKE pattern, found string literal '!a'",
        "5 LIKE 'x' | 1 | expected an identifier before LIKE, found exact numeric literal 5",
        "JMSTimestamp LIKE 'x' | 1 | expected a string identifier before LIKE, found identifier JMSTimestamp",
        // IS NULL
        "5 IS NULL | 1 | expected an identifier before IS NULL, found exact numeric literal 5",
        "a + b IS NOT NULL | 1 | expected an identifier before IS NOT NULL, found arithmetic expression",
        // static types
        "myProp > 'foo' | 10 | expected a numeric operand for >, found string literal 'foo'",
        "'foo' > TRUE | 1 | expected a numeric operand for >, found string literal 'foo'",
        "'foo' <= TRUE | 1 | expected a numeric operand for <=, found string literal 'foo'",
        "TRUE = 0 | 8 | expected a boolean operand to compare with boolean literal TRUE, found exact numeric literal 0",
        "FALSE <> 'x' | 10 | expected a boolean operand to compare with boolean literal FALSE, found string literal 'x'",
        "'1' = 1 | 7 | expected a string operand to compare with string literal '1', found exact numeric literal 1",
        "JMSPriority = 'high' | 15 | expected a numeric operand to compare with identifier JMSPriority, found string literal 'high'",
        "JMSDeliveryMode = 2 | 19 | expected a string operand to compare with identifier JMSDeliveryMode, found exact numeric literal 2",
        "(a = 1) = 2 | 11 | expected a boolean operand to compare with conditional expression, found exact numeric literal 2",
        "a BETWEEN 'foo' and 'test' | 11 | expected a numeric operand for BETWEEN, found string literal 'foo'",
        "a NOT BETWEEN 1 AND TRUE | 21 | expected a numeric operand for NOT BETWEEN, found boolean literal TRUE",
        "'a' BETWEEN 1 AND 2 | 1 | expected a numeric operand for BETWEEN, found string literal 'a'",
        "a + 'x' = 1 | 5 | expected a numeric operand for +, found string literal 'x'",
        "TRUE * 2 = 2 | 1 | expected a numeric operand for *, found boolean literal TRUE",
        "-'x' = 1 | 2 | expected a numeric operand for -, found string literal 'x'",
        "-(a = 1) = 1 | 3 | expected a numeric operand for -, found conditional expression",
        "a = 1 + (b > 2) | 10 | expected a numeric operand for +, found conditional expression",
        // not a conditional expression
        "a + 1 | 1 | expected a conditional expression, found arithmetic expression",
        "'foo' | 1 | expected a conditional expression, found string literal 'foo'",
        "5 | 1 | expected a conditional expression, found exact numeric literal 5",
        "-5.5 | 1 | expected a conditional expression, found approximate numeric literal -5.5",
        "a AND 5 | 7 | expected a conditional expression as operand of AND, found exact numeric literal 5",
        "'x' OR a | 1 | expected a conditional expression as operand of OR, found string literal 'x'",
        "NOT a * 2 | 5 | expected a conditional expression after NOT, found arithmetic expression"})
    void invalidSelectorNamesTextPositionAndExpectation(String selector, int position, String detail) {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> MessageSelector.compile(selector));
        assertEquals("Invalid selector \"" + selector + "\" at position " + position + ": " + detail, e.getMessage());
    }

    @Test
    void messageFormatMatchesTheDocumentedExample() {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> MessageSelector.compile("color = "));
        assertEquals("Invalid selector \"color = \" at position 9: expected an expression, found end of input",
                e.getMessage());
    }

    @Test
    void unterminatedStringIsReportedAtItsOpeningQuote() {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> MessageSelector.compile("name = 'abc"));
        assertEquals("Invalid selector \"name = 'abc\" at position 8: expected a closing quote for the string "
                + "literal starting here, found end of input", e.getMessage());
    }

    @Test
    void deepNestingIsRejectedRatherThanOverflowingTheStack() {
        String deep = "(".repeat(10_000) + "a" + ")".repeat(10_000);
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class, () -> MessageSelector.compile(deep));
        assertEquals(true, e.getMessage().endsWith("at position " + (Parser.MAX_DEPTH + 1)
                + ": expected at most " + Parser.MAX_DEPTH + " levels of nesting, found deeper nesting"), e.getMessage());
        assertThrows(InvalidSelectorException.class, () -> MessageSelector.compile("NOT ".repeat(10_000) + "a"));
        assertThrows(InvalidSelectorException.class, () -> MessageSelector.compile("-".repeat(10_000) + "a = 1"));
        assertThrows(InvalidSelectorException.class, () -> MessageSelector.compile("a" + " + a".repeat(10_000) + " = 1"));
    }

    @Test
    void longFlatConjunctionsAreAccepted() throws InvalidSelectorException {
        String many = "a = 1" + " OR a = 1".repeat(10_000);
        assertEquals(true, MessageSelector.compile(many).matches(name -> 1));
    }
}
