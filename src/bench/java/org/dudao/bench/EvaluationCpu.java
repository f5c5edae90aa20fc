package org.dudao.bench;

import org.dudao.engine.Evaluator;
import org.dudao.engine.Facts;
import org.dudao.engine.Partition;
import org.dudao.engine.RuleBase;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The evaluation alone, on one thread, as docs/performance.md's “Evaluation CPU, second round” measures
 * it: the workbooks loaded once, then every partition through {@link Evaluator#evaluate(Partition, Facts, int)}
 * on this thread, {@code reps} times; prints each repetition's thread CPU, wall time and bytes allocated,
 * then the median and lowest CPU of the warm repetitions (the first two left out). Figures, not pass/fail:
 * <pre>
 * EvaluationCpu RULES REPS WORKBOOK...
 * </pre>
 */
public final class EvaluationCpu {
    private EvaluationCpu() {}

    public static void main(String[] args) throws Exception {
        Path rulesDir = Path.of(args[0]);
        int reps = Integer.parseInt(args[1]);
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) files.add(Path.of(args[i]));
        RuleBase rules = RuleBase.compile(rulesDir);
        Dataset data = new WorkbookLoader(rules.dictionary()).load(files).dataset();
        int year = Evaluator.latestYear(data);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            System.gc();
            long c0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime(), a0 = threads.getThreadAllocatedBytes(me);
            Facts facts = new Facts(data);
            Evaluator evaluator = new Evaluator(rules, 1);
            Evaluator.Partitions p = Evaluator.partitions(data.entities());
            List<Partition> parts = new ArrayList<>();
            parts.add(p.upper());
            parts.addAll(p.counties());
            int verdicts = 0;
            for (Partition part : parts) verdicts += evaluator.evaluate(part, facts, year).size();
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("第 %d 次：结论 %d 条，线程 CPU %.2f s，挂钟 %.2f s，分配 %d MB%n", r + 1, verdicts, cpu[r],
                    (System.nanoTime() - w0) / 1e9, (threads.getThreadAllocatedBytes(me) - a0) >> 20);
        }
        if (reps > 2) {
            double[] warm = Arrays.copyOfRange(cpu, 2, reps);
            Arrays.sort(warm);
            System.out.printf("预热后（第 3 次起）线程 CPU：中位数 %.2f s，最低 %.2f s%n", warm[warm.length / 2], warm[0]);
        }
    }
}
