package io.h2mq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.h2mq.testing.TestStores;
import io.h2mq.store.BranchId;
import io.h2mq.store.Depth;
import io.h2mq.store.EndpointKeys;
import io.h2mq.store.EndpointKind;
import io.h2mq.store.EndpointSpec;
import io.h2mq.store.EntryRef;
import io.h2mq.store.LargeBody;
import io.h2mq.store.MessageStore;
import io.h2mq.store.NewMessage;
import io.h2mq.store.StoreSettings;
import io.h2mq.store.StoredEntry;
import io.h2mq.store.WriteBatch;

/** Bodies stored apart from the message's row: streamed in, read only on request, copied inside the database. */
class LargeBodyStoreTest {
    private static final byte[] HEAD = {7, 7, 7};

    @TempDir
    Path dir;

    MessageStore store;
    long queue;

    @BeforeEach
    void open() {
        store = JdbcMessageStores.open(new StoreSettings(TestStores.url(dir), null, null, 4));
        queue = store.createEndpoint(new EndpointSpec(EndpointKeys.queue("q"), EndpointKind.QUEUE, "q", null, null,
                null, false, false, false, null, null)).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static byte[] body(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 13 + i / 1000);
        }
        return bytes;
    }

    private NewMessage streamed(byte[] body, AtomicInteger opened) {
        return new NewMessage(HEAD, new LargeBody.Streamed(body.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(body);
        }), List.of(new NewMessage.Target(queue, 4, 0, 0)));
    }

    private byte[] readBody(long messageId) {
        AtomicReference<byte[]> read = new AtomicReference<>();
        boolean found = store.readLargeBody(messageId, (in, length) -> {
            read.set(in.readAllBytes());
            assertEquals(length, read.get().length);
        });
        assertTrue(found, "message " + messageId + " has a body apart");
        return read.get();
    }

    @Test
    void peekReadsTheHeadOnlyAndCountsTheWholeSize() {
        byte[] body = body(1_000_000);
        store.write(new WriteBatch().send(streamed(body, new AtomicInteger())));
        StoredEntry entry = store.peek(queue, 0, null, 10).get(0);
        assertArrayEquals(HEAD, entry.body());
        assertEquals(HEAD.length + body.length, entry.size());
        assertEquals(new Depth(1, HEAD.length + body.length), store.depthOf(queue));
    }

    @Test
    void bodyApartIsStreamedBackWhole() {
        byte[] body = body(700_000);
        store.write(new WriteBatch().send(streamed(body, new AtomicInteger())));
        assertArrayEquals(body, readBody(store.peek(queue, 0, null, 1).get(0).messageId()));
    }

    @Test
    void eachWriteOpensItsOwnStreamSoARetryStoresTheWholeBodyAgain() {
        byte[] body = body(300_000);
        AtomicInteger opened = new AtomicInteger();
        NewMessage message = streamed(body, opened);
        store.write(new WriteBatch().send(message));
        store.write(new WriteBatch().send(message));
        assertEquals(2, opened.get());
        for (StoredEntry entry : store.peek(queue, 0, null, 10)) {
            assertArrayEquals(body, readBody(entry.messageId()));
        }
    }

    @Test
    void copyMadeInTheDatabaseOutlivesTheAcknowledgedOriginal() {
        byte[] body = body(400_000);
        store.write(new WriteBatch().send(streamed(body, new AtomicInteger())));
        StoredEntry original = store.peek(queue, 0, null, 1).get(0);
        long dlq = store.createEndpoint(new EndpointSpec(EndpointKeys.queue("DLQ"), EndpointKind.QUEUE, "DLQ", null,
                null, null, false, false, false, null, null)).id();
        byte[] newHead = {9};
        NewMessage copy = new NewMessage(newHead, new LargeBody.CopiedFrom(original.messageId(), body.length),
                List.of(new NewMessage.Target(dlq, 4, 0, 0)));
        store.write(new WriteBatch().send(copy).acknowledge(new EntryRef(original.entryId(), original.messageId(),
                queue, original.size())));
        assertFalse(store.readLargeBody(original.messageId(), (in, length) -> { }), "the original is deleted");
        StoredEntry moved = store.peek(dlq, 0, null, 1).get(0);
        assertArrayEquals(newHead, moved.body());
        assertEquals(1 + body.length, moved.size());
        assertArrayEquals(body, readBody(moved.messageId()));
        assertEquals(new Depth(0, 0), store.depthOf(queue));
        assertEquals(new Depth(1, 1 + body.length), store.depthOf(dlq));
    }

    @Test
    void copyOfAMessageThatIsGoneIsNotStored() {
        NewMessage copy = new NewMessage(HEAD, new LargeBody.CopiedFrom(424242, 10),
                List.of(new NewMessage.Target(queue, 4, 0, 0)));
        store.write(new WriteBatch().send(copy));
        assertTrue(store.peek(queue, 0, null, 10).isEmpty());
        assertEquals(new Depth(0, 0), store.depthOf(queue));
    }

    @Test
    void messageWithItsBodyInTheHeadHasNoBodyApart() {
        store.write(new WriteBatch().send(new NewMessage(HEAD, List.of(new NewMessage.Target(queue, 4, 0, 0)))));
        long messageId = store.peek(queue, 0, null, 1).get(0).messageId();
        assertFalse(store.readLargeBody(messageId, (in, length) -> { }));
        assertFalse(store.readLargeBody(messageId + 1000, (in, length) -> { }), "no such message");
    }

    @Test
    void preparedBranchKeepsItsLargeSendHiddenUntilCommitAndRollbackDropsIt() {
        byte[] body = body(500_000);
        BranchId committed = new BranchId(1, new byte[] {1}, new byte[] {1});
        store.prepare(committed, "node-a", List.of(streamed(body, new AtomicInteger())), List.of());
        assertTrue(store.peek(queue, 0, null, 10).isEmpty(), "invisible while prepared");
        assertEquals(new Depth(1, HEAD.length + body.length), store.depthOf(queue), "its room is reserved");
        store.commitPrepared(committed);
        assertArrayEquals(body, readBody(store.peek(queue, 0, null, 1).get(0).messageId()));

        BranchId rolledBack = new BranchId(1, new byte[] {2}, new byte[] {2});
        store.prepare(rolledBack, "node-a", List.of(streamed(body, new AtomicInteger())), List.of());
        store.rollbackPrepared(rolledBack);
        assertEquals(1, store.peek(queue, 0, null, 10).size());
        assertEquals(new Depth(1, HEAD.length + body.length), store.depthOf(queue));
    }
}
