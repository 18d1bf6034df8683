package io.h2mq.selector;

import static io.h2mq.selector.Messages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.InvalidSelectorException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The selectors of the Jakarta Messaging TCK 11.0.3 (selectorQueue, selectorTopic, the invalid-selector
 * cases of exceptionQueue, exceptionTopic and sessiontests, and the selectors of core20 sessiontests,
 * jmscontextqueuetests, jmscontexttopictests and the activation-config tests), each with the messages
 * the TCK sends and whether it must be received. Where the TCK sends a non-matching message first and a
 * matching one second, both appear as rows. Rows are named after the TCK test.
 */
class TckSelectorCasesTest {

    static Stream<Arguments> matching() {
        return Stream.of(
                row("selectorTest01", "JMSType='literal'", message("JMSType", "literal"), true),
                row("selectorTest02", "JMSType='literal''s'", message("JMSType", "literal's"), true),
                row("selectorTest03", "myProp0=-9223372036854775808L AND myProp1=9223372036854775807L",
                        message("myProp0", Long.MIN_VALUE, "myProp1", Long.MAX_VALUE), true),
                row("selectorTest04", "myProp0=-957 AND myProp1=+62", message("myProp0", -957L, "myProp1", 62L), true),
                row("selectorTest05", "myProp=035", message("myProp", 29L), true),
                row("selectorTest06", "myProp=0x1d", message("myProp", 29L), true),
                row("selectorTest07", "myProp0=7E3 AND myProp1=-57.9E3",
                        message("myProp0", 7000.0, "myProp1", -57900.0), true),
                row("selectorTest08", "myProp=7000.", message("myProp", 7000.0), true),
                row("selectorTest09", "myProp0=.7e4", message("myProp0", 7000.0), true),
                row("selectorTest11", "myProp0=TRUE AND myProp1=FALSE", message("myProp0", true, "myProp1", false), true),
                row("selectorTest12", "myProp0=false AND myProp1=true", message("myProp0", false, "myProp1", true), true),
                row("identifierTest01", "$myProp=TRUE AND _myProp=FALSE", message("$myProp", true, "_myProp", false), true),
                row("identifierTest12", "myProp=TRUE AND MYpROP=FALSE", message("myProp", true, "MYpROP", false), true),
                row("identifierTest13 first", "myProp ='foo'", message("JMSType", ""), false),
                row("identifierTest13 second", "myProp ='foo'", message("myProp", "foo"), true),
                row("whitespaceTest1", "JMSType   =   'foo'", message("JMSType", "foo"), true),
                row("whitespaceTest2", "JMSType\t=\t'foo'", message("JMSType", "foo"), true),
                row("whitespaceTest3", "JMSType\f=\f'foo'", message("JMSType", "foo"), true),
                row("whitespaceTest4", "JMSType\n= \n'foo'", message("JMSType", "foo"), true),
                row("expressionTest1", "myProp", message("myProp", true), true),
                row("expressionTest2 first", "myProp", message("myProp", false), false),
                row("expressionTest2 second", "myProp", message("myProp", true), true),
                row("expressionTest3 first", "myNullProp", message(), false),
                row("expressionTest3 second", "myNullProp", message("myNullProp", true), true),
                row("bracketingTest1 first", "(myTrueProp OR myFalseProp) AND myFalseProp",
                        message("myTrueProp", true, "myFalseProp", false), false),
                row("bracketingTest1 second", "(myTrueProp OR myFalseProp) AND myFalseProp",
                        message("myTrueProp", true, "myFalseProp", true), true),
                row("bracketingTest2", "TRUE OR (FALSE AND FALSE)", message(), true),
                row("bracketingTest3 first", "(myProp0 = true OR myProp1 = true) AND JMSType = 'not_foo'",
                        message("JMSType", "foo", "myProp0", true, "myProp1", false), false),
                row("bracketingTest3 second", "(myProp0 = true OR myProp1 = true) AND JMSType = 'not_foo'",
                        message("JMSType", "not_foo", "myProp0", true, "myProp1", false), true),
                row("bracketingTest4", "(myProp1 = true AND JMSType = 'not_foo') OR myProp0 = true",
                        message("JMSType", "foo", "myProp0", true, "myProp1", false), true),
                row("comparisonTest01", "myProp0 = 'foo' AND myProp1 > 0 AND myProp2 >= 2 AND myProp3 >= 2 AND "
                        + "myProp4 < 5 AND myProp5 <= 6 AND myProp6 <= 6 AND myProp7 <> 7",
                        message("myProp0", "foo", "myProp1", 1, "myProp2", 2.0f, "myProp3", 3, "myProp4", 4.0,
                                "myProp5", 5, "myProp6", 6, "myProp7", 0f), true),
                row("comparisonTest02 first", "myProp0 = 'foo' OR myProp1 > 0 OR myProp2 >= 2 OR myProp3 < 5 OR "
                        + "myProp4 <= 6 OR myProp5 <> 7",
                        message("myProp0", "not_foo", "myProp1", 0, "myProp2", 1.5f, "myProp3", 5.0, "myProp4", 7,
                                "myProp5", 7f), false),
                row("comparisonTest02 second", "myProp0 = 'foo' OR myProp1 > 0 OR myProp2 >= 2 OR myProp3 < 5 OR "
                        + "myProp4 <= 6 OR myProp5 <> 7", message("myProp0", "foo"), true),
                row("comparisonTest03", "myProp0 < myProp1", message("myProp0", 0, "myProp1", 1.5), true),
                row("comparisonTest08", "JMSType = 'foo' AND myProp <> 'not_foo'",
                        message("JMSType", "foo", "myProp", "foo"), true),
                row("comparisonTest13", "myProp0 = TRUE AND myProp1 <> FALSE",
                        message("myProp0", true, "myProp1", true), true),
                row("operatorTest1", "-myProp0 < 0 AND +myProp1 < 0", message("myProp0", 5, "myProp1", -5), true),
                row("operatorTest2", "myProp0*2 = 10 AND myProp1/2 = -5", message("myProp0", 5, "myProp1", -10), true),
                row("operatorTest3", "myProp0+5 = 0 AND myProp1-5 = 5", message("myProp0", -5, "myProp1", 10), true),
                row("betweenTest1", "myProp0 BETWEEN 5 and 10 AND myProp1 BETWEEN -1 and 1 AND myProp2 BETWEEN 0 and 2",
                        message("myProp0", 7, "myProp1", -1, "myProp2", 2), true),
                row("betweenTest2 first", "myProp0 BETWEEN  -4 and 5 OR myProp1 BETWEEN -5 and 4",
                        message("myProp0", -5, "myProp1", 5), false),
                row("betweenTest2 second", "myProp0 BETWEEN  -4 and 5 OR myProp1 BETWEEN -5 and 4",
                        message("myProp0", 0), true),
                row("betweenTest3", "myProp0 NOT BETWEEN  -4 and 5 AND myProp1 NOT BETWEEN -5 and 4",
                        message("myProp0", -5, "myProp1", 5), true),
                row("betweenTest4 first", "myProp0 NOT BETWEEN 5 and 10 OR myProp1 NOT BETWEEN -1 and 1 OR "
                        + "myProp2 NOT BETWEEN 0 and 2", message("myProp0", 7, "myProp1", -1, "myProp2", 2), false),
                row("betweenTest4 second", "myProp0 NOT BETWEEN 5 and 10 OR myProp1 NOT BETWEEN -1 and 1 OR "
                        + "myProp2 NOT BETWEEN 0 and 2", message("myProp0", 0), true),
                row("betweenTest5 first", "myProp BETWEEN 5 and 10", message("myProp", "7"), false),
                row("betweenTest5 second", "myProp BETWEEN 5 and 10", message("myProp", 7), true),
                row("betweenTest6 first", "myProp BETWEEN 5 and 10", message("myProp", "seven"), false),
                row("betweenTest6 second", "myProp BETWEEN 5 and 10", message("myProp", 7), true),
                row("inTest1", "JMSType IN ('foo','jms','test')", message("JMSType", "jms"), true),
                row("inTest2 first", "JMSType IN ('foo','jms','test')", message("JMSType", "JMS"), false),
                row("inTest2 second", "JMSType IN ('foo','jms','test')", message("JMSType", "jms"), true),
                row("inTest3", "JMSType NOT IN ('foo','jms','test')", message("JMSType", "FOO"), true),
                row("inTest4 first", "JMSType NOT IN ('foo','jms','test')", message("JMSType", "foo"), false),
                row("inTest4 second", "JMSType NOT IN ('foo','jms','test')", message("JMSType", "FOO"), true),
                row("inTest5 first", "myNullProp IN ('foo','jms','test')", message("JMSType", ""), false),
                row("inTest5 second", "myNullProp IN ('foo','jms','test')", message("myNullProp", "jms"), true),
                row("inTest6 first", "myNullProp NOT IN ('foo','jms','test')", message("JMSType", ""), false),
                row("inTest6 second", "myNullProp NOT IN ('foo','jms','test')", message("myNullProp", "JMS"), true),
                row("inTest7 first", "myProp NOT IN ('foo','jms','test')", message("myProp", 0), false),
                row("inTest7 second", "myProp NOT IN ('foo','jms','test')", message("myProp", "zero"), true),
                row("likeTest01", "JMSType LIKE 'jms'", message("JMSType", "jms"), true),
                row("likeTest02", "JMSType LIKE 's_lector' AND myProp0 LIKE '_bcd' AND myProp1 LIKE '123_'",
                        message("JMSType", "selector", "myProp0", "abcd", "myProp1", "1234"), true),
                row("likeTest03", "JMSType LIKE 's%tor' AND myProp0 LIKE '%cd' AND myProp1 LIKE '1%' AND "
                        + "myProp2 LIKE 'AB%CD' AND myProp3 LIKE '%'", message("JMSType", "selector", "myProp0", "abcd",
                        "myProp1", "1234", "myProp2", "ABCD", "myProp3", "foo"), true),
                row("likeTest04", "JMSType LIKE 'A_fo_A%f%' ESCAPE 'A'", message("JMSType", "_foo%foo"), true),
                row("likeTest05 first", "JMSType LIKE '123' OR myProp LIKE 'jms0'",
                        message("JMSType", "1234", "myProp", "jms"), false),
                row("likeTest05 second", "JMSType LIKE '123' OR myProp LIKE 'jms0'", message("myProp", "jms0"), true),
                row("likeTest06 first", "JMSType LIKE 'se_ector' OR myProp0 LIKE '_cd' OR myProp1 LIKE '12_'",
                        message("JMSType", "seleector", "myProp0", "abcd", "myProp1", "1234"), false),
                row("likeTest06 second", "JMSType LIKE 'se_ector' OR myProp0 LIKE '_cd' OR myProp1 LIKE '12_'",
                        message("JMSType", "selector"), true),
                row("likeTest07 first", "JMSType LIKE '12%3'", message("JMSType", "1234"), false),
                row("likeTest07 second", "JMSType LIKE '12%3'", message("JMSType", "12333"), true),
                row("likeTest08 first", "JMSType LIKE 'A%fooA_' ESCAPE 'A'", message("JMSType", "_foo%"), false),
                row("likeTest08 second", "JMSType LIKE 'A%fooA_' ESCAPE 'A'", message("JMSType", "%foo_"), true),
                row("likeTest09", "JMSType NOT LIKE 'jms_foo'", message("JMSType", "jms"), true),
                row("likeTest10", "JMSType NOT LIKE 's_ector' AND myProp0 NOT LIKE '_cd' AND myProp1 NOT LIKE '12_'",
                        message("JMSType", "selector", "myProp0", "abcd", "myProp1", "1234"), true),
                row("likeTest11", "myProp0 NOT LIKE '%cde' AND myProp1 NOT LIKE '01%' AND myProp2 NOT LIKE 'A%x%D'",
                        message("JMSType", "", "myProp0", "abcd", "myProp1", "1234", "myProp2", "ABCD"), true),
                row("likeTest12", "JMSType NOT LIKE 'A_A_' ESCAPE 'A'", message("JMSType", "_A"), true),
                row("likeTest13 first", "JMSType NOT LIKE '1234' OR myProp NOT LIKE 'jms'",
                        message("JMSType", "1234", "myProp", "jms"), false),
                row("likeTest13 second", "JMSType NOT LIKE '1234' OR myProp NOT LIKE 'jms'",
                        message("JMSType", "foo"), true),
                row("likeTest14 first", "JMSType NOT LIKE 'se_ector' OR myProp0 NOT LIKE '_bcd' OR "
                        + "myProp1 NOT LIKE '123_'", message("JMSType", "selector", "myProp0", "abcd", "myProp1", "1234"),
                        false),
                row("likeTest14 second", "JMSType NOT LIKE 'se_ector' OR myProp0 NOT LIKE '_bcd' OR "
                        + "myProp1 NOT LIKE '123_'", message("JMSType", "foo"), true),
                row("likeTest15 first", "JMSType NOT LIKE '12%'", message("JMSType", "1234"), false),
                row("likeTest15 second", "JMSType NOT LIKE '12%'", message("JMSType", "foo"), true),
                row("likeTest16 first", "JMSType NOT LIKE 'A_fooA%' ESCAPE 'A'", message("JMSType", "_foo%"), false),
                row("likeTest16 second", "JMSType NOT LIKE 'A_fooA%' ESCAPE 'A'", message("JMSType", "jms"), true),
                row("likeTest17", "JMSType LIKE '\\__\\%%' ESCAPE '\\'", message("JMSType", "_a%b"), true),
                row("likeTest18 first", "myNullProp LIKE '1_3'", message("JMSType", ""), false),
                row("likeTest18 second", "myNullProp LIKE '1_3'", message("myNullProp", "123"), true),
                row("likeTest19 first", "myNullProp NOT LIKE '1_3'", message("JMSType", ""), false),
                row("likeTest19 second", "myNullProp NOT LIKE '1_3'", message("myNullProp", "foo"), true),
                row("likeTest20 first", "myProp LIKE '1_3'", message("myProp", 123), false),
                row("likeTest20 second", "myProp LIKE '1_3'", message("myProp", "123"), true),
                row("isNullTest1", "myNullProp IS NULL", message("JMSType", ""), true),
                row("isNullTest2 first", "myProp IS NULL", message("myProp", "foo"), false),
                row("isNullTest2 second", "myProp IS NULL", message(), true),
                row("isNullTest3", "myProp IS NOT NULL", message("myProp", 10f), true),
                row("isNullTest4 first", "myNullProp IS NOT NULL", message("JMSType", ""), false),
                row("isNullTest4 second", "myNullProp IS NOT NULL", message("myNullProp", "foo"), true),
                row("caseTest1", "myProp0 is null and myProp1 like 'fooG_%' escape 'G' and myProp2 in ('a', 'b') and "
                        + "myProp3 not between 0 and 10 and (myProp4 or false)", message("myProp1", "foo_test",
                        "myProp2", "a", "myProp3", 20, "myProp4", true), true),
                row("precedenceTest1 first", "NOT myTrueProp AND myFalseProp",
                        message("myTrueProp", true, "myFalseProp", false), false),
                row("precedenceTest1 second", "NOT myTrueProp AND myFalseProp",
                        message("myTrueProp", false, "myFalseProp", true), true),
                row("precedenceTest2", "myTrueProp AND NOT myFalseProp", message("myTrueProp", true, "myFalseProp", false),
                        true),
                row("precedenceTest3", "myTrueProp OR myTrueProp AND myFalseProp",
                        message("myTrueProp", true, "myFalseProp", false), true),
                row("precedenceTest4", "- myProp0 + myProp1 = 0", message("myProp0", 5, "myProp1", 5), true),
                row("precedenceTest5", "myProp0+myProp1*myProp2-myProp3/myProp4 = 6",
                        message("myProp0", 1f, "myProp1", 2f, "myProp2", 3f, "myProp3", 4f, "myProp4", 4f), true),
                row("nullTest01 first", "myProp + 2 < 10", message(), false),
                row("nullTest01 second", "myProp + 2 < 10", message("myProp", 0), true),
                row("nullTest02 first", "myProp = 'foo'", message(), false),
                row("nullTest02 second", "myProp = 'foo'", message("myProp", "foo"), true),
                row("nullTest03 first", "myProp NOT IN ('a', 'b')", message(), false),
                row("nullTest03 second", "myProp NOT IN ('a', 'b')", message("myProp", "foo"), true),
                row("nullTest04", "myTrueProp AND myTrueProp", message("myTrueProp", true), true),
                row("nullTest05 first", NULL_TEST_05, message("myTrueProp", true, "myFalseProp", false), false),
                row("nullTest05 second", NULL_TEST_05, message("myTrueProp", true, "myFalseProp", true), true),
                row("nullTest06", "(myTrueProp OR myTrueProp) AND (myTrueProp OR myFalseProp) AND "
                        + "(myTrueProp OR myNullProp) AND (myFalseProp OR myTrueProp) AND (myNullProp OR myTrueProp)",
                        message("myTrueProp", true, "myFalseProp", false), true),
                row("nullTest07 first", NULL_TEST_07, message("myFalseProp", false), false),
                row("nullTest07 second", NULL_TEST_07, message("myFalseProp", true), true),
                row("nullTest08", "NOT myFalseProp", message("myFalseProp", false), true),
                row("nullTest09 first", "NOT myTrueProp", message("myTrueProp", true), false),
                row("nullTest09 second", "NOT myTrueProp", message("myTrueProp", false), true),
                row("nullTest10 first", "NOT myNullProp", message(), false),
                row("nullTest10 second", "NOT myNullProp", message("myNullProp", false), true),
                row("queueConnection, core20 sessiontests", "targetMessage = TRUE", message("targetMessage", true), true),
                row("core20 jmscontext lastMessage", "lastMessage=TRUE", message("lastMessage", false), false),
                row("core20 jmscontext lastMessage", "lastMessage = TRUE", message("lastMessage", true), true),
                row("core sessiontests TEST", "TEST = 'test'", message("TEST", "test"), true),
                row("core sessiontests TEST", "TEST = 'test'", message("TEST", "test2"), false),
                row("durableConsumerChangeSelectorTest", "TEST = 'new one'", message("TEST", "test"), false),
                row("durableConsumerChangeSelectorTest2", "TEST = 'test again'", message("TEST", "test again"), true),
                row("exceptionQueue bare identifier", "TEST", message("TEST", true), true),
                row("exceptionQueue bare identifier", "TEST", message("TEST", "test"), false),
                row("activationconfig selectorauto", "COM_SUN_JMS_TESTNAME='test1' AND TestCaseNum < 1",
                        message("COM_SUN_JMS_TESTNAME", "test1", "TestCaseNum", 0), true),
                row("activationconfig selectorauto", "COM_SUN_JMS_TESTNAME='test1' AND TestCaseNum < 1",
                        message("COM_SUN_JMS_TESTNAME", "test1", "TestCaseNum", 1), false));
    }

    private static final String NULL_TEST_05 = "(myTrueProp AND myFalseProp) OR (myTrueProp AND myNullProp) OR "
            + "(myFalseProp AND myTrueProp) OR (myFalseProp AND myFalseProp) OR (myFalseProp AND myNullProp) OR "
            + "(MyNullProp AND myTrueProp) OR (MyNullProp AND myFalseProp) OR (MyNullProp AND myNullProp)";

    private static final String NULL_TEST_07 = "(myFalseProp OR myFalseProp) OR (myFalseProp OR myNullProp) OR "
            + "(myNullProp OR myFalseProp) OR (myNullProp OR myNullProp)";

    @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
    @MethodSource("matching")
    void tckSelectorMatchesExactlyTheMessagesTheTckExpects(String tckTest, String selector, Map<String, Object> message,
            boolean expected) throws InvalidSelectorException {
        assertEquals(expected, MessageSelector.compile(selector).matches(message::get));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("identifierTest02", "NULL = 0"),
                Arguments.of("identifierTest03", "TRUE = 0"),
                Arguments.of("identifierTest04", "FALSE = 0"),
                Arguments.of("identifierTest05", "NOT = 0"),
                Arguments.of("identifierTest06", "AND = 0"),
                Arguments.of("identifierTest07", "OR = 0"),
                Arguments.of("identifierTest08", "BETWEEN = 0"),
                Arguments.of("identifierTest09", "LIKE = 0"),
                Arguments.of("identifierTest10", "IN = 0"),
                Arguments.of("identifierTest11", "IS = 0"),
                Arguments.of("identifierTest14", "ESCAPE = 0"),
                Arguments.of("comparisonTest04", "myProp > 'foo'"),
                Arguments.of("comparisonTest05", "myProp >= 'foo'"),
                Arguments.of("comparisonTest06", "myProp < 'foo'"),
                Arguments.of("comparisonTest07", "myProp <= 'foo'"),
                Arguments.of("comparisonTest09", "'foo' > TRUE "),
                Arguments.of("comparisonTest10", "'foo' >= TRUE "),
                Arguments.of("comparisonTest11", "'foo' < TRUE "),
                Arguments.of("comparisonTest12", "'foo' <= TRUE "),
                Arguments.of("betweenTest7", "myProp BETWEEN 'foo' and 'test'"),
                Arguments.of("inTest8", "myProp NOT IN (1,2,3)"),
                Arguments.of("likeTest21", "myProp LIKE 7"),
                Arguments.of("exceptionQueue, sessiontests, jmscontextqueuetests", "=TEST 'test'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalid")
    void tckInvalidSelectorIsRejectedAtCompileTime(String tckTest, String selector) {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> MessageSelector.compile(selector));
        assertEquals(true, e.getMessage().startsWith("Invalid selector \"" + selector + "\" at position "),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void tckEmptyAndNullSelectorsMatchEverything() throws InvalidSelectorException {
        assertEquals(MessageSelector.ALL, MessageSelector.compile(""));
        assertEquals(MessageSelector.ALL, MessageSelector.compile(null));
        assertEquals(true, MessageSelector.compile("").matches(message("myEmptyProp", false)::get));
    }

    private static Arguments row(String tckTest, String selector, Map<String, Object> message, boolean expected) {
        return Arguments.of(tckTest, selector, message, expected);
    }
}
