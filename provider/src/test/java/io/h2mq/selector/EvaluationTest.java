package io.h2mq.selector;

import static io.h2mq.selector.Messages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Evaluation semantics beyond the TCK's cases, one row per rule: selector, message, match expected. */
class EvaluationTest {

    static Stream<Arguments> comparisons() {
        return Stream.of(
                row("int equals long literal", "p = 5", message("p", 5), true),
                row("int equals double literal", "p = 5.0", message("p", 5), true),
                row("float widened exactly to double", "p = 1.5", message("p", 1.5f), true),
                row("float 0.1 is not double 0.1, as in Java", "p = 0.1", message("p", 0.1f), false),
                row("float literal compares as float", "p = 0.1f", message("p", 0.1f), true),
                row("long compared with float as float, as in Java", "l = f",
                        message("l", 16_777_217L, "f", 16_777_216f), true),
                row("byte widened to int", "p = 7", message("p", (byte) 7), true),
                row("short widened to int", "p < 0", message("p", (short) -3), true),
                row("NaN equals nothing", "p = p", message("p", Double.NaN), false),
                row("NaN differs from everything", "p <> p", message("p", Double.NaN), true),
                row("string equality is exact", "s = 'Foo'", message("s", "foo"), false),
                row("string inequality", "s <> 'foo'", message("s", "bar"), true),
                row("boolean equality", "b = FALSE", message("b", false), true),
                row("boolean inequality", "b <> TRUE", message("b", false), true),
                row("string against number is false", "s = 2", message("s", "2"), false),
                row("string against number is false, so NOT matches", "NOT (s > 1)", message("s", "2"), true),
                row("unlike types with <> are false too", "s <> 2", message("s", "2"), false),
                row("boolean against number is false", "NOT (b = 1)", message("b", true), true),
                row("string ordering between properties is unknown", "s < t", message("s", "a", "t", "b"), false),
                row("string ordering between properties is unknown, NOT too", "NOT (s < t)",
                        message("s", "a", "t", "b"), false),
                row("boolean ordering between properties is unknown", "NOT (a > b)",
                        message("a", true, "b", false), false),
                row("NULL compared is unknown", "NOT (p = 1)", message(), false),
                row("NULL <> is unknown", "p <> 1", message(), false),
                row("other property types count as NULL", "p IS NULL", message("p", new Object()), true),
                row("character property counts as NULL", "p IS NULL", message("p", 'c'), true));
    }

    static Stream<Arguments> arithmetic() {
        return Stream.of(
                row("int division truncates", "p / 2 = 3", message("p", 7), true),
                row("double division does not", "p / 2 = 3.5", message("p", 7.0), true),
                row("division by double literal is double", "p / 2.0 = 3.5", message("p", 7), true),
                row("int times int overflows as int, as in Java", "a * b = -2147483648",
                        message("a", 65_536, "b", 32_768), true),
                row("int times long literal is long", "a * 32768 = 2147483648", message("a", 65_536), true),
                row("long overflow wraps, as in Java", "p + 1 = -9223372036854775808", message("p", Long.MAX_VALUE),
                        true),
                row("integer division by zero is unknown", "p / 0 = 0", message("p", 1), false),
                row("integer division by zero is unknown, NOT too", "NOT (p / 0 = 0)", message("p", 1), false),
                row("double division by zero is infinite", "p / 0 > 1E308", message("p", 1.0), true),
                row("string in arithmetic is unknown", "s + 1 > 0", message("s", "1"), false),
                row("string in arithmetic is unknown, NOT too", "NOT (s + 1 > 0)", message("s", "1"), false),
                row("boolean in arithmetic is unknown", "NOT (-b < 0)", message("b", true), false),
                row("NULL in arithmetic is unknown", "NOT (p * 2 = 0)", message(), false),
                row("unary minus on a double", "-p = -2.5", message("p", 2.5), true),
                row("precedence: * before +", "1 + 2 * 3 = 7", message(), true),
                row("precedence: parentheses", "(1 + 2) * 3 = 9", message(), true),
                row("subtraction is left-associative", "10 - 4 - 3 = 3", message(), true),
                row("division is left-associative", "24 / 4 / 2 = 3", message(), true),
                row("negative literal", "p = -1", message("p", -1), true),
                row("minus minus", "- -p = 3", message("p", 3), true),
                row("long minimum with unary minus", "p = -9223372036854775808", message("p", Long.MIN_VALUE), true));
    }

    static Stream<Arguments> predicates() {
        return Stream.of(
                row("BETWEEN int in double bounds", "p BETWEEN 1.5 AND 2.5", message("p", 2), true),
                row("BETWEEN double in int bounds", "p BETWEEN 1 AND 2", message("p", 2.0), true),
                row("BETWEEN double just outside int bounds", "p BETWEEN 1 AND 2", message("p", 2.0001), false),
                row("BETWEEN is inclusive", "p BETWEEN 1 AND 2", message("p", 1L), true),
                row("BETWEEN with arithmetic bounds", "p BETWEEN q - 1 AND q + 1", message("p", 5, "q", 6), true),
                row("NOT BETWEEN outside", "p NOT BETWEEN 1 AND 2", message("p", 2.5f), true),
                row("BETWEEN with NULL is unknown", "NOT (p BETWEEN 1 AND 2)", message(), false),
                row("NOT BETWEEN with NULL is unknown", "p NOT BETWEEN 1 AND 2", message(), false),
                row("NOT BETWEEN on a string is false", "p NOT BETWEEN 1 AND 2", message("p", "x"), false),
                row("BETWEEN with a NULL bound, value below the other", "p BETWEEN q AND 2", message("p", 3), false),
                row("BETWEEN with a NULL bound is unknown", "NOT (p BETWEEN q AND 5)", message("p", 3), false),
                row("IN matches a listed string", "s IN ('a', 'b')", message("s", "b"), true),
                row("IN is case-sensitive", "s IN ('a', 'b')", message("s", "B"), false),
                row("IN with NULL is unknown", "s IN ('a')", message(), false),
                row("NOT IN with NULL is unknown", "s NOT IN ('a')", message(), false),
                row("NOT (IN) with NULL is unknown", "NOT (s IN ('a'))", message(), false),
                row("IN on a number is unknown", "s IN ('1')", message("s", 1), false),
                row("NOT IN on a number is unknown", "s NOT IN ('1')", message("s", 1), false),
                row("IN with a quote in an item", "s IN ('it''s')", message("s", "it's"), true),
                row("LIKE '_' matches one character", "s LIKE 'l_se'", message("s", "lose"), true),
                row("LIKE '_' matches exactly one", "s LIKE 'l_se'", message("s", "loose"), false),
                row("LIKE '%' matches the empty sequence", "s LIKE '12%3'", message("s", "123"), true),
                row("LIKE '%' matches many", "s LIKE '12%3'", message("s", "12993"), true),
                row("LIKE anchors at the end", "s LIKE '12%3'", message("s", "1234"), false),
                row("NOT LIKE", "s NOT LIKE '12%3'", message("s", "1234"), true),
                row("LIKE with escaped underscore", "s LIKE '\\_%' ESCAPE '\\'", message("s", "_foo"), true),
                row("LIKE with escaped underscore, plain text", "s LIKE '\\_%' ESCAPE '\\'", message("s", "bar"), false),
                row("LIKE escaping the escape character", "s LIKE 'a!!b' ESCAPE '!'", message("s", "a!b"), true),
                row("LIKE escaped percent is literal", "s LIKE '100!%' ESCAPE '!'", message("s", "100%"), true),
                row("LIKE escaped percent is not a wildcard", "s LIKE '100!%' ESCAPE '!'", message("s", "1000"), false),
                row("LIKE without escape treats backslash literally", "s LIKE 'a\\b'", message("s", "a\\b"), true),
                row("LIKE regex characters are literal", "s LIKE '.*[a]+'", message("s", ".*[a]+"), true),
                row("LIKE regex characters do not match as regex", "s LIKE '.*'", message("s", "abc"), false),
                row("LIKE '_' matches a supplementary character", "s LIKE 'a_b'", message("s", "a\uD83D\uDE00b"), true),
                row("LIKE '_' matches a line terminator", "s LIKE 'a_b'", message("s", "a\nb"), true),
                row("LIKE backtracks over several '%'", "s LIKE '%a%b%c'", message("s", "xxaxxbxxbxcxc"), true),
                row("LIKE on the empty string", "s LIKE '%'", message("s", ""), true),
                row("LIKE on NULL is unknown", "s NOT LIKE 'a%'", message(), false),
                row("LIKE on a number is unknown", "s NOT LIKE '1%'", message("s", 12), false),
                row("IS NULL for an absent property", "p IS NULL", message(), true),
                row("IS NOT NULL for a present property", "p IS NOT NULL", message("p", false), true),
                row("NOT ... IS NULL", "NOT p IS NULL", message("p", 0), true));
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                row("delivery mode as a string", "JMSDeliveryMode = 'PERSISTENT'",
                        message("JMSDeliveryMode", "PERSISTENT"), true),
                row("priority as an integer", "JMSPriority >= 5", message("JMSPriority", 7), true),
                row("timestamp as a long", "JMSTimestamp BETWEEN 1000 AND 2000", message("JMSTimestamp", 1500L), true),
                row("message ID", "JMSMessageID = 'ID:1'", message("JMSMessageID", "ID:1"), true),
                row("null correlation ID", "JMSCorrelationID IS NULL", message(), true),
                row("JMSType LIKE", "JMSType LIKE 'car%'", message("JMSType", "carbon"), true),
                row("JMSX property", "JMSXDeliveryCount > 1", message("JMSXDeliveryCount", 2), true),
                row("provider property", "JMS_h2mq_x = 'y'", message("JMS_h2mq_x", "y"), true),
                row("JMSDestination is always NULL", "JMSDestination IS NULL", message("JMSDestination", "queue://q"),
                        true),
                row("JMSReplyTo is always NULL", "JMSReplyTo IS NOT NULL", message("JMSReplyTo", "queue://q"), false),
                row("JMSRedelivered is always NULL", "JMSRedelivered = TRUE", message("JMSRedelivered", true), false),
                row("JMSExpiration is always NULL", "JMSExpiration > 0", message("JMSExpiration", 5L), false),
                row("header names are case-sensitive", "jmsType = 'x'", message("jmsType", "x"), true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource({"comparisons", "arithmetic", "predicates", "headers"})
    void selectorMatchesOnlyWhenItEvaluatesToTrue(String rule, String selector, Map<String, Object> message,
            boolean expected) throws InvalidSelectorException {
        assertEquals(expected, MessageSelector.compile(selector).matches(message::get));
    }

    @Test
    void identifiersOutsideTheSelectableHeadersAreNeverAskedFor() throws InvalidSelectorException {
        List<String> asked = new ArrayList<>();
        MessageSelector.compile("JMSDestination IS NULL AND JMSType = 'a' AND p = 1").matches(name -> {
            asked.add(name);
            return name.equals("JMSType") ? "a" : 1;
        });
        assertEquals(List.of("JMSType", "p"), asked);
    }

    @Test
    void evaluationStopsAtTheFirstDecidingOperand() throws InvalidSelectorException {
        List<String> asked = new ArrayList<>();
        MessageSelector selector = MessageSelector.compile("a OR b");
        assertTrue(selector.matches(name -> {
            asked.add(name);
            return true;
        }));
        assertEquals(List.of("a"), asked);
    }

    static Stream<Object> oddValues() {
        return Stream.of(null, "", "x", true, false, (byte) 1, (short) 1, 1, 1L, 1f, 1d, Double.NaN,
                Float.NEGATIVE_INFINITY, Long.MIN_VALUE, Integer.MIN_VALUE, 0, 0L, 0.0, -0.0, new Object(),
                new byte[] {1}, 'c', new StringBuilder("x"));
    }

    @Test
    void noMessageValueMakesEvaluationThrow() throws InvalidSelectorException {
        List<String> selectors = List.of("a", "NOT a", "a = b", "a <> b", "a < b", "a >= b", "a + b = 1",
                "a - b * a / b > 0", "-a = b", "+a = b", "a BETWEEN b AND 1", "a NOT BETWEEN 1 AND b", "a IN ('x', '')",
                "a NOT IN ('x')", "a LIKE 'x%'", "a NOT LIKE '_'", "a IS NULL", "a IS NOT NULL", "a AND b OR NOT a",
                "a / b = a / b", "a * 0 = 0");
        List<Object> values = oddValues().collect(Collectors.toList());
        int evaluations = 0;
        for (String text : selectors) {
            MessageSelector selector = MessageSelector.compile(text);
            for (Object a : values) {
                for (Object b : values) {
                    Map<String, Object> message = new HashMap<>();
                    message.put("a", a);
                    message.put("b", b);
                    selector.matches(message::get);
                    evaluations++;
                }
            }
        }
        assertEquals(selectors.size() * values.size() * values.size(), evaluations);
    }

    @Test
    void valuesOfUnsupportedTypesNeverEqualAnything() throws InvalidSelectorException {
        MessageSelector equal = MessageSelector.compile("a = b");
        Object odd = new byte[] {1};
        assertFalse(equal.matches(message("a", odd, "b", odd)::get));
    }

    private static Arguments row(String rule, String selector, Map<String, Object> message, boolean expected) {
        return Arguments.of(rule, selector, message, expected);
    }
}
