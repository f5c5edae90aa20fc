package org.dudao.util;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Passes what is written on to a stream and takes its SHA-256 and size, the hash on a thread of its
 * own: a report of 190 MB took 1.3-2.5 s of the writing thread's CPU to hash where the launcher runs
 * the JVM on C1 alone (which has no SHA intrinsic), time the report's other threads now overlap. The
 * bytes go to the hashing thread in copies of up to {@link #BLOCK} bytes, at most {@link #QUEUED}
 * waiting, so a slow hash holds the writer back rather than the heap growing.
 */
public final class HashingOutputStream extends FilterOutputStream {
    static final int BLOCK = 1 << 20;
    private static final int QUEUED = 4;

    private record Block(byte[] bytes, int length) {}

    private static final Block END = new Block(new byte[0], 0);

    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(QUEUED);
    /** Blocks hashed, to be filled again rather than a new megabyte of garbage each. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUED + 1);
    private final MessageDigest digest = Sha256.digest();
    private final Thread hasher;
    private byte[] block = new byte[BLOCK];
    private int filled;
    private long size;
    private String sha256;
    private boolean closed;

    public HashingOutputStream(OutputStream out) {
        super(out);
        hasher = new Thread(this::hash, "sha-256");
        hasher.setDaemon(true);
        hasher.start();
    }

    private void hash() {
        try {
            for (Block b; (b = queue.take()) != END; ) {
                digest.update(b.bytes(), 0, b.length());
                free.offer(b.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer was interrupted and has gone: no hash is asked for
        }
    }

    @Override public void write(int b) throws IOException {
        out.write(b);
        if (filled == block.length) handOver();
        block[filled++] = (byte) b;
        size++;
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        size += len;
        while (len > 0) {
            if (filled == block.length) handOver();
            int n = Math.min(len, block.length - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void handOver() throws IOException {
        put(new Block(block, filled));
        block = free.poll();
        if (block == null) block = new byte[BLOCK];
        filled = 0;
    }

    private void put(Block b) throws IOException {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            hasher.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("计算校验和时被中断");
        }
    }

    /** Closes the stream and waits for the hash of everything written. */
    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            out.close();
        } finally {
            if (filled > 0) put(new Block(block, filled));
            put(END);
            try {
                hasher.join();
            } catch (InterruptedException e) {
                hasher.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("计算校验和时被中断");
            }
            sha256 = Sha256.hex(digest);
        }
    }

    /** Bytes written. */
    public long size() { return size; }

    /** The SHA-256 (hex) of everything written; only once closed. */
    public String sha256() {
        if (sha256 == null) throw new IllegalStateException("not closed");
        return sha256;
    }
}
