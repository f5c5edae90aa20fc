package org.dudao.engine;

import org.dudao.model.Tally;
import org.dudao.model.Verdict;
import org.dudao.util.TempFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Where the verdicts of a run wait for the report. A run gives its verdicts in blocks (a county's,
 * as its partition finishes); the first blocks are held in memory, and once they hold more than a
 * set number of items the later blocks go to a temporary file, so a national run's three million
 * verdicts (with their evidence) do not have to fit in the heap. {@link #sequence} then lines the
 * blocks up in report order as a read-only list that reads a block from disk when it gets to it.
 * <p>
 * On disk a block is {@link VerdictCodec}'s binary form (exact decimals, the strings a block repeats
 * written once). The file is deleted
 * when the store and every list read from it are no longer used, or when the JVM exits.
 */
public final class VerdictStore {
    /**
     * How many items are held in memory before blocks go to disk. An item is a verdict, one of its
     * evidence values or one of its named children (with its cells): a county's roll-up may name
     * thousands of schools, so counting verdicts alone says little about memory. An item takes
     * roughly 150–250 bytes, so this is some tens of MB: far more than a province's report needs. In a
     * small heap it is a 16th of the heap instead (at 200 bytes an item), so that the verdicts held do
     * not crowd out the data of the part being evaluated (issue 17's workbook read in parts in 64 MB).
     */
    public static final long DEFAULT_HELD = Math.min(200_000, Runtime.getRuntime().maxMemory() / 16 / 200);
    /** System property overriding {@link #DEFAULT_HELD}: {@code -Ddudao.verdicts.held=0} sends every block to disk. */
    public static final String HELD_PROPERTY = "dudao.verdicts.held";

    private static final Cleaner CLEANER = Cleaner.create();
    private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "verdicts-read-ahead");
        t.setDaemon(true);
        return t;
    });

    private final long heldLimit;
    private final Path dir;
    private long held;
    private Spill spill;

    /** A store holding at most {@code heldLimit} items in memory (see {@link #DEFAULT_HELD}), spilling the rest to a file in {@code dir}. */
    public VerdictStore(long heldLimit, Path dir) {
        this.heldLimit = heldLimit;
        this.dir = dir;
    }

    /** A store with the limit of {@link #HELD_PROPERTY} (else {@link #DEFAULT_HELD}) spilling to the system's temporary folder. */
    public static VerdictStore create() {
        return new VerdictStore(Long.getLong(HELD_PROPERTY, DEFAULT_HELD), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A block of verdicts, in memory or in the store's file, with its counts. */
    public static final class Block {
        private final List<Verdict> verdicts;
        private final Spill spill;
        private final long offset;
        private final int bytes;
        private final int size;
        private final Tally tally;

        private Block(List<Verdict> verdicts, Spill spill, long offset, int bytes, int size, Tally tally) {
            this.verdicts = verdicts;
            this.spill = spill;
            this.offset = offset;
            this.bytes = bytes;
            this.size = size;
            this.tally = tally;
        }

        public int size() { return size; }

        public boolean onDisk() { return verdicts == null; }

        List<Verdict> read() {
            return verdicts != null ? verdicts : spill.read(offset, bytes, size);
        }
    }

    /** A block that stays in memory whatever the store's limit: for the few verdicts of the regions above the counties. */
    public static Block held(List<Verdict> verdicts) {
        return new Block(List.copyOf(verdicts), null, 0, 0, verdicts.size(), Tally.of(verdicts));
    }

    /** Keeps a block: in memory while the limit allows, else on disk. Safe to call from several threads. */
    public Block add(List<Verdict> verdicts) {
        long items = items(verdicts);
        synchronized (this) {
            if (held + items <= heldLimit) {
                held += items;
                return held(verdicts);
            }
        }
        byte[] encoded = VerdictCodec.encode(verdicts); // outside the lock: encoding is the work, appending is quick
        Spill s;
        synchronized (this) {
            if (spill == null) spill = Spill.open(dir);
            s = spill;
        }
        long offset = s.append(encoded);
        return new Block(null, s, offset, encoded.length, verdicts.size(), Tally.of(verdicts));
    }

    /** The blocks' verdicts one after the other, as a read-only list; its tally is the blocks' counts summed. */
    public static List<Verdict> sequence(List<Block> blocks) {
        return new Sequence(List.copyOf(blocks));
    }

    /**
     * The verdicts in consecutive chunks, in order, each read when asked for: a store's blocks for a
     * list from {@link #sequence}, else chunks of {@code size} taken from one iteration of the list.
     * Lets a report writer work on several chunks at once and still write them in order.
     */
    public static Iterator<Supplier<List<Verdict>>> chunks(List<Verdict> verdicts, int size) {
        if (verdicts instanceof Sequence s) {
            return s.blocks.stream().filter(b -> b.size > 0).map(b -> (Supplier<List<Verdict>>) b::read).iterator();
        }
        Iterator<Verdict> all = verdicts.iterator();
        return new Iterator<>() {
            @Override public boolean hasNext() { return all.hasNext(); }

            @Override public Supplier<List<Verdict>> next() {
                List<Verdict> chunk = new ArrayList<>(size);
                while (chunk.size() < size && all.hasNext()) chunk.add(all.next());
                if (chunk.isEmpty()) throw new NoSuchElementException();
                return () -> chunk;
            }
        };
    }

    /** Items held in memory so far (see {@link #DEFAULT_HELD}). */
    public synchronized long held() { return held; }

    /** A block's size in items: each verdict, its evidence values, its named children and their cells. */
    static long items(List<Verdict> verdicts) {
        long n = 0;
        for (Verdict v : verdicts) {
            n += 1 + v.getEvidence().size() + v.getChildren().size();
            for (var c : v.getChildren()) n += c.cells().size();
        }
        return n;
    }

    /** Bytes written to disk so far (0 when nothing was spilled). */
    public synchronized long spilledBytes() { return spill == null ? 0 : spill.size(); }

    /** The temporary file a store's blocks go to; closed and deleted once nothing reads it any more. */
    private static final class Spill {
        private final Path file;
        private final FileChannel channel;
        private long size;

        private Spill(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        static Spill open(Path dir) {
            try {
                Path file = TempFiles.create(dir, "verdicts", "bin");
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Spill s = new Spill(file, channel);
                CLEANER.register(s, () -> {
                    try {
                        channel.close();
                        TempFiles.delete(file);
                    } catch (IOException ignored) {
                        // TempFiles deletes it at shutdown
                    }
                });
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("无法在 " + dir + " 创建暂存结论的临时文件（可用 -Djava.io.tmpdir=目录 指定别处）：" + e.getMessage(), e);
            }
        }

        synchronized long size() { return size; }

        synchronized long append(byte[] bytes) {
            long at = size;
            try {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) channel.write(b, at + b.position());
            } catch (IOException e) {
                throw new UncheckedIOException("暂存结论写入临时文件 " + file + " 失败（磁盘已满？可用 -Djava.io.tmpdir=目录 指定别处）："
                        + e.getMessage(), e);
            }
            size += bytes.length;
            return at;
        }

        List<Verdict> read(long offset, int bytes, int count) {
            try {
                ByteBuffer b = ByteBuffer.allocate(bytes);
                while (b.hasRemaining()) {
                    if (channel.read(b, offset + b.position()) < 0) throw new IOException("文件比记录的短");
                }
                List<Verdict> out = VerdictCodec.decode(b.array());
                if (out.size() != count) throw new IOException("暂存块应有 " + count + " 条结论，读到 " + out.size() + " 条");
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("读回暂存结论失败（临时文件 " + file + "，偏移 " + offset + "）：" + e.getMessage(), e);
            }
        }
    }

    /** The block read ahead, its failure as the read's own (an {@link UncheckedIOException} naming the file). */
    private static List<Verdict> joined(CompletableFuture<List<Verdict>> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }

    /** Blocks in order as one read-only list: iteration reads each block once; {@code get} keeps the last block read. */
    private static final class Sequence extends AbstractList<Verdict> implements Tally.Counted {
        private final List<Block> blocks;
        private final long[] starts;
        private final int size;
        private final Tally tally = new Tally();
        private volatile Cached last;

        private record Cached(int block, List<Verdict> verdicts) {}

        Sequence(List<Block> blocks) {
            this.blocks = blocks;
            this.starts = new long[blocks.size()];
            long n = 0;
            for (int i = 0; i < blocks.size(); i++) {
                starts[i] = n;
                n += blocks.get(i).size;
                tally.addAll(blocks.get(i).tally);
            }
            this.size = Math.toIntExact(n);
        }

        @Override public int size() { return size; }

        @Override public Tally tally() { return tally; }

        @Override public Verdict get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            int lo = 0, hi = starts.length - 1;
            while (lo < hi) { // the last block starting at or before index: never an empty one, as the next starts there too
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= index) lo = mid;
                else hi = mid - 1;
            }
            Cached c = last;
            if (c == null || c.block != lo) {
                c = new Cached(lo, blocks.get(lo).read());
                last = c;
            }
            return c.verdicts.get((int) (index - starts[lo]));
        }

        /**
         * Reads the next blocks from disk while the caller works through the current one, as many at
         * a time as there are cores: decoding is most of a pass over a national run's verdicts.
         */
        @Override public Iterator<Verdict> iterator() {
            return new Iterator<>() {
                private final int window = Math.max(1, Runtime.getRuntime().availableProcessors());
                private final ArrayDeque<CompletableFuture<List<Verdict>>> ahead = new ArrayDeque<>();
                private int requested;
                private Iterator<Verdict> current = Collections.emptyIterator();

                @Override public boolean hasNext() {
                    while (!current.hasNext()) {
                        while (requested < blocks.size() && ahead.size() < window) {
                            Block b = blocks.get(requested++);
                            ahead.add(b.onDisk() ? CompletableFuture.supplyAsync(b::read, READ_AHEAD) : CompletableFuture.completedFuture(b.verdicts));
                        }
                        if (ahead.isEmpty()) return false;
                        current = joined(ahead.poll()).iterator();
                    }
                    return true;
                }

                @Override public Verdict next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    return current.next();
                }
            };
        }
    }
}
