package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatFormatTest {
    @Test
    void agesUseTheTwoLargestUnits() {
        long now = 1_000_000_000_000L;
        assertEquals("-", Ages.since(-1, now));
        assertEquals("0s", Ages.since(now + 500, now));
        assertEquals("42s", Ages.since(now - 42_000, now));
        assertEquals("3m07s", Ages.since(now - 187_000, now));
        assertEquals("2h05m", Ages.since(now - (2 * 3600 + 5 * 60) * 1000L, now));
        assertEquals("3d04h", Ages.since(now - (3 * 86_400 + 4 * 3600) * 1000L, now));
    }

    @Test
    void figureColumnsAreRightAlignedAndTextColumnsLeftAligned() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String[]> rows = List.of(new String[] {"KIND", "NAME", "DEPTH", "OLDEST"},
                new String[] {"queue", "orders", "12000", "3m07s"},
                new String[] {"subscription", "p", "0", "-"});

        new Table(rows, 2).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals("""
                KIND          NAME    DEPTH  OLDEST
                queue         orders  12000   3m07s
                subscription  p           0       -
                """, bytes.toString(StandardCharsets.UTF_8));
    }
}
