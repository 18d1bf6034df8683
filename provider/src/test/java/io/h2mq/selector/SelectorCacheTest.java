package io.h2mq.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.InvalidSelectorException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SelectorCacheTest {

    private final AtomicInteger compilations = new AtomicInteger();

    private final SelectorCache cache = new SelectorCache(3, text -> {
        compilations.incrementAndGet();
        if (text.startsWith("bad")) {
            throw new InvalidSelectorException("cannot compile " + text);
        }
        return MessageSelector.compile(text);
    });

    @Test
    void hitDoesNotCompileAgain() throws InvalidSelectorException {
        MessageSelector first = cache.get("a = 1");
        assertSame(first, cache.get("a = 1"));
        assertEquals(1, compilations.get());
    }

    @Test
    void failureIsCachedAndRethrownWithTheSameMessage() {
        InvalidSelectorException first = assertThrows(InvalidSelectorException.class, () -> cache.get("bad one"));
        InvalidSelectorException second = assertThrows(InvalidSelectorException.class, () -> cache.get("bad one"));
        assertEquals("cannot compile bad one", first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(1, compilations.get());
    }

    @Test
    void sizeStaysWithinCapacity() throws InvalidSelectorException {
        for (int i = 0; i < 100; i++) {
            cache.get("a = " + i);
            assertEquals(true, cache.size() <= 3, "size " + cache.size());
        }
        assertEquals(100, compilations.get());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SelectorCache(0, MessageSelector::compile));
    }
}
