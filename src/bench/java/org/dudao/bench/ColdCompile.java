package org.dudao.bench;

import org.dudao.engine.RuleBase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * The first {@code RuleBase.compile} of a fresh JVM, as every command pays it: the main thread's CPU
 * and the wall time, and whether the rule cache answered (docs/performance.md, "Start-up"). Run it
 * with {@code DUDAO_CACHE_DIR=off} for a compile, with a cache folder twice for a miss and a hit.
 */
public final class ColdCompile {
    private ColdCompile() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime(), wall = System.nanoTime();
        RuleBase rules = RuleBase.compile(Path.of(args.length > 0 ? args[0] : "rules"));
        System.out.printf("缓存命中=%s 主线程 CPU %.2f s，挂钟 %.2f s，%d 个指标%n", rules.fromCache(),
                (mx.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, rules.catalogue().size());
    }
}
