package io.h2mq.selector;

import java.util.function.Function;

/** {@code identifier IS [NOT] NULL}: the only operator that turns NULL into TRUE or FALSE. */
record IsNull(Identifier identifier, boolean negated) implements Expression {

    @Override
    public Object evaluate(Function<String, Object> identifiers) {
        return (identifier.evaluate(identifiers) == null) != negated;
    }
}
