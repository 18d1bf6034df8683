package io.h2mq.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.InvalidSelectorException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LexerTest {

    static Stream<Arguments> numericLiterals() {
        return Stream.of(
                Arguments.of("57", 57L),
                Arguments.of("0", 0L),
                Arguments.of("62L", 62L),
                Arguments.of("035", 29L),
                Arguments.of("0x1d", 29L),
                Arguments.of("0X1DL", 29L),
                Arguments.of("0b11101", 29L),
                Arguments.of("1_000_000", 1_000_000L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("0xFFFFFFFFFFFFFFFFL", -1L),
                Arguments.of("7E3", 7000.0),
                Arguments.of("57.9E2", 5790.0),
                Arguments.of("7.", 7.0),
                Arguments.of(".5", 0.5),
                Arguments.of(".7e4", 7000.0),
                Arguments.of("7e-3", 0.007),
                Arguments.of("7E+3", 7000.0),
                Arguments.of("1.5d", 1.5),
                Arguments.of("1.5f", 1.5f),
                Arguments.of("3D", 3.0),
                Arguments.of("0x1p3", 8.0),
                Arguments.of("1_0.2_5", 10.25));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("numericLiterals")
    void numericLiteralsUseJavaLiteralSyntax(String literal, Number expected) throws InvalidSelectorException {
        Token token = Lexer.tokenize(literal).get(0);
        assertEquals(expected, token.value());
        assertEquals(expected instanceof Long ? TokenKind.EXACT_NUMBER : TokenKind.APPROXIMATE_NUMBER, token.kind());
    }

    @Test
    void keywordsIgnoreAsciiCaseAndIdentifiersKeepIt() throws InvalidSelectorException {
        assertEquals(List.of(TokenKind.NOT, TokenKind.IDENTIFIER, TokenKind.AND, TokenKind.TRUE, TokenKind.OR,
                TokenKind.FALSE, TokenKind.IS, TokenKind.NULL, TokenKind.END),
                kinds("not myProp aNd true oR False iS nULL"));
        assertEquals("Not", Lexer.tokenize("Not").get(0).text());
    }

    @Test
    void dotlessIIsNotTheKeywordIn() throws InvalidSelectorException {
        assertEquals(TokenKind.IDENTIFIER, Lexer.tokenize("\u0131n").get(0).kind());
    }

    @Test
    void operatorsAreRecognisedWithoutSpaces() throws InvalidSelectorException {
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.LE, TokenKind.EXACT_NUMBER, TokenKind.NE,
                TokenKind.GE, TokenKind.LT, TokenKind.GT, TokenKind.EQ, TokenKind.LPAREN, TokenKind.PLUS,
                TokenKind.MINUS, TokenKind.STAR, TokenKind.SLASH, TokenKind.COMMA, TokenKind.RPAREN, TokenKind.END),
                kinds("a<=1<>>=< > =(+-*/,)"));
    }

    @Test
    void stringLiteralDoublesItsQuote() throws InvalidSelectorException {
        Token token = Lexer.tokenize("'literal''s'").get(0);
        assertEquals("literal's", token.value());
        assertEquals(1, token.position());
    }

    @Test
    void tokensCarryOneBasedPositions() throws InvalidSelectorException {
        List<Token> tokens = Lexer.tokenize("color = ");
        assertEquals(List.of(1, 7, 9), tokens.stream().map(Token::position).collect(Collectors.toList()));
    }

    @Test
    void javaWhiteSpaceSeparatesTokensButOtherSpaceCharactersDoNot() throws InvalidSelectorException {
        assertEquals(4, Lexer.tokenize(" \t\f\r\na\n=\r\n1 ").size());
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class, () -> Lexer.tokenize("a =\u00a01"));
        assertEquals("Invalid selector \"a =\u00a01\" at position 4: expected an identifier, a literal, "
                + "an operator or '(', found character '\u00a0'", e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("x = 'abc", 5, "expected a closing quote for the string literal starting here, found end of input"),
                Arguments.of("x = 08", 5, "expected a numeric literal in Java syntax, found '08'"),
                Arguments.of("x = 5abc", 5, "expected a numeric literal in Java syntax, found '5abc'"),
                Arguments.of("x = 1..2", 5, "expected a numeric literal in Java syntax, found '1..2'"),
                Arguments.of("x = 1_", 5, "expected a numeric literal in Java syntax, found '1_'"),
                Arguments.of("x = 1e", 5, "expected a numeric literal in Java syntax, found '1e'"),
                Arguments.of("x = 9223372036854775809", 5,
                        "expected an exact numeric literal within the range of long, found 9223372036854775809"),
                Arguments.of("x = 1e999", 5,
                        "expected an approximate numeric literal within the range of double, found 1e999"),
                Arguments.of("x = \"a\"", 5, "expected an identifier, a literal, an operator or '(', found character '\"'"),
                Arguments.of("x # 1", 3, "expected an identifier, a literal, an operator or '(', found character '#'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedTokenIsReportedAtItsPosition(String selector, int position, String detail) {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class, () -> Lexer.tokenize(selector));
        assertEquals("Invalid selector \"" + selector + "\" at position " + position + ": " + detail, e.getMessage());
    }

    private static List<TokenKind> kinds(String text) throws InvalidSelectorException {
        return Lexer.tokenize(text).stream().map(Token::kind).collect(Collectors.toList());
    }
}
