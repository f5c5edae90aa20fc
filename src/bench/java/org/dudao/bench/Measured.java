package org.dudao.bench;

import org.dudao.cli.Main;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the dudao command line in this JVM and then prints what it cost, one {@code key=value} a
 * line on stderr: wall time, process CPU, peak heap (the sum of the heap pools' peaks: an upper
 * bound), the peak live heap (the most in use right after a collection), and the peak resident set
 * size (VmHWM from /proc/self/status).
 * {@link BenchRunner} starts it in a fresh JVM with the heap it wants measured (e.g. -Xmx1g).
 */
public final class Measured {
    private Measured() {}

    public static void main(String[] args) throws IOException {
        listenToCollections();
        long start = System.nanoTime();
        int code = Main.run(System.out, System.err, args);
        long wall = System.nanoTime() - start;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.err.println("bench.exit=" + code);
        System.err.println("bench.wallMs=" + wall / 1_000_000);
        System.err.println("bench.cpuMs=" + os.getProcessCpuTime() / 1_000_000);
        // the main thread's share: compiling, the report, anything not on the evaluation pool (serial)
        System.err.println("bench.mainCpuMs=" + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        System.err.println("bench.peakHeapMB=" + peakHeap() / (1 << 20));
        System.err.println("bench.peakLiveMB=" + peakLive / (1 << 20));
        System.err.println("bench.gcCount=" + collections);
        System.err.println("bench.vmHwmMB=" + vmHwmKb() / 1024);
        System.err.println("bench.cpuByThread=" + cpuByThread());
        System.exit(code);
    }

    private static volatile long peakLive;
    private static volatile long collections;

    /** After every collection: the heap in use once it is done (the live set, as near as the JVM tells it). */
    private static void listenToCollections() {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, handback) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPool(e.getKey())) used += e.getValue().getUsed();
                }
                collections++;
                if (used > peakLive) peakLive = used;
            }, null, null);
        }
    }

    private static boolean heapPool(String name) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(name)) return p.getType() == MemoryType.HEAP;
        }
        return false;
    }

    /** The sum of each heap pool's peak: an upper bound (the pools peak at different times), capped by -Xmx. */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /**
     * CPU seconds by kind of thread, from /proc/self/task (threads still alive at the end: the
     * evaluation pool's are gone by then and count in "other" only while they live): the JIT
     * compilers, the garbage collector, the main thread, the rest.
     */
    static String cpuByThread() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return "n/a";
        long tick = 100; // USER_HZ on Linux
        java.util.Map<String, Long> by = new java.util.TreeMap<>();
        try (var s = Files.list(tasks)) {
            for (Path t : s.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    String kind = comm.startsWith("C2 ") || comm.startsWith("C1 ") ? "jit"
                            : comm.startsWith("GC ") || comm.startsWith("G1 ") || comm.startsWith("VM Thread") ? "gc"
                            : comm.equals("java") || comm.equals("main") ? "main" : "other";
                    by.merge(kind, ticks, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        }
        StringBuilder b = new StringBuilder();
        by.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append(':').append(String.format("%.1f", v / (double) tick)));
        return b.toString();
    }

    /** Peak resident set size in kB, or -1 where /proc is not there. */
    static long vmHwmKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return -1;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
