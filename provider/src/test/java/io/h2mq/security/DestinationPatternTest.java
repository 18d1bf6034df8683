package io.h2mq.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "orders,          orders,              true",
            "orders,          orders.eu,           false",
            "orders.*,        orders.eu,           true",
            "orders.*,        orders,              false",
            "orders.*,        orders.eu.paris,     false",
            "orders.#,        orders,              true",
            "orders.#,        orders.eu,           true",
            "orders.#,        orders.eu.paris,     true",
            "orders.#,        ordersx,             false",
            "#,               anything.at.all,     true",
            "*.eu,            orders.eu,           true",
            "*.eu,            orders.us,           false",
            "#.eu,            eu,                  true",
            "#.eu,            a.b.eu,              true",
            "#.eu,            a.b.us,              false",
            "a.#.z,           a.z,                 true",
            "a.#.z,           a.b.c.z,             true",
            "a.*.z,           a.z,                 false",
            "h2mq.temp.queue.*, h2mq.temp.queue.5f0c-11aa, true",
            "h2mq.temp.#,     h2mq.temp.topic.5f0c-11aa, true",
    })
    void matchesAsArtemisWildcards(String pattern, String name, boolean expected) {
        assertEquals(expected, DestinationPattern.parse(pattern).matches(name));
    }

    @Test
    void literalWordsAreMoreSpecificThanStarWhichIsMoreSpecificThanHash() {
        List<DestinationPattern> patterns = new ArrayList<>(List.of(DestinationPattern.parse("#"),
                DestinationPattern.parse("orders.#"), DestinationPattern.parse("orders.*"),
                DestinationPattern.parse("orders.eu"), DestinationPattern.parse("*.eu")));
        patterns.sort(DestinationPattern.SPECIFICITY);
        assertEquals(List.of("orders.eu", "orders.*", "orders.#", "*.eu", "#"),
                patterns.stream().map(DestinationPattern::text).toList());
    }

    @Test
    void aLongerPatternIsMoreSpecificThanItsPrefix() {
        List<DestinationPattern> patterns = new ArrayList<>(List.of(DestinationPattern.parse("orders.#"),
                DestinationPattern.parse("orders.#.audit")));
        patterns.sort(DestinationPattern.SPECIFICITY);
        assertEquals("orders.#.audit", patterns.get(0).text());
    }

    @Test
    void aWildcardInsideAWordOrAnEmptyWordIsRefused() {
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> DestinationPattern.parse("orders.eu*"));
        assertEquals("destination pattern 'orders.eu*': a wildcard (* or #) must be a whole word, got 'eu*'",
                partial.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DestinationPattern.parse("orders..eu"));
        assertThrows(IllegalArgumentException.class, () -> DestinationPattern.parse(" "));
    }
}
