package io.h2mq.store;

/** A position in an endpoint's delivery order (priority descending, then entry id ascending). */
public record Cursor(int priority, long entryId) {
    public static Cursor after(StoredEntry entry) {
        return new Cursor(entry.priority(), entry.entryId());
    }
}
