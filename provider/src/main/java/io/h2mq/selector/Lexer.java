package io.h2mq.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits selector text into {@link Token}s, all at once, so that the parser can look ahead freely.
 *
 * <p>White space is Java's: space, horizontal tab, form feed and line terminators; anything else that
 * is not part of a token is an error. Identifiers follow {@link Character#isJavaIdentifierStart} and
 * {@link Character#isJavaIdentifierPart}, as the specification's "Java letter" wording means. Keywords are
 * recognised without regard to ASCII case only, so that an identifier such as {@code ın} (dotless i) never
 * turns into a keyword under some locale's case rules.
 */
final class Lexer {

    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("NOT", TokenKind.NOT), Map.entry("AND", TokenKind.AND), Map.entry("OR", TokenKind.OR),
            Map.entry("BETWEEN", TokenKind.BETWEEN), Map.entry("LIKE", TokenKind.LIKE),
            Map.entry("IN", TokenKind.IN), Map.entry("IS", TokenKind.IS), Map.entry("ESCAPE", TokenKind.ESCAPE),
            Map.entry("NULL", TokenKind.NULL), Map.entry("TRUE", TokenKind.TRUE),
            Map.entry("FALSE", TokenKind.FALSE));

    private final String text;
    private int index;

    private Lexer(String text) {
        this.text = text;
    }

    /** @return the tokens of {@code text}, ending with one {@link TokenKind#END} */
    static List<Token> tokenize(String text) throws InvalidSelectorException {
        return new Lexer(text).tokens();
    }

    private List<Token> tokens() throws InvalidSelectorException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhiteSpace();
            if (index >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", null, text.length() + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhiteSpace() {
        while (index < text.length() && isWhiteSpace(text.charAt(index))) {
            index++;
        }
    }

    static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    private Token next() throws InvalidSelectorException {
        char c = text.charAt(index);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
            return number();
        }
        if (Character.isJavaIdentifierStart(c)) {
            return word();
        }
        return operator(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token string() throws InvalidSelectorException {
        int start = index;
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c != '\'') {
                value.append(c);
            } else if (index < text.length() && text.charAt(index) == '\'') {
                value.append('\'');
                index++;
            } else {
                return new Token(TokenKind.STRING, text.substring(start, index), value.toString(), start + 1);
            }
        }
        throw SelectorErrors.at(text, start + 1,
                "a closing quote for the string literal starting here", "end of input");
    }

    /**
     * Takes the longest run that could belong to a numeric literal (letters, digits, '_', '.', and a sign
     * right after an exponent marker), then asks {@link NumericLiterals} what it is. "5abc" is therefore one
     * malformed literal rather than a number followed by an identifier.
     */
    private Token number() throws InvalidSelectorException {
        int start = index;
        boolean hex = text.startsWith("0x", index) || text.startsWith("0X", index);
        index++;
        while (index < text.length() && continuesNumber(text.charAt(index), text.charAt(index - 1), hex)) {
            index++;
        }
        String literal = text.substring(start, index);
        if (NumericLiterals.isExact(literal)) {
            Long value = NumericLiterals.exactValue(literal);
            if (value == null) {
                throw SelectorErrors.at(text, start + 1, "an exact numeric literal within the range of long", literal);
            }
            return new Token(TokenKind.EXACT_NUMBER, literal, value, start + 1);
        }
        if (NumericLiterals.isApproximate(literal)) {
            Number value = NumericLiterals.approximateValue(literal);
            if (value == null) {
                throw SelectorErrors.at(text, start + 1, "an approximate numeric literal within the range of double",
                        literal);
            }
            return new Token(TokenKind.APPROXIMATE_NUMBER, literal, value, start + 1);
        }
        throw SelectorErrors.at(text, start + 1, "a numeric literal in Java syntax", "'" + literal + "'");
    }

    private boolean continuesNumber(char c, char previous, boolean hex) {
        if (c == '+' || c == '-') {
            return hex ? previous == 'p' || previous == 'P' : previous == 'e' || previous == 'E';
        }
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private Token word() {
        int start = index;
        index++;
        while (index < text.length() && Character.isJavaIdentifierPart(text.charAt(index))) {
            index++;
        }
        String word = text.substring(start, index);
        TokenKind keyword = KEYWORDS.get(asciiUpperCase(word));
        if (keyword == TokenKind.TRUE || keyword == TokenKind.FALSE) {
            return new Token(keyword, word, keyword == TokenKind.TRUE, start + 1);
        }
        if (keyword != null) {
            return new Token(keyword, word, null, start + 1);
        }
        return new Token(TokenKind.IDENTIFIER, word, word, start + 1);
    }

    private static String asciiUpperCase(String word) {
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c > 127) {
                return word;
            }
            if (c >= 'a' && c <= 'z') {
                chars[i] = (char) (c - ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private Token operator(char c) throws InvalidSelectorException {
        int start = index++;
        switch (c) {
            case '=': return symbol(TokenKind.EQ, start);
            case '+': return symbol(TokenKind.PLUS, start);
            case '-': return symbol(TokenKind.MINUS, start);
            case '*': return symbol(TokenKind.STAR, start);
            case '/': return symbol(TokenKind.SLASH, start);
            case '(': return symbol(TokenKind.LPAREN, start);
            case ')': return symbol(TokenKind.RPAREN, start);
            case ',': return symbol(TokenKind.COMMA, start);
            case '>': return symbol(follows('=') ? TokenKind.GE : TokenKind.GT, start);
            case '<':
                if (follows('=')) {
                    return symbol(TokenKind.LE, start);
                }
                return symbol(follows('>') ? TokenKind.NE : TokenKind.LT, start);
            default:
                throw SelectorErrors.at(text, start + 1, "an identifier, a literal, an operator or '('",
                        "character '" + new String(Character.toChars(text.codePointAt(start))) + "'");
        }
    }

    private boolean follows(char c) {
        if (index < text.length() && text.charAt(index) == c) {
            index++;
            return true;
        }
        return false;
    }

    private Token symbol(TokenKind kind, int start) {
        return new Token(kind, text.substring(start, index), null, start + 1);
    }
}
