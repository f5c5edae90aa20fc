package org.dudao.bench;

import org.dudao.engine.Evaluation;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The benchmark figures of docs/performance.md, printed in one run on the same files (figures, not
 * pass/fail). See bench/run.sh for how to call it:
 * <pre>
 * BenchRunner --files DIR --national DIR [--rules rules] [--reps 5] [--threads 1,2] [--cores 1,2] [--heap 1g] [--jvm "OPTIONS"]
 * </pre>
 * <ol>
 *   <li>reading: the bare parse floors ({@link BareParse}) vs dudao's load of the same workbooks;</li>
 *   <li>evaluation: {@link HandLoop} vs Drools with only FUND-01, FUND-02 and CLASS-01 (and the
 *   full rule set for scale), plus the hand-written balance coefficient;</li>
 *   <li>rule-base compile time, cold and warm;</li>
 *   <li>end to end on the national set: {@code dudao evaluate --by-workbook} in a fresh JVM with the
 *   heap given, at each thread count: wall time, speed-up, CPU, peak heap and peak RSS; with
 *   {@code --cores}, again with the JVM held to that many cores.</li>
 * </ol>
 * Times are the best of the repetitions after one warm-up, as thread CPU and as wall time: on a
 * shared machine wall time varies with what else runs, thread CPU much less.
 */
public final class BenchRunner {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private BenchRunner() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path rulesDir = Path.of(opt.getOrDefault("rules", "rules"));
        int reps = Integer.parseInt(opt.getOrDefault("reps", "5"));

        // 3. compile first, while the JVM is cold: that is what a run pays
        long c0 = System.nanoTime();
        RuleBase rules = RuleBase.compile(rulesDir);
        double coldCompile = (System.nanoTime() - c0) / 1e9;
        Timing warmCompile = best(3, () -> RuleBase.compile(rulesDir));
        System.out.printf("规则编译（%d 项指标）：冷启动 %.2f s，预热后 %.2f s%n", rules.catalogue().size(), coldCompile, warmCompile.wall);

        if (opt.containsKey("files")) {
            List<Path> files = workbooks(Path.of(opt.get("files")));
            System.out.printf("%n== 读取：%d 个工作簿（%s）==%n", files.size(), opt.get("files"));
            BareParse.Count count = BareParse.sax(files);
            System.out.printf("%,d 行，%,d 个单元格%n", count.rows(), count.cells());
            Timing sax = best(reps, () -> BareParse.sax(files));
            Timing esr = best(reps, () -> BareParse.streamingReader(files));
            WorkbookLoader loader = new WorkbookLoader(rules.dictionary());
            Timing load = best(reps, () -> loader.load(files));
            System.out.println(sax.line("bare parse, POI event API (SAX)"));
            System.out.println(esr.line("bare parse, excel-streaming-reader"));
            System.out.println(load.line("dudao load"));
            System.out.printf("load / bare(SAX) = %.2f (thread CPU), %.2f (wall)；load / bare(excel-streaming-reader) = %.2f (thread CPU)%n",
                    load.cpu / sax.cpu, load.wall / sax.wall, load.cpu / esr.cpu);

            Dataset data = loader.load(files).dataset();
            int year = Evaluator.latestYear(data);
            System.out.printf("%n== 评估：%d 年，%,d 个实体，%,d 个指标值 ==%n", year, data.entities().size(), data.metrics().size());
            RuleBase three = RuleBase.compile(threeRules(rulesDir));
            Evaluator drools = new Evaluator(three, 1);
            Timing hand = best(reps, () -> HandLoop.verdicts(data, year));
            Timing rule = best(reps, () -> drools.evaluate(data, year));
            Timing all = best(reps, () -> new Evaluator(rules, 1).evaluate(data, year));
            System.out.println(hand.line("hand loop FUND-01/02, CLASS-01"));
            System.out.println(rule.line("Drools FUND-01/02, CLASS-01, 1 thread"));
            System.out.println(all.line("Drools, all " + rules.catalogue().size() + " indicators, 1 thread"));
            System.out.printf("Drools / hand loop = %.2f (thread CPU), %.2f (wall)%n", rule.cpu / hand.cpu, rule.wall / hand.wall);
            Map<String, Map<Status, Integer>> expected = HandLoop.verdicts(data, year);
            Map<String, Map<Status, Integer>> got = counts(drools.evaluate(data, year));
            System.out.println("verdicts agree: " + (expected.equals(got) ? "yes " + got : "NO: hand " + expected + " vs Drools " + got));
            Timing balance = best(reps, () -> HandLoop.balance(data, year));
            Evaluator cvRules = new Evaluator(RuleBase.compile(balanceRules(rulesDir)), 1);
            Timing cv = best(reps, () -> cvRules.evaluate(data, year));
            List<HandLoop.Balance> b = HandLoop.balance(data, year);
            long handPass = b.stream().filter(HandLoop.Balance::passes).count();
            System.out.println(balance.line("hand loop balance CV (" + b.size() + " county-stages, " + handPass + " pass)"));
            System.out.println(cv.line("Drools BAL-CV-1..7, 1 thread"));
            System.out.printf("Drools / hand loop (balance CV) = %.2f (thread CPU), %.2f (wall)%n", cv.cpu / balance.cpu, cv.wall / balance.wall);
            long droolsPass = allSevenPass(cvRules.evaluate(data, year));
            System.out.println("county-stages with all seven coefficients passing agree: "
                    + (droolsPass == handPass ? "yes " + handPass : "NO: hand " + handPass + " vs Drools " + droolsPass));
        }

        if (opt.containsKey("national")) {
            List<Path> files = workbooks(Path.of(opt.get("national")));
            String heap = opt.getOrDefault("heap", "1g");
            System.out.printf("%n== 端到端：%d 个工作簿（%s），dudao evaluate --by-workbook，-Xmx%s ==%n", files.size(), opt.get("national"), heap);
            List<String> jvm = opt.containsKey("jvm") ? List.of(opt.get("jvm").trim().split("\\s+")) : List.of();
            if (!jvm.isEmpty()) System.out.println("JVM 选项：" + String.join(" ", jvm));
            endToEnd(heap, jvm, rulesDir, files, opt.getOrDefault("threads", "1,2"), false);
            if (opt.containsKey("cores")) endToEnd(heap, jvm, rulesDir, files, opt.get("cores"), true);
        }
    }

    /**
     * The national run at each count of threads; with {@code pinned}, the JVM is also held to that many
     * cores ({@code taskset}), so "1" is a one-core machine (its JIT compiler and collector included)
     * and the speed-up is that of adding cores, not only evaluation threads.
     */
    static void endToEnd(String heap, List<String> jvm, Path rulesDir, List<Path> files, String counts, boolean pinned) throws Exception {
        Double base = null;
        for (String t : counts.split(",")) {
            int n = Integer.parseInt(t.strip());
            Map<String, String> m = child(heap, jvm, rulesDir, n, files, pinned);
            double wall = Long.parseLong(m.get("bench.wallMs")) / 1000.0;
            if (base == null) base = wall;
            System.out.printf("%d 线程%s：%.1f s（speed-up %.2f），CPU %.1f s，GC 后峰值堆 %s MB（各区峰值之和 %s MB），峰值 RSS %s MB，"
                            + "GC %s 次，退出码 %s%n", n, pinned ? "，限 " + n + " 核（taskset）" : "", wall, base / wall,
                    Long.parseLong(m.get("bench.cpuMs")) / 1000.0,
                    m.get("bench.peakLiveMB"), m.get("bench.peakHeapMB"), m.get("bench.vmHwmMB"), m.get("bench.gcCount"), m.get("bench.exit"));
            double cpu = Long.parseLong(m.get("bench.cpuMs")), serial = Long.parseLong(m.get("bench.mainCpuMs"));
            System.out.printf("    其中主线程（串行部分：编译规则、汇总、写报告的调度）CPU %.1f s，占 %.0f%%：2 核上的 speed-up 上限（Amdahl）%.2f；"
                            + "各类线程 CPU：%s%n", serial / 1000, 100 * serial / cpu, cpu / (serial + (cpu - serial) / 2), m.get("bench.cpuByThread"));
        }
    }

    /** FUND-01, FUND-02 and CLASS-01 alone, with the metric dictionary: the shipped files less the other rules. */
    static Path threeRules(Path rulesDir) throws IOException {
        return only(rulesDir, id -> Set.of("FUND-01", "FUND-02", "CLASS-01").contains(id), "10-funding.drl", "30-classes.drl");
    }

    /** The seven balance coefficients (BAL-CV-1..7) alone: the balance rule file less its other rules. */
    static Path balanceRules(Path rulesDir) throws IOException {
        return only(rulesDir, id -> id.startsWith("BAL-CV-"), "35-balance.drl");
    }

    /** A copy of some of the shipped rule files, with the metric dictionary, keeping only the rules whose id {@code keep} accepts. */
    static Path only(Path rulesDir, java.util.function.Predicate<String> keep, String... files) throws IOException {
        Path dir = Files.createTempDirectory("dudao-bench-rules");
        dir.toFile().deleteOnExit();
        Files.copy(rulesDir.resolve("metrics.csv"), dir.resolve("metrics.csv"));
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("(?s)rule \"(\\S+)[^\n]*\n.*?\nend\n?");
        for (String f : files) {
            String text = Files.readString(rulesDir.resolve(f));
            StringBuilder kept = new StringBuilder();
            java.util.regex.Matcher m = rule.matcher(text);
            while (m.find()) m.appendReplacement(kept, keep.test(m.group(1)) ? java.util.regex.Matcher.quoteReplacement(m.group()) : "");
            m.appendTail(kept);
            Files.writeString(dir.resolve(f), kept);
        }
        return dir;
    }

    /** (county, 学段) pairs whose seven coefficient verdicts all pass: what the hand loop's {@code passes} says. */
    static long allSevenPass(Evaluation e) {
        Map<String, Integer> passing = new TreeMap<>();
        for (Verdict v : e.verdicts()) {
            if (v.getIndicator().startsWith("BAL-CV-") && v.getStatus() == Status.PASS) passing.merge(v.getEntityCode() + "|" + v.getPart(), 1, Integer::sum);
        }
        return passing.values().stream().filter(n -> n == 7).count();
    }

    static Map<String, Map<Status, Integer>> counts(Evaluation e) {
        Map<String, Map<Status, Integer>> c = new TreeMap<>();
        for (Verdict v : e.verdicts()) c.computeIfAbsent(v.getIndicator(), k -> new EnumMap<>(Status.class)).merge(v.getStatus(), 1, Integer::sum);
        return c;
    }

    /** Runs {@link Measured} in a fresh JVM and returns its {@code bench.*} lines. */
    static Map<String, String> child(String heap, List<String> jvm, Path rules, int threads, List<Path> files, boolean pinned) throws Exception {
        Path out = Files.createTempDirectory("dudao-bench-out");
        List<String> cmd = new ArrayList<>();
        if (pinned) cmd.addAll(List.of("taskset", "-c", threads == 1 ? "0" : "0-" + (threads - 1)));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), Measured.class.getName(),
                "evaluate", "--by-workbook", "--threads", Integer.toString(threads), "--rules", rules.toString(), "--out", out.toString()));
        for (Path f : files) cmd.add(f.toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> m = new LinkedHashMap<>();
        java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (line.startsWith("bench.") && eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
                else if (tail.size() < 20) tail.add(line);
            }
        }
        p.waitFor();
        try (Stream<Path> written = Files.walk(out)) { // a national report.json is several GB: do not leave one per run
            for (Path f : written.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
        if (!m.containsKey("bench.wallMs")) {
            throw new IllegalStateException("the measured run printed no figures (exit " + p.exitValue() + "):\n" + String.join("\n", tail));
        }
        return m;
    }

    static List<Path> workbooks(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) return List.of(dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
    }

    /** Wall and current-thread CPU seconds. */
    record Timing(double wall, double cpu) {
        String line(String what) { return String.format("  %-48s %7.3f s thread CPU  %7.3f s wall", what, cpu, wall); }
    }

    /** The best of {@code reps} runs after one warm-up. */
    static Timing best(int reps, Callable<?> work) throws Exception {
        work.call();
        double wall = Double.MAX_VALUE, cpu = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long w = System.nanoTime(), c = THREADS.getCurrentThreadCpuTime();
            Object keep = work.call();
            if (keep == null) throw new IllegalStateException();
            wall = Math.min(wall, (System.nanoTime() - w) / 1e9);
            cpu = Math.min(cpu, (THREADS.getCurrentThreadCpuTime() - c) / 1e9);
        }
        return new Timing(wall, cpu);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        Set<String> known = Set.of("files", "national", "rules", "reps", "threads", "cores", "heap", "jvm");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !known.contains(a.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: BenchRunner [--files DIR] [--national DIR] [--rules DIR] [--reps N] [--threads 1,2] [--cores 1,2] [--heap 1g] [--jvm \"OPTIONS\"]; got " + a);
            }
            m.put(a.substring(2), args[++i]);
        }
        return m;
    }
}
