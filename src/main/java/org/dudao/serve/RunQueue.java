package org.dudao.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool runs are done on: {@code jobs} at a time, at most {@code capacity} waiting; a run
 * beyond that is refused (the API answers 429), so a flood of uploads never holds more than
 * {@code jobs} runs' data in memory. Each waiting run knows its place in the queue.
 */
public final class RunQueue {
    private final ThreadPoolExecutor pool;
    private final LinkedHashSet<Long> waiting = new LinkedHashSet<>();
    private final int jobs;
    private final int capacity;

    public RunQueue(int jobs, int capacity) {
        this.jobs = Math.max(1, jobs);
        this.capacity = Math.max(1, capacity);
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(this.jobs, this.jobs, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(this.capacity), r -> {
            Thread t = new Thread(r, "dudao-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int jobs() { return jobs; }

    public int capacity() { return capacity; }

    /** Queues the run; false when the queue is full (nothing was queued). */
    public boolean submit(long id, Runnable run) {
        synchronized (waiting) {
            waiting.add(id);
        }
        try {
            pool.execute(() -> {
                synchronized (waiting) {
                    waiting.remove(id);
                }
                run.run();
            });
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (waiting) {
                waiting.remove(id);
            }
            return false;
        }
    }

    /** The run's place in the queue, 1 for the next to start; 0 when it is not waiting. */
    public int position(long id) {
        synchronized (waiting) {
            int i = 1;
            for (long w : waiting) {
                if (w == id) return i;
                i++;
            }
            return 0;
        }
    }

    /** Runs waiting, in order. */
    public List<Long> waiting() {
        synchronized (waiting) {
            return new ArrayList<>(waiting);
        }
    }

    /** Runs being done now. */
    public int active() { return pool.getActiveCount(); }

    /** Stops taking runs and interrupts those going on (their state files say so at the next start). */
    public void shutdown() {
        pool.shutdownNow();
    }
}
