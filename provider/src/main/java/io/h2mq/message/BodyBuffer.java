package io.h2mq.message;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a bytes or stream message: bytes appended in blocks that are never moved, grown or copied once written,
 * so a body of 100 MB costs 100 MB (plus less than one block), not the two to four times a doubling array costs while
 * it grows and is copied out. Blocks start small, so a small body stays small, and double up to {@value #BLOCK}
 * bytes; every later block is {@value #BLOCK} bytes. A body read from a stream of known length ({@link #readFrom})
 * gets blocks of exactly that total size.
 *
 * <p>Append-only: a written byte never changes, which is what makes {@link #snapshot()} free: the snapshot shares the
 * blocks and keeps its length, so later appends to this buffer never show in it. A message that is cleared gets a
 * new buffer; it never empties the old one.
 *
 * <p>Not thread-safe for writing. A snapshot handed to another thread (the group commit's) may be read there while
 * the writer keeps appending, because appends only touch bytes beyond the snapshot's length.
 */
final class BodyBuffer extends OutputStream {
    static final int BLOCK = 64 * 1024;
    static final int FIRST_BLOCK = 256;

    private final List<byte[]> blocks;
    private final boolean frozen;
    private long length;
    /** Bytes used in the last block (only a buffer that is not frozen is written, and it starts empty). */
    private int lastUsed;

    BodyBuffer() {
        this(new ArrayList<>(), 0, false);
    }

    private BodyBuffer(List<byte[]> blocks, long length, boolean frozen) {
        this.blocks = blocks;
        this.length = length;
        this.frozen = frozen;
    }

    /**
     * Reads exactly {@code length} bytes into a new, frozen buffer whose blocks add up to exactly that length.
     *
     * @throws EOFException if the stream ends first
     */
    static BodyBuffer readFrom(InputStream in, long length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("negative body length " + length);
        }
        List<byte[]> blocks = new ArrayList<>((int) ((length + BLOCK - 1) / BLOCK));
        long remaining = length;
        while (remaining > 0) {
            byte[] block = new byte[(int) Math.min(BLOCK, remaining)];
            int n = in.readNBytes(block, 0, block.length);
            if (n < block.length) {
                throw new EOFException("body ended after " + (length - remaining + n) + " of " + length + " bytes");
            }
            blocks.add(block);
            remaining -= n;
        }
        return new BodyBuffer(blocks, length, true);
    }

    long length() {
        return length;
    }

    /** The bytes written so far, sharing this buffer's blocks; frozen, so it cannot be written to. */
    BodyBuffer snapshot() {
        return frozen ? this : new BodyBuffer(new ArrayList<>(blocks), length, true);
    }

    @Override
    public void write(int b) {
        checkWritable();
        if (blocks.isEmpty() || lastUsed == last().length) {
            addBlock(1);
        }
        last()[lastUsed++] = (byte) b;
        length++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        checkWritable();
        while (len > 0) {
            if (blocks.isEmpty() || lastUsed == last().length) {
                addBlock(len);
            }
            int n = Math.min(len, last().length - lastUsed);
            System.arraycopy(b, off, last(), lastUsed, n);
            lastUsed += n;
            length += n;
            off += n;
            len -= n;
        }
    }

    /** Writes every byte of the body to {@code out}, block by block. */
    void writeTo(OutputStream out) throws IOException {
        long remaining = length;
        for (byte[] block : blocks) {
            int n = (int) Math.min(block.length, remaining);
            out.write(block, 0, n);
            remaining -= n;
        }
    }

    /** A copy of the whole body as one array (what {@code getBody(byte[].class)} must return). */
    byte[] toByteArray() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a body of " + length + " bytes does not fit in one byte[]");
        }
        byte[] all = new byte[(int) length];
        int at = 0;
        for (byte[] block : blocks) {
            int n = Math.min(block.length, all.length - at);
            System.arraycopy(block, 0, all, at, n);
            at += n;
        }
        return all;
    }

    /**
     * A reader of the bytes written so far, from the start; independent of other readers. It supports
     * {@code mark}/{@code reset} at any distance, and {@code available()} is exactly the number of bytes left.
     */
    InputStream openStream() {
        return new Reader(length);
    }

    /** Block sizes in order, for tests of the growth policy. */
    List<Integer> blockSizes() {
        return blocks.stream().map(b -> b.length).toList();
    }

    private byte[] last() {
        return blocks.get(blocks.size() - 1);
    }

    /** Doubles the block size up to BLOCK, or goes straight to what a large write needs (up to BLOCK). */
    private void addBlock(int pending) {
        int doubled = blocks.isEmpty() ? FIRST_BLOCK : last().length * 2;
        blocks.add(new byte[Math.min(BLOCK, Math.max(doubled, pending))]);
        lastUsed = 0;
    }

    private void checkWritable() {
        if (frozen) {
            throw new IllegalStateException("this body buffer is frozen (a snapshot or a received body)");
        }
    }

    private final class Reader extends InputStream {
        private final long limit;
        private long position;
        private int block;
        private int offset;
        private long markPosition;
        private int markBlock;
        private int markOffset;

        Reader(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            if (position >= limit) {
                return -1;
            }
            skipFullBlock();
            position++;
            return blocks.get(block)[offset++] & 0xFF;
        }

        /** Fills {@code b} from as many blocks as it takes: only the end of the body makes a read short. */
        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position >= limit) {
                return -1;
            }
            int total = (int) Math.min(len, limit - position);
            int left = total;
            while (left > 0) {
                skipFullBlock();
                byte[] current = blocks.get(block);
                int n = Math.min(left, current.length - offset);
                System.arraycopy(current, offset, b, off, n);
                offset += n;
                off += n;
                left -= n;
            }
            position += total;
            return total;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, limit - position));
            long left = skipped;
            while (left > 0) {
                skipFullBlock();
                int step = (int) Math.min(left, blocks.get(block).length - offset);
                offset += step;
                left -= step;
            }
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, limit - position);
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            markPosition = position;
            markBlock = block;
            markOffset = offset;
        }

        @Override
        public void reset() {
            position = markPosition;
            block = markBlock;
            offset = markOffset;
        }

        private void skipFullBlock() {
            if (offset == blocks.get(block).length) {
                block++;
                offset = 0;
            }
        }
    }
}
