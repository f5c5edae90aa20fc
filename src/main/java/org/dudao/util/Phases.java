package org.dudao.util;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Start-up profiling marks (docs/performance.md, "Start-up"): with {@code -Ddudao.phases=true} each
 * {@link #mark} prints to standard error how long the process has run and how long since the last
 * mark, and what the phase cost the process in CPU (all threads), in collector time and in the JIT's
 * compile time: on a shared machine the CPU moves much less than the wall clock. Off, a mark is one
 * test of a constant; nothing decides anything on these times.
 */
public final class Phases {
    private static final boolean ON = Boolean.getBoolean("dudao.phases");
    private static long last = System.nanoTime();
    /** The JVM's start on the {@link System#nanoTime} clock, read once (0 until the first mark). */
    private static long jvmStart;
    /** Process CPU, collector and compile time (ms) at the last mark. */
    private static long lastCpu;
    private static long lastGc;
    private static long lastJit;

    private Phases() {}

    public static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        if (jvmStart == 0) {
            // the JVM's own clock (the process's start time in /proc is too coarse for a start-up of a
            // second), asked once: the management classes it loads take tens of milliseconds, which the
            // next phase must not be charged with
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            jvmStart = System.nanoTime() - uptime * 1_000_000;
        }
        long cpu = processCpu(), gc = gcTime(), jit = jitTime();
        System.err.println(line(phase, (now - jvmStart) / 1_000_000, (now - last) / 1_000_000, cpu - lastCpu, gc - lastGc, jit - lastJit));
        lastCpu = cpu;
        lastGc = gc;
        lastJit = jit;
        // the printing and the first mark's clock are this class's own cost, not the next phase's
        last = System.nanoTime();
    }

    /** One mark's line: the phase, the wall clock since the JVM's start and since the last mark, and the phase's CPU, GC and JIT time (ms). */
    static String line(String phase, long sinceStart, long wall, long cpu, long gc, long jit) {
        return String.format("[phase] %-34s %6d ms since the JVM started, +%5d ms; CPU +%5d ms (GC +%4d ms, JIT +%5d ms)", phase, sinceStart,
                wall, cpu, gc, jit);
    }

    /** The process's CPU time in ms, user and system, all threads; 0 where the JVM does not tell. */
    static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime() / 1_000_000) : 0;
    }

    private static long gcTime() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    /** The compilers' accumulated time in ms (their threads' elapsed time compiling). */
    private static long jitTime() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
