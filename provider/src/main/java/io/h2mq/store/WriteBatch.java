package io.h2mq.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Work committed together: a transacted session's sends and acknowledgements, or a single send.
 * Not thread-safe; build it on one thread and hand it to {@link MessageStore#write}.
 */
public final class WriteBatch {
    private final List<NewMessage> messages = new ArrayList<>();
    private final List<EntryRef> acknowledged = new ArrayList<>();
    private final List<Long> redelivered = new ArrayList<>();
    private final List<Long> returned = new ArrayList<>();

    public WriteBatch send(NewMessage message) {
        messages.add(message);
        return this;
    }

    /** The entry was consumed: delete it. */
    public WriteBatch acknowledge(EntryRef entry) {
        acknowledged.add(entry);
        return this;
    }

    /** The entry was delivered but not consumed: make it ready again, marked redelivered. */
    public WriteBatch redeliver(long entryId) {
        redelivered.add(entryId);
        return this;
    }

    /** The entry was claimed but never delivered: make it ready again as it was. */
    public WriteBatch giveBack(long entryId) {
        returned.add(entryId);
        return this;
    }

    public List<NewMessage> messages() {
        return messages;
    }

    public List<EntryRef> acknowledged() {
        return acknowledged;
    }

    public List<Long> redelivered() {
        return redelivered;
    }

    public List<Long> returned() {
        return returned;
    }

    public boolean isEmpty() {
        return messages.isEmpty() && acknowledged.isEmpty() && redelivered.isEmpty() && returned.isEmpty();
    }
}
