package io.h2mq.examples.ee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrdersServletTest {

    @Test
    void noCountSendsOne() {
        assertEquals(1, OrdersServlet.count(null));
        assertEquals(1, OrdersServlet.count(" "));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1000, 1000", "' 7 ', 7", "100000, 100000"})
    void countFromOneToTheMaximumIsTaken(String parameter, int expected) {
        assertEquals(expected, OrdersServlet.count(parameter));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0      | count must be from 1 to 100000, got 0",
            "-5     | count must be from 1 to 100000, got -5",
            "100001 | count must be from 1 to 100000, got 100001",
            "ten    | count must be a whole number, got 'ten'",
            "1.5    | count must be a whole number, got '1.5'"})
    void anotherCountIsRefusedWithTheReason(String parameter, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OrdersServlet.count(parameter));
        assertEquals(reason, refused.getMessage());
    }
}
