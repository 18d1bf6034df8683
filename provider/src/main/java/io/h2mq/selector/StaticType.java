package io.h2mq.selector;

/**
 * What the parser knows about an operand's type before any message is seen. Literals and most operators
 * fix it; a property's type is only known per message ({@link #ANY}). The parser uses it to reject, at
 * compile time, selectors the specification's type rules make meaningless ({@code 'foo' > TRUE},
 * {@code TRUE = 0}, {@code myProp BETWEEN 'a' AND 'b'}), as the TCK expects.
 */
enum StaticType {
    BOOLEAN("a boolean"),
    NUMERIC("a numeric"),
    STRING("a string"),
    ANY("any");

    private final String article;

    StaticType(String article) {
        this.article = article;
    }

    /** "a boolean", "a numeric", "a string": for messages such as "expected a numeric operand". */
    String withArticle() {
        return article;
    }

    boolean admits(StaticType other) {
        return this == ANY || other == ANY || this == other;
    }
}
