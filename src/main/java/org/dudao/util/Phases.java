package org.dudao.util;

import java.time.Duration;
import java.time.Instant;

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
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        System.err.printf("[phase] %-34s %6d ms since start, +%5d ms%n", phase, sinceStart, (now - last) / 1_000_000);
        last = now;
    }
}
