package io.h2mq.selector;

/**
 * The kinds of token a selector is made of. Keywords are matched without regard to ASCII case
 * ({@code and} is {@code AND}); identifiers are case-sensitive.
 */
enum TokenKind {
    IDENTIFIER("identifier"),
    STRING("string literal"),
    EXACT_NUMBER("exact numeric literal"),
    APPROXIMATE_NUMBER("approximate numeric literal"),
    NOT("keyword NOT"),
    AND("keyword AND"),
    OR("keyword OR"),
    BETWEEN("keyword BETWEEN"),
    LIKE("keyword LIKE"),
    IN("keyword IN"),
    IS("keyword IS"),
    ESCAPE("keyword ESCAPE"),
    NULL("keyword NULL"),
    TRUE("boolean literal"),
    FALSE("boolean literal"),
    EQ("'='"),
    NE("'<>'"),
    LT("'<'"),
    LE("'<='"),
    GT("'>'"),
    GE("'>='"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    SLASH("'/'"),
    LPAREN("'('"),
    RPAREN("')'"),
    COMMA("','"),
    END("end of input");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
}
