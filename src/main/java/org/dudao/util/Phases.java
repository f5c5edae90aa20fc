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

    private Phases() {}

    public static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        // the JVM's own clock: the process's start time in /proc is too coarse for a start-up of a second
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.err.printf("[phase] %-34s %6d ms since the JVM started, +%5d ms%n", phase, uptime, (now - last) / 1_000_000);
        last = now;
    }
}
