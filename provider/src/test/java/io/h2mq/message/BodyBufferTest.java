package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

class BodyBufferTest {
    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + i / 251);
        }
        return bytes;
    }

    @Test
    void blocksDoubleFromSmallUpToTheFixedBlockSizeAndThenStayThere() {
        BodyBuffer buffer = new BodyBuffer();
        for (int i = 0; i < 300_000; i++) {
            buffer.write(i);
        }
        List<Integer> sizes = buffer.blockSizes();
        assertEquals(List.of(256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536), sizes.subList(0, 9));
        assertTrue(sizes.subList(9, sizes.size()).stream().allMatch(s -> s == BodyBuffer.BLOCK), sizes::toString);
        assertEquals(300_000, buffer.length());
    }

    @Test
    void aLargeWriteGoesStraightToFullBlocks() {
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(pattern(3 * BodyBuffer.BLOCK), 0, 3 * BodyBuffer.BLOCK);
        assertEquals(List.of(BodyBuffer.BLOCK, BodyBuffer.BLOCK, BodyBuffer.BLOCK), buffer.blockSizes());
    }

    @Test
    void smallBodyStaysInOneSmallBlock() {
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(pattern(100), 0, 100);
        assertEquals(List.of(BodyBuffer.FIRST_BLOCK), buffer.blockSizes());
    }

    @Test
    void emptyBufferHasNoBlockAndReadsAsEndOfStream() throws IOException {
        BodyBuffer buffer = new BodyBuffer();
        assertEquals(List.of(), buffer.blockSizes());
        assertEquals(-1, buffer.openStream().read());
        assertEquals(-1, buffer.openStream().read(new byte[4], 0, 4));
        assertEquals(0, buffer.toByteArray().length);
    }

    @Test
    void bytesReadBackAcrossBlockBoundariesAreTheBytesWritten() throws IOException {
        byte[] data = pattern(200_000);
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(data, 0, 1000);
        buffer.write(data[1000]);
        buffer.write(data, 1001, data.length - 1001);
        assertArrayEquals(data, buffer.openStream().readAllBytes());
        assertArrayEquals(data, buffer.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        buffer.writeTo(out);
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void aReadFillsTheWholeArrayAcrossBlocksUnlessTheBodyEnds() throws IOException {
        byte[] data = pattern(3 * BodyBuffer.BLOCK + 17);
        BodyBuffer buffer = BodyBuffer.readFrom(new ByteArrayInputStream(data), data.length);
        InputStream in = buffer.openStream();
        byte[] chunk = new byte[2 * BodyBuffer.BLOCK + 5];
        assertEquals(chunk.length, in.read(chunk, 0, chunk.length));
        assertEquals(data.length - chunk.length, in.available());
        assertEquals(data.length - chunk.length, in.read(chunk, 0, chunk.length));
        assertEquals(-1, in.read(chunk, 0, chunk.length));
    }

    @Test
    void readFromGetsExactlySizedBlocks() throws IOException {
        byte[] data = pattern(2 * BodyBuffer.BLOCK + 10);
        BodyBuffer buffer = BodyBuffer.readFrom(new ByteArrayInputStream(data), data.length);
        assertEquals(List.of(BodyBuffer.BLOCK, BodyBuffer.BLOCK, 10), buffer.blockSizes());
        assertArrayEquals(data, buffer.openStream().readAllBytes());
    }

    @Test
    void readFromAStreamThatEndsEarlyIsAnEOFException() {
        EOFException e = assertThrows(EOFException.class,
                () -> BodyBuffer.readFrom(new ByteArrayInputStream(new byte[10]), 11));
        assertTrue(e.getMessage().contains("10 of 11"), e.getMessage());
    }

    @Test
    void readFromLeavesTheRestOfTheStreamUnread() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(pattern(100));
        BodyBuffer.readFrom(in, 60);
        assertEquals(40, in.available());
    }

    @Test
    void aReceivedBodyIsFrozen() throws IOException {
        BodyBuffer buffer = BodyBuffer.readFrom(new ByteArrayInputStream(new byte[3]), 3);
        assertThrows(IllegalStateException.class, () -> buffer.write(1));
    }

    @Test
    void snapshotSharesTheBlocksAndIgnoresLaterAppends() throws IOException {
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(pattern(100), 0, 100);
        BodyBuffer snapshot = buffer.snapshot();
        buffer.write(pattern(500), 0, 500);
        assertEquals(100, snapshot.length());
        assertArrayEquals(pattern(100), snapshot.openStream().readAllBytes());
        assertThrows(IllegalStateException.class, () -> snapshot.write(1));
        assertEquals(600, buffer.length());
    }

    @Test
    void resetGoesBackToTheMarkEvenAcrossBlocks() throws IOException {
        byte[] data = pattern(3 * BodyBuffer.BLOCK);
        BodyBuffer buffer = BodyBuffer.readFrom(new ByteArrayInputStream(data), data.length);
        DataInputStream in = new DataInputStream(buffer.openStream());
        in.skipNBytes(BodyBuffer.BLOCK - 2);
        in.mark(0);
        int across = in.readInt();
        in.skipNBytes(BodyBuffer.BLOCK);
        in.reset();
        assertEquals(across, in.readInt());
        assertEquals(data[BodyBuffer.BLOCK + 2], in.readByte());
    }

    @Test
    void readersAreIndependentOfEachOther() throws IOException {
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(pattern(10), 0, 10);
        InputStream first = buffer.openStream();
        first.skip(5);
        assertEquals(pattern(10)[0], (byte) buffer.openStream().read());
        assertEquals(pattern(10)[5], (byte) first.read());
    }

    @Test
    void skipStopsAtTheEnd() throws IOException {
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(pattern(10), 0, 10);
        InputStream in = buffer.openStream();
        assertEquals(10, in.skip(100));
        assertEquals(0, in.available());
        assertEquals(-1, in.read());
    }
}
