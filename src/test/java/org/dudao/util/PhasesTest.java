package org.dudao.util;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A phase's mark says its CPU beside its wall clock: on a shared machine the CPU is the figure to compare. */
class PhasesTest {
    @Test
    void a_mark_gives_the_phase_its_wall_clock_cpu_collector_and_compile_time() {
        assertThat(Phases.line("evaluated", 7575, 4294, 7240, 1665, 1496))
                .isEqualTo("[phase] evaluated                            7575 ms since the JVM started, + 4294 ms; CPU + 7240 ms (GC +1665 ms, JIT + 1496 ms)");
    }

    @Test
    void the_process_cpu_is_read_from_the_jvm() {
        long spent = Phases.processCpu();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) sum += Integer.toString(i).length(); // some CPU of this thread
        assertThat(sum).isPositive();
        assertThat(Phases.processCpu()).isGreaterThan(0).isGreaterThanOrEqualTo(spent);
    }
}
