package io.h2mq.selector;

import static io.h2mq.selector.Messages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.InvalidSelectorException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The specification's tables for AND, OR and NOT (T = TRUE, F = FALSE, U = UNKNOWN, an absent boolean
 * property). The result column is checked both directly and through {@code IS NULL}-free probes: a
 * selector matches only for T, and its UNKNOWN is told apart from FALSE by negating it (NOT U is U, so
 * it still does not match; NOT F matches).
 */
class ThreeValuedLogicTest {

    @ParameterizedTest(name = "{0} AND {1} = {2}")
    @CsvSource({
        "T, T, T", "T, F, F", "T, U, U",
        "F, T, F", "F, F, F", "F, U, F",
        "U, T, U", "U, F, F", "U, U, U"})
    void andFollowsTheSpecificationTable(String a, String b, String expected) throws InvalidSelectorException {
        assertTruth(expected, "a AND b", operands(a, b));
        assertEquals(truth(expected), Truth.and(truth(a), truth(b)));
    }

    @ParameterizedTest(name = "{0} OR {1} = {2}")
    @CsvSource({
        "T, T, T", "T, F, T", "T, U, T",
        "F, T, T", "F, F, F", "F, U, U",
        "U, T, T", "U, F, U", "U, U, U"})
    void orFollowsTheSpecificationTable(String a, String b, String expected) throws InvalidSelectorException {
        assertTruth(expected, "a OR b", operands(a, b));
        assertEquals(truth(expected), Truth.or(truth(a), truth(b)));
    }

    @ParameterizedTest(name = "NOT {0} = {1}")
    @CsvSource({"T, F", "F, T", "U, U"})
    void notFollowsTheSpecificationTable(String a, String expected) throws InvalidSelectorException {
        assertTruth(expected, "NOT a", operands(a, "U"));
        assertEquals(truth(expected), Truth.not(truth(a)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a AND b AND c | T, T, U | U",
        "a AND b AND c | U, F, U | F",
        "a OR b OR c   | F, U, F | U",
        "a OR b OR c   | U, U, T | T",
        "NOT (a AND b) OR c | T, U, F | U",
        "NOT a AND b | F, T, U | T"})
    void longerChainsCombineTheSameWay(String selector, String values, String expected) throws InvalidSelectorException {
        String[] v = values.split(",\\s*");
        Map<String, Object> message = message("a", truth(v[0]), "b", truth(v[1]), "c", truth(v[2]));
        assertTruth(expected, selector, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s          | U",
        "s AND TRUE | U",
        "NOT s      | U",
        "n OR FALSE | U",
        "s OR TRUE  | T"})
    void nonBooleanPropertyUsedAsConditionIsUnknown(String selector, String expected) throws InvalidSelectorException {
        assertTruth(expected, selector, message("s", "true", "n", 1));
    }

    /** T matches; F does not match but its negation does; U matches neither way. */
    private static void assertTruth(String expected, String selector, Map<String, Object> message)
            throws InvalidSelectorException {
        boolean matches = MessageSelector.compile(selector).matches(message::get);
        boolean negationMatches = MessageSelector.compile("NOT (" + selector + ")").matches(message::get);
        String actual = matches ? "T" : negationMatches ? "F" : "U";
        assertEquals(expected, actual, selector + " on " + message);
    }

    private static Map<String, Object> operands(String a, String b) {
        return message("a", truth(a), "b", truth(b));
    }

    private static Boolean truth(String letter) {
        return letter.equals("U") ? null : letter.equals("T");
    }
}
