package org.dudao.util;

import java.lang.management.ManagementFactory;

/**
 * Start-up profiling marks (docs/performance.md, "Start-up"): with {@code -Ddudao.phases=true} each
 * {@link #mark} prints to standard error how long the process has run and how long since the last
 * mark. Off, a mark is one test of a constant; nothing decides anything on these times.
 */
public final class Phases {
    private static final boolean ON = Boolean.getBoolean("dudao.phases");
    private static long last = System.nanoTime();
    /** The JVM's start on the {@link System#nanoTime} clock, read once (0 until the first mark). */
    private static long jvmStart;

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
        System.err.printf("[phase] %-34s %6d ms since the JVM started, +%5d ms%n", phase, (now - jvmStart) / 1_000_000, (now - last) / 1_000_000);
        // the printing and the first mark's clock are this class's own cost, not the next phase's
        last = System.nanoTime();
    }
}
