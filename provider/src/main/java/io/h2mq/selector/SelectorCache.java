package io.h2mq.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled selectors by text, failures included, so that an application creating a consumer per message
 * with the same selector parses it once, and a bad selector submitted again fails fast with the same
 * message.
 *
 * <p>Bounded: when full, an arbitrary entry is dropped before a new one is added. Selectors are cheap to
 * compile, so a miss costs little; the bound only keeps a stream of distinct selectors (ids baked into
 * the text, say) from growing the heap. Reads take no lock. Two threads missing on the same text at once
 * may both compile it; the results are equal and one wins.
 *
 * <p>A failure is cached as its message, and each hit throws a fresh exception: exceptions carry a stack
 * trace and are mutable, so one instance must not be thrown to several callers.
 */
final class SelectorCache {

    /** Compiles one selector text; the cache calls it at most once per text while the entry lives. */
    @FunctionalInterface
    interface Compiler {
        MessageSelector compile(String text) throws InvalidSelectorException;
    }

    private static final class Entry {
        private final MessageSelector selector;
        private final String failure;

        private Entry(MessageSelector selector, String failure) {
            this.selector = selector;
            this.failure = failure;
        }

        MessageSelector selectorOrThrow() throws InvalidSelectorException {
            if (failure != null) {
                throw new InvalidSelectorException(failure);
            }
            return selector;
        }
    }

    private final int capacity;
    private final Compiler compiler;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    SelectorCache(int capacity, Compiler compiler) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.compiler = compiler;
    }

    MessageSelector get(String text) throws InvalidSelectorException {
        Entry entry = entries.get(text);
        if (entry == null) {
            entry = compile(text);
            makeRoom();
            Entry raced = entries.putIfAbsent(text, entry);
            if (raced != null) {
                entry = raced;
            }
        }
        return entry.selectorOrThrow();
    }

    int size() {
        return entries.size();
    }

    private Entry compile(String text) {
        try {
            return new Entry(compiler.compile(text), null);
        } catch (InvalidSelectorException invalid) {
            return new Entry(null, invalid.getMessage());
        }
    }

    private void makeRoom() {
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= capacity && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
