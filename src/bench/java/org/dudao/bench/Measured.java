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
 * line on stderr: wall time, process CPU, peak heap (the sum of the heap pools' peaks, as the
 * garbage collector saw them), and the peak resident set size (VmHWM from /proc/self/status).
 * {@link BenchRunner} starts it in a fresh JVM with the heap it wants measured (e.g. -Xmx1g).
 */
public final class Measured {
    private Measured() {}

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        int code = Main.run(System.out, System.err, args);
        long wall = System.nanoTime() - start;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.err.println("bench.exit=" + code);
        System.err.println("bench.wallMs=" + wall / 1_000_000);
        System.err.println("bench.cpuMs=" + os.getProcessCpuTime() / 1_000_000);
        System.err.println("bench.peakHeapMB=" + peakHeap() / (1 << 20));
        System.err.println("bench.vmHwmMB=" + vmHwmKb() / 1024);
        System.exit(code);
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
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
