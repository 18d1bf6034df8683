package io.h2mq.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser from tokens to an {@link Expression} tree, one method per precedence level:
 *
 * <pre>
 * selector       := or END                       (must be a conditional expression)
 * or             := and (OR and)*
 * and            := not (AND not)*
 * not            := NOT not | predicate
 * predicate      := additive [ compare-op additive
 *                            | [NOT] BETWEEN additive AND additive
 *                            | [NOT] IN '(' string (',' string)* ')'
 *                            | [NOT] LIKE string [ESCAPE string]
 *                            | IS [NOT] NULL ]
 * additive       := multiplicative (('+' | '-') multiplicative)*
 * multiplicative := unary (('*' | '/') unary)*
 * unary          := ('+' | '-') unary | primary
 * primary        := literal | identifier | '(' or ')'
 * </pre>
 *
 * <p>It also checks types where they are statically known (see {@link StaticType}): a string or boolean
 * literal in arithmetic or in an ordering comparison, unlike literal types compared with {@code =},
 * non-string IN items, a LIKE pattern that is not a string literal, and a selector that is not a
 * conditional expression at all are all rejected here, with the position of the offending token.
 *
 * <p>Nesting is bounded ({@link #MAX_DEPTH}) so that neither parsing nor evaluation can overflow the stack
 * on a hostile selector. One instance parses one selector; it is not thread-safe.
 */
final class Parser {

    static final int MAX_DEPTH = 200;

    /** An expression being built, with what the parser knows about it for type checks and messages. */
    private record Operand(Expression node, StaticType type, String description, Token first, int depth) {
    }

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int nesting;

    private Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static Expression parse(String text) throws InvalidSelectorException {
        Parser parser = new Parser(text, Lexer.tokenize(text));
        Operand root = parser.or();
        if (parser.peek().kind() != TokenKind.END) {
            throw parser.error(parser.peek(), "an operator or end of input");
        }
        parser.requireCondition(root, "a conditional expression");
        return root.node();
    }

    private Operand or() throws InvalidSelectorException {
        Operand first = and();
        if (peek().kind() != TokenKind.OR) {
            return first;
        }
        List<Operand> operands = new ArrayList<>(List.of(first));
        while (accept(TokenKind.OR)) {
            operands.add(and());
        }
        return logical(operands, "OR");
    }

    private Operand and() throws InvalidSelectorException {
        Operand first = not();
        if (peek().kind() != TokenKind.AND) {
            return first;
        }
        List<Operand> operands = new ArrayList<>(List.of(first));
        while (accept(TokenKind.AND)) {
            operands.add(not());
        }
        return logical(operands, "AND");
    }

    private Operand logical(List<Operand> operands, String keyword) throws InvalidSelectorException {
        List<Expression> nodes = new ArrayList<>();
        int depth = 0;
        for (Operand operand : operands) {
            requireCondition(operand, "a conditional expression as operand of " + keyword);
            nodes.add(operand.node());
            depth = Math.max(depth, operand.depth());
        }
        Expression node = keyword.equals("OR") ? new Or(nodes) : new And(nodes);
        return condition(node, operands.get(0).first(), depth + 1);
    }

    private Operand not() throws InvalidSelectorException {
        if (peek().kind() != TokenKind.NOT) {
            return predicate();
        }
        Token not = take();
        enter(not);
        Operand operand = not();
        nesting--;
        requireCondition(operand, "a conditional expression after NOT");
        return condition(new Not(operand.node()), not, operand.depth() + 1);
    }

    private Operand predicate() throws InvalidSelectorException {
        Operand left = additive();
        Token operator = peek();
        if (operator.kind().isComparison()) {
            take();
            return comparison(operator, left, additive());
        }
        if (operator.kind() == TokenKind.IS) {
            take();
            boolean negated = accept(TokenKind.NOT);
            expect(TokenKind.NULL, "NULL");
            return condition(new IsNull(identifier(left, negated ? "IS NOT NULL" : "IS NULL"), negated),
                    left.first(), 2);
        }
        boolean negated = false;
        if (operator.kind() == TokenKind.NOT) {
            take();
            negated = true;
            operator = peek();
        }
        switch (operator.kind()) {
            case BETWEEN: take(); return between(left, negated);
            case IN: take(); return in(left, negated);
            case LIKE: take(); return like(left, negated);
            default:
                if (negated) {
                    throw error(operator, "BETWEEN, IN or LIKE after NOT");
                }
                return left;
        }
    }

    private Operand comparison(Token token, Operand left, Operand right) throws InvalidSelectorException {
        ComparisonOperator operator = ComparisonOperator.of(token.kind());
        if (operator.isEquality()) {
            if (!left.type().admits(right.type())) {
                throw error(right.first(), left.type().withArticle() + " operand to compare with "
                        + left.description(), right.description());
            }
        } else {
            requireNumeric(left, operator.symbol());
            requireNumeric(right, operator.symbol());
        }
        return condition(new Comparison(operator, left.node(), right.node()), left.first(),
                Math.max(left.depth(), right.depth()) + 1);
    }

    private Operand between(Operand value, boolean negated) throws InvalidSelectorException {
        String keyword = negated ? "NOT BETWEEN" : "BETWEEN";
        requireNumeric(value, keyword);
        Operand low = additive();
        requireNumeric(low, keyword);
        expect(TokenKind.AND, "AND between the bounds of " + keyword);
        Operand high = additive();
        requireNumeric(high, keyword);
        int depth = Math.max(value.depth(), Math.max(low.depth(), high.depth())) + 1;
        return condition(new Between(value.node(), low.node(), high.node(), negated), value.first(), depth);
    }

    private Operand in(Operand left, boolean negated) throws InvalidSelectorException {
        Identifier identifier = identifier(left, negated ? "NOT IN" : "IN");
        requireString(left, negated ? "NOT IN" : "IN");
        expect(TokenKind.LPAREN, "'(' to open the IN list");
        Set<String> values = new LinkedHashSet<>();
        do {
            values.add((String) expect(TokenKind.STRING, "a string literal in the IN list").value());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN, "',' or ')' in the IN list");
        return condition(new In(identifier, Collections.unmodifiableSet(values), negated), left.first(), 2);
    }

    private Operand like(Operand left, boolean negated) throws InvalidSelectorException {
        String keyword = negated ? "NOT LIKE" : "LIKE";
        Identifier identifier = identifier(left, keyword);
        requireString(left, keyword);
        Token pattern = expect(TokenKind.STRING, "a string literal as the " + keyword + " pattern");
        Token escape = null;
        if (accept(TokenKind.ESCAPE)) {
            escape = expect(TokenKind.STRING, "a string literal as the ESCAPE character");
            String character = (String) escape.value();
            if (character.codePointCount(0, character.length()) != 1) {
                throw error(escape, "a single-character string literal as the ESCAPE character");
            }
        }
        try {
            LikePattern compiled = LikePattern.compile((String) pattern.value(),
                    escape == null ? null : (String) escape.value());
            return condition(new Like(identifier, compiled, negated), left.first(), 2);
        } catch (IllegalArgumentException invalid) {
            throw error(pattern, invalid.getMessage());
        }
    }

    private Operand additive() throws InvalidSelectorException {
        Operand left = multiplicative();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            left = arithmetic(take(), left, multiplicative());
        }
        return left;
    }

    private Operand multiplicative() throws InvalidSelectorException {
        Operand left = unary();
        while (peek().kind() == TokenKind.STAR || peek().kind() == TokenKind.SLASH) {
            left = arithmetic(take(), left, unary());
        }
        return left;
    }

    private Operand arithmetic(Token token, Operand left, Operand right) throws InvalidSelectorException {
        requireNumeric(left, token.text());
        requireNumeric(right, token.text());
        int depth = Math.max(left.depth(), right.depth()) + 1;
        if (depth > MAX_DEPTH) {
            throw error(token, "at most " + MAX_DEPTH + " levels of nesting", "deeper nesting");
        }
        return new Operand(new Arithmetic(ArithmeticOperator.of(token.kind()), left.node(), right.node()),
                StaticType.NUMERIC, "arithmetic expression", left.first(), depth);
    }

    private Operand unary() throws InvalidSelectorException {
        TokenKind kind = peek().kind();
        if (kind != TokenKind.PLUS && kind != TokenKind.MINUS) {
            return primary();
        }
        Token sign = take();
        boolean minus = kind == TokenKind.MINUS;
        Token literal = peek();
        if (literal.kind() == TokenKind.EXACT_NUMBER || literal.kind() == TokenKind.APPROXIMATE_NUMBER) {
            return signedLiteral(sign, take(), minus);
        }
        enter(sign);
        Operand operand = unary();
        nesting--;
        requireNumeric(operand, sign.text());
        return new Operand(new Unary(minus, operand.node()), StaticType.NUMERIC, "arithmetic expression", sign,
                operand.depth() + 1);
    }

    /** Folds the sign into the literal, which is how -9223372036854775808 becomes a valid long. */
    private Operand signedLiteral(Token sign, Token literal, boolean minus) throws InvalidSelectorException {
        if (!minus && NumericLiterals.isUnsignedMinLong(literal)) {
            throw error(literal, "an exact numeric literal within the range of long", literal.text());
        }
        Number value = (Number) literal.value();
        return new Operand(new Literal(minus ? Numbers.negate(value) : value), StaticType.NUMERIC,
                literal.kind().description() + " " + sign.text() + literal.text(), sign, 1);
    }

    private Operand primary() throws InvalidSelectorException {
        Token token = take();
        switch (token.kind()) {
            case STRING:
                return literal(token, StaticType.STRING);
            case TRUE:
            case FALSE:
                return literal(token, StaticType.BOOLEAN);
            case APPROXIMATE_NUMBER:
                return literal(token, StaticType.NUMERIC);
            case EXACT_NUMBER:
                if (NumericLiterals.isUnsignedMinLong(token)) {
                    throw error(token, "an exact numeric literal within the range of long", token.text());
                }
                return literal(token, StaticType.NUMERIC);
            case IDENTIFIER:
                Identifier identifier = Identifier.named(token.text());
                return new Operand(identifier, identifier.type(), token.describe(), token, 1);
            case LPAREN:
                enter(token);
                Operand inner = or();
                expect(TokenKind.RPAREN, "')'");
                nesting--;
                return inner;
            case NULL:
                throw error(token, "an expression (NULL may only appear in IS NULL and IS NOT NULL)");
            default:
                throw error(token, "an expression");
        }
    }

    private static Operand literal(Token token, StaticType type) {
        return new Operand(new Literal(token.value()), type, token.describe(), token, 1);
    }

    private static Operand condition(Expression node, Token first, int depth) {
        return new Operand(node, StaticType.BOOLEAN, "conditional expression", first, depth);
    }

    private Identifier identifier(Operand operand, String keyword) throws InvalidSelectorException {
        if (!(operand.node() instanceof Identifier)) {
            throw error(operand.first(), "an identifier before " + keyword, operand.description());
        }
        return (Identifier) operand.node();
    }

    private void requireCondition(Operand operand, String expected) throws InvalidSelectorException {
        if (operand.type() != StaticType.BOOLEAN && operand.type() != StaticType.ANY) {
            throw error(operand.first(), expected, operand.description());
        }
    }

    private void requireNumeric(Operand operand, String operator) throws InvalidSelectorException {
        if (!StaticType.NUMERIC.admits(operand.type())) {
            throw error(operand.first(), "a numeric operand for " + operator, operand.description());
        }
    }

    private void requireString(Operand operand, String operator) throws InvalidSelectorException {
        if (!StaticType.STRING.admits(operand.type())) {
            throw error(operand.first(), "a string identifier before " + operator, operand.description());
        }
    }

    private void enter(Token token) throws InvalidSelectorException {
        if (++nesting > MAX_DEPTH) {
            throw error(token, "at most " + MAX_DEPTH + " levels of nesting", "deeper nesting");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != TokenKind.END) {
            next++;
        }
        return token;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind, String expected) throws InvalidSelectorException {
        if (peek().kind() != kind) {
            throw error(peek(), expected);
        }
        return take();
    }

    private InvalidSelectorException error(Token token, String expected) {
        return error(token, expected, token.describe());
    }

    private InvalidSelectorException error(Token token, String expected, String found) {
        return SelectorErrors.at(text, token.position(), expected, found);
    }
}
