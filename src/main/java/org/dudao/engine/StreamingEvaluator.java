package org.dudao.engine;

import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.Param;
import org.dudao.model.SheetTally;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Evaluates workbook by workbook, so that memory holds a few workbooks' facts rather than all of
 * them: each workbook is loaded on its own, its county partitions (a county with its schools and
 * classes) are evaluated as soon as it is loaded, and its facts are dropped once they are done.
 * What the regions above the counties need is kept: every region (province, city, county) with
 * its metrics, which are small. Those are evaluated last, in one partition, as {@link Evaluator}
 * does. Loading and evaluating share one pool of threads; at most {@code threads + 1} workbooks are
 * in memory at a time. Each county's verdicts, waivers applied, go to a {@link VerdictStore} as
 * soon as its partition is done, so a national run holds its verdicts on disk rather than in the heap.
 * <p>
 * The contract: each workbook holds whole counties, every year of them (a province per workbook, as
 * provinces report). A county or school found in two workbooks is a run problem. When the contract
 * holds the verdicts, and their order, are those of loading everything into one {@link Dataset}. A
 * region above the county that no one workbook holds whole ({@link SpreadRegions}: the nation's row in a
 * workbook of its own, a province whose cities come one workbook each) is concluded at the end, its
 * roll-ups over schools and classes tallied in a second reading of the workbooks that hold its counties.
 * The year evaluated is the one asked for, or the latest in the first workbook read; a workbook whose
 * latest year differs is a run problem.
 */
public final class StreamingEvaluator {
    private final Evaluator evaluator;
    private final WorkbookLoader loader;
    private final int threads;
    private final Waivers.Applier waivers;
    private final VerdictStore store;
    private Consumer<String> progress = message -> {};
    private final long started = System.nanoTime();
    private long partsAbove = Long.getLong(PARTS_ABOVE_PROPERTY, Runtime.getRuntime().maxMemory() / 64);
    private int recordsPerPart = Integer.getInteger(PART_RECORDS_PROPERTY,
            (int) Math.max(10_000, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 4096)));

    /**
     * System property: a workbook larger than this many bytes is read in parts (default: a 64th of
     * the heap). For tests and measurements; 0 reads every workbook in parts.
     */
    public static final String PARTS_ABOVE_PROPERTY = "dudao.parts.above";
    /** System property: about how many entities and values a part holds (default: the heap's bytes / 4096, at least 10,000). */
    public static final String PART_RECORDS_PROPERTY = "dudao.parts.records";
    /**
     * System property: {@code province} reads a workbook in parts of whole provinces even where the rules
     * allow county parts ({@link CountyParts}); for measurements and tests.
     */
    public static final String PARTS_BY_PROPERTY = "dudao.parts.by";
    /** Null until a workbook is first read in parts; then whether its parts are counties. */
    private Boolean byCounty;

    /** Without waivers, keeping the verdicts in a {@link VerdictStore#create() default store}. */
    public StreamingEvaluator(RuleBase rules, int threads) {
        this(rules, threads, Waivers.none().applier(LocalDate.now()), VerdictStore.create());
    }

    /** Applying {@code waivers} to each county's verdicts before they go into {@code store}. */
    public StreamingEvaluator(RuleBase rules, int threads, Waivers.Applier waivers, VerdictStore store) {
        this(rules, threads, waivers, store, SessionLimits.DEFAULT);
    }

    /** As {@link #StreamingEvaluator(RuleBase, int, Waivers.Applier, VerdictStore)}, each county's session held to {@code limits}. */
    public StreamingEvaluator(RuleBase rules, int threads, Waivers.Applier waivers, VerdictStore store, SessionLimits limits) {
        this.evaluator = new Evaluator(rules, threads, limits);
        this.loader = new WorkbookLoader(rules.dictionary());
        this.threads = Math.max(1, threads);
        this.waivers = waivers;
        this.store = store;
    }

    /** Tells {@code progress} (in Chinese, one line each) when a workbook is done: a long run's sign of life. */
    public StreamingEvaluator reporting(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    private void done(Batch b, int n, int total) {
        if (b.part() != null) {
            progress.accept(String.format("已评估 %s 的%s（%d 个县；已用 %.0f 秒）", b.file(), b.part(), b.blocks().size(),
                    (System.nanoTime() - started) / 1e9));
            return;
        }
        progress.accept(String.format("已评估 %d/%d 个工作簿：%s（%d 个县；已用 %.0f 秒）", n, total, b.file(), b.blocks().size(),
                (System.nanoTime() - started) / 1e9));
    }

    /**
     * What a streamed run yields: the load reconciliation (a {@link Dataset} holding the regions and
     * their metrics, every sheet's tally, the inputs and the problems, but no schools or classes),
     * the evaluation (waivers applied; its verdicts may be read from disk as they are iterated), the
     * workbooks that could not be read, and problems of the run itself.
     */
    public record Result(Dataset data, Evaluation evaluation, List<WorkbookException> unreadable, List<String> runProblems) {}

    /** What one workbook leaves behind once its counties are evaluated. */
    private record Batch(Path file, String part, Dataset data, Set<String> schools, List<WorkbookException> unreadable,
                         Map<String, VerdictStore.Block> blocks, Map<String, VerdictStore.Block> regionVerdicts, List<String> ruleProblems,
                         Set<String> shared) {}

    /** A county's verdicts, stored, and any rule that gave one of them twice. */
    private record County(VerdictStore.Block block, List<String> duplicates) {}

    /** @param year the year to evaluate, or null for the latest year in the first workbook with data */
    public Result evaluate(List<Path> workbooks, Integer year) {
        ExecutorService pool = Evaluator.workers(threads);
        Tallies.Sum filed = new Tallies.Sum(); // the shared regions' tallies that county parts file, added up as the parts finish
        try {
            List<Batch> batches = new ArrayList<>();
            Iterator<Source> sources = sources(workbooks);
            Integer evalYear = year;
            int total = workbooks.size();
            // Without a year asked for, the first workbook with data decides it: read those first.
            while (evalYear == null && sources.hasNext()) {
                Source s = sources.next();
                WorkbookLoader.Result r = s.load().get();
                if (s.latestYear() != 0) evalYear = s.latestYear(); // a part: its workbook's latest year, as read whole
                else if (!r.dataset().years().isEmpty()) evalYear = r.dataset().years().last();
                if (evalYear == null) filed.add(s.index(), Tallies.NONE); // not evaluated: nothing filed
                batches.add(evalYear == null ? new Batch(s.file(), s.label(), regionsOnly(r.dataset()), schoolCodes(r.dataset()),
                        r.unreadable(), Map.of(), Map.of(), List.of(), s.shared())
                        : evaluator.await(evaluate(s, r, evalYear, pool, filed)));
                done(batches.get(batches.size() - 1), batches.size(), total);
            }
            if (evalYear == null) {
                return assemble(batches, 0, filed, pool);
            }
            int y = evalYear;
            AtomicInteger finished = new AtomicInteger(batches.size());
            List<CompletableFuture<Batch>> pending = inTurn(sources, pool, (s, r) -> evaluate(s, r, y, pool, filed).thenApply(b -> {
                done(b, finished.incrementAndGet(), total);
                return b;
            }));
            for (CompletableFuture<Batch> f : pending) batches.add(evaluator.await(f));
            return assemble(batches, y, filed, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (CompletionException e) {
            throw SessionWatch.rethrown(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A workbook, or a part of one read in parts, loaded when its turn comes; {@code label} names a
     * part (null: the whole workbook), {@code latestYear} is a part's workbook's latest year (0: none, or whole),
     * {@code shared} the regions above the county this part holds a share of (of county parts).
     */
    private record Source(int index, Path file, String label, Supplier<WorkbookLoader.Result> load, int latestYear, Set<String> shared) {}

    /**
     * The workbooks as they are to be loaded: whole, or, for one too large for the heap (more than
     * {@code 1/64} of it in bytes: a loaded workbook takes 50 to 150 times its size), in parts of
     * whole provinces ({@link WorkbookLoader#loadInParts}), each read to disk when its turn comes.
     */
    private Iterator<Source> sources(List<Path> workbooks) {
        Deque<Path> files = new ArrayDeque<>(workbooks);
        Deque<Source> ready = new ArrayDeque<>();
        return new Iterator<>() {
            private int count;

            @Override public boolean hasNext() {
                while (ready.isEmpty() && !files.isEmpty()) {
                    Path file = files.removeFirst();
                    if (!inParts(file)) {
                        ready.add(new Source(count++, file, null, () -> loader.load(List.of(file)), 0, Set.of()));
                        continue;
                    }
                    List<WorkbookLoader.Part> parts = loader.loadInParts(file, recordsPerPart, byCounty());
                    for (int i = 0; i < parts.size(); i++) {
                        WorkbookLoader.Part part = parts.get(i);
                        ready.add(new Source(count++, file, parts.size() == 1 ? null : "第 " + (i + 1) + "/" + parts.size() + " 部分", part::load,
                                part.latestYear(), part.shared()));
                    }
                }
                return !ready.isEmpty();
            }

            @Override public Source next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.removeFirst();
            }
        };
    }

    /**
     * Whether workbooks are read in county parts: when the rules' roll-ups for the regions above the county
     * add up over counties ({@link CountyParts}), unless {@value #PARTS_BY_PROPERTY} says {@code province}.
     */
    private boolean byCounty() {
        if (byCounty == null) {
            String refusal = "province".equals(System.getProperty(PARTS_BY_PROPERTY)) ? "按 -D" + PARTS_BY_PROPERTY + "=province"
                    : CountyParts.refusal(evaluator.rules());
            byCounty = refusal == null;
            progress.accept(byCounty ? "大工作簿按县分块读取" : "大工作簿按省分块读取（" + refusal + "）");
        }
        return byCounty;
    }

    private boolean inParts(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > partsAbove;
        } catch (IOException e) {
            return false; // the loader says what is wrong with it
        }
    }

    /** Evaluates a loaded workbook's county partitions on the pool; the workbook's facts go once they are done, the tallies filed for its shared regions to {@code filed}. */
    private CompletableFuture<Batch> evaluate(Source source, WorkbookLoader.Result loaded, int year, ExecutorService pool, Tallies.Sum filed) {
        Dataset data = loaded.dataset();
        Facts facts = new Facts(data);
        List<Partition> counties = Evaluator.partitions(data.entities()).counties();
        List<CompletableFuture<County>> parts = new ArrayList<>();
        for (Partition p : counties) {
            parts.add(CompletableFuture.supplyAsync(() -> {
                List<Verdict> v = evaluator.evaluate(p, facts, year);
                return new County(store.add(waivers.apply(v)), Evaluator.duplicates(v));
            }, pool));
        }
        // The workbook's provinces and cities are evaluated here too, while its schools and classes are
        // at hand, so that their roll-ups over schools (SAFE-01, CLASS-03 …) see them; assemble() keeps
        // these verdicts only for a region that no other workbook also holds.
        List<Entity> above = new ArrayList<>();
        for (Entity e : data.allEntities()) {
            if (e.getKind() == EntityKind.PROVINCE || e.getKind() == EntityKind.CITY) above.add(e);
        }
        // a region this part holds a share of (county parts) files its roll-ups over schools and classes, to be
        // concluded from the sum of its parts' at the end; its verdicts here are of a share and are dropped
        Tallies tallies = source.shared().isEmpty() ? Tallies.NONE : Tallies.filing(source.shared());
        CompletableFuture<List<Verdict>> regional = above.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> evaluator.evaluate(new Partition(Evaluator.UPPER, above), facts, year, tallies), pool);
        List<CompletableFuture<?>> all = new ArrayList<>(parts);
        all.add(regional);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, VerdictStore.Block> blocks = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < counties.size(); i++) {
                County c = parts.get(i).join();
                problems.addAll(c.duplicates());
                blocks.put(counties.get(i).name(), c.block());
            }
            // a province's or city's roll-ups name their failing schools and classes: stored like a county's block
            Map<String, List<Verdict>> byRegion = new LinkedHashMap<>();
            for (Verdict v : regional.join()) {
                if (!source.shared().contains(v.getEntityCode())) byRegion.computeIfAbsent(v.getEntityCode(), k -> new ArrayList<>()).add(v);
            }
            problems.addAll(Evaluator.duplicates(regional.join()));
            Map<String, VerdictStore.Block> stored = new LinkedHashMap<>();
            byRegion.forEach((code, v) -> stored.put(code, store.add(waivers.apply(v))));
            filed.add(source.index(), tallies);
            return new Batch(source.file(), source.label(), regionsOnly(data), schoolCodes(data), loaded.unreadable(), blocks, stored, problems,
                    source.shared());
        });
    }

    /** The workbook's data less its schools and classes: what the report and the regions above the counties need. */
    private static Dataset regionsOnly(Dataset d) {
        Map<String, Entity> regions = new LinkedHashMap<>();
        for (Entity e : d.allEntities()) if (e.getKind().isRegion()) regions.put(e.getCode(), e);
        List<Metric> metrics = new ArrayList<>();
        for (Metric m : d.metrics()) if (regions.containsKey(m.getEntityCode())) metrics.add(m);
        return new Dataset(regions, metrics, d.params(), d.inputs(), d.sheets(), d.problems(), d.years());
    }

    private static Set<String> schoolCodes(Dataset d) {
        Set<String> schools = new HashSet<>();
        for (Entity e : d.allEntities()) if (e.getKind() == EntityKind.SCHOOL) schools.add(e.getCode());
        return schools;
    }

    /**
     * Puts the workbooks' results together in the order they were given: the regions of all of them
     * (the first workbook that has a region gives it), their metrics (two different values for one
     * region, year and metric are a conflict, as on loading), the parameters (a later workbook's
     * value of a parameter wins, with a warning), then evaluates the regions above the counties and
     * orders every verdict as {@link Evaluator#evaluate(Dataset, int)} would.
     */
    private Result assemble(List<Batch> batches, int year, Tallies.Sum filed, ExecutorService pool) throws InterruptedException {
        Map<String, Entity> regions = new LinkedHashMap<>();
        Map<String, String> regionFile = new HashMap<>();
        Map<String, String> schoolFile = new HashMap<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Set<String> conflicted = new HashSet<>();
        Map<String, Param> params = new LinkedHashMap<>();
        List<InputFile> inputs = new ArrayList<>();
        List<SheetTally> sheets = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        List<WorkbookException> unreadable = new ArrayList<>();
        List<String> runProblems = new ArrayList<>();
        List<String> ruleProblems = new ArrayList<>();
        Map<String, List<VerdictStore.Block>> blocks = new LinkedHashMap<>();
        Map<String, VerdictStore.Block> regional = new LinkedHashMap<>();
        Set<String> heldTwice = new HashSet<>();
        Set<String> shared = new HashSet<>();
        Set<LoadProblem> fromParts = new HashSet<>(); // the regions above the county copied into every county part give their problems in each
        for (Batch b : batches) {
            shared.addAll(b.shared());
            b.regionVerdicts().forEach((code, v) -> {
                if (regional.putIfAbsent(code, v) != null) heldTwice.add(code);
            });
            Dataset d = b.data();
            String file = b.file().toString();
            inputs.addAll(d.inputs());
            sheets.addAll(d.sheets());
            for (LoadProblem p : d.problems()) if (b.part() == null || fromParts.add(p)) problems.add(p);
            years.addAll(d.years());
            unreadable.addAll(b.unreadable());
            ruleProblems.addAll(b.ruleProblems());
            // a part of a workbook may lack its latest year (a province that did not report it); the workbook as a whole decided
            if (year != 0 && b.part() == null && !d.years().isEmpty() && d.years().last() != year) {
                runProblems.add("工作簿 " + file + " 的最新年度是 " + d.years().last() + " 年，与评估年度 " + year
                        + " 年不同：按工作簿分批评估时各工作簿应报送相同的年度（或用 --year 指定）");
            }
            Map<String, List<String>> overlaps = new TreeMap<>();
            for (Entity e : d.allEntities()) {
                String before = regionFile.putIfAbsent(e.getCode(), file);
                if (before == null) regions.put(e.getCode(), e);
                else if (e.getKind() == EntityKind.COUNTY) overlaps.computeIfAbsent(before, k -> new ArrayList<>()).add("县 " + e.getCode());
            }
            for (String school : b.schools()) {
                String before = schoolFile.putIfAbsent(school, file);
                if (before != null) overlaps.computeIfAbsent(before, k -> new ArrayList<>()).add("学校 " + school);
            }
            overlaps.forEach((before, codes) -> runProblems.add(overlap(codes, before, file)));
            for (Metric m : d.metrics()) {
                String k = m.getEntityCode() + "\u0000" + m.getYear() + "\u0000" + m.getKey();
                if (conflicted.contains(k)) continue;
                Metric old = metrics.putIfAbsent(k, m);
                if (old == null || old.sameValueAs(m)) continue;
                metrics.remove(k);
                conflicted.add(k);
                problems.add(LoadProblem.conflict(old, m));
            }
            for (Param p : d.params()) {
                Param old = params.put(p.getName(), p);
                if (old != null && !old.getOrigin().getFile().equals(p.getOrigin().getFile())) {
                    problems.add(new LoadProblem(LoadProblem.Severity.WARNING, p.getOrigin().getFile(), p.getOrigin().getSheet(),
                            p.getOrigin().getCell(), "参数“" + p.getName() + "”重复（先前在 " + old.getOrigin() + "）：汇总评估采用此处的值"));
                }
            }
            b.blocks().forEach((county, block) -> blocks.computeIfAbsent(county, k -> new ArrayList<>()).add(block));
        }
        // a parent not in its own workbook but in another is not missing
        Set<LoadProblem> found = new HashSet<>();
        for (Batch b : batches) {
            for (Entity e : b.data().allEntities()) if (e.getParentCode() != null && regions.containsKey(e.getParentCode())) found.add(LoadProblem.orphan(e));
        }
        problems.removeIf(found::contains);
        Dataset data = new Dataset(Collections.unmodifiableMap(regions), List.copyOf(metrics.values()), List.copyOf(params.values()),
                List.copyOf(inputs), List.copyOf(sheets), List.copyOf(problems), years);
        if (year == 0) return new Result(data, new Evaluation(0, List.of(), List.of(), waivers.notes(0)), unreadable, runProblems);

        // A province or city held whole by one workbook keeps the verdicts it got there; the nation and a region
        // that several workbooks hold are evaluated now, from the regions' figures and the tallies below.
        heldTwice.forEach(regional::remove);
        // a region held in shares by county parts is concluded from the sum of its parts' tallies, one spread
        // over workbooks from those of a second reading of the workbooks that hold its counties
        Tallies tallies = Tallies.NONE;
        SpreadRegions spread = SpreadRegions.of(data, batches.stream().map(b -> Map.entry(b.file(), b.data())).toList());
        if (!spread.isEmpty()) {
            String refusal = CountyParts.refusal(evaluator.rules());
            if (refusal == null) {
                spread.codes().forEach(regional::remove);
                shared.removeAll(spread.codes());
                tallies = tallied(spread, year, pool);
            } else {
                runProblems.add(spread.said() + "，而" + refusal + "，不能分工作簿汇总：这些地区按学校、班级汇总的结论"
                        + "只依据其中一个工作簿（或没有学校、班级）；请不用 --by-workbook 评估");
            }
        }
        if (!shared.isEmpty()) tallies = filed.merging(shared).and(tallies);
        Facts facts = new Facts(data);
        List<Entity> rest = new ArrayList<>();
        for (Entity e : Evaluator.partitions(regions).upper().subjects()) if (!regional.containsKey(e.getCode())) rest.add(e);
        List<Verdict> upper = rest.isEmpty() ? List.of() : evaluator.evaluate(new Partition(Evaluator.UPPER, rest), facts, year, tallies);
        ruleProblems.addAll(Evaluator.duplicates(upper));
        List<Verdict> verdicts = VerdictStore.sequence(ordered(regions, waivers.apply(upper), regional, blocks));
        return new Result(data, new Evaluation(year, verdicts, List.copyOf(ruleProblems), waivers.notes(year)), unreadable, runProblems);
    }

    /**
     * Reads again the workbooks that hold counties of a spread region, each with the region's row and values copied in,
     * and tallies the region's roll-ups over their schools and classes: its rules evaluated there, their verdicts dropped.
     */
    private Tallies tallied(SpreadRegions spread, int year, ExecutorService pool) throws InterruptedException {
        progress.accept(spread.said() + "：再读其学校和班级所在的 " + spread.files().size()
                + " 个工作簿，汇总后评估");
        Tallies.Sum sum = new Tallies.Sum();
        for (CompletableFuture<Void> f : inTurn(sources(spread.files()), pool, (s, r) -> {
            Tallies t = Tallies.filing(spread.codes());
            evaluator.evaluate(new Partition(Evaluator.UPPER, spread.subjects()), new Facts(spread.copiedInto(r.dataset())), year, t);
            sum.add(s.index(), t);
            return CompletableFuture.<Void>completedFuture(null);
        })) {
            evaluator.await(f);
        }
        return sum.merging(spread.codes());
    }

    /**
     * Loads each of {@code sources} on the pool and goes on with {@code then}, at most {@code threads + 1} of them at a time
     * (what the heap holds): the futures, in the sources' order.
     */
    private <T> List<CompletableFuture<T>> inTurn(Iterator<Source> sources, ExecutorService pool,
                                                  BiFunction<Source, WorkbookLoader.Result, CompletableFuture<T>> then) throws InterruptedException {
        Semaphore inFlight = new Semaphore(threads + 1);
        List<CompletableFuture<T>> pending = new ArrayList<>();
        while (sources.hasNext()) {
            Source s = sources.next();
            while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) evaluator.watchRunning();
            CompletableFuture<T> f = CompletableFuture.supplyAsync(s.load(), pool).thenCompose(r -> then.apply(s, r));
            f.whenComplete((t, e) -> inFlight.release());
            pending.add(f);
        }
        return pending;
    }

    private static String overlap(List<String> codes, String first, String again) {
        String some = String.join("、", codes.subList(0, Math.min(5, codes.size()))) + (codes.size() > 5 ? " 等" : "");
        return codes.size() + " 个县或学校同时出现在 " + first + " 和 " + again + "（" + some + "）：按工作簿分批评估要求每个县"
                + "（及其学校、班级）的全部数据在同一个工作簿中，这些县的结论可能不完整；请不用 --by-workbook，或按县合并工作簿后重新评估";
    }

    /**
     * The verdicts' blocks in report order: the regions in hierarchy order, each with its own verdicts
     * (evaluated at the end in {@code upper}, or in its workbook in {@code regional}), a county followed
     * by its partition's block (its schools and classes, already in order); then the blocks of schools
     * whose county is not in the data, by that county's code.
     */
    private static List<VerdictStore.Block> ordered(Map<String, Entity> regions, List<Verdict> upper,
                                                    Map<String, VerdictStore.Block> regional,
                                                    Map<String, List<VerdictStore.Block>> blocks) {
        Map<String, Integer> rank = Evaluator.hierarchyRank(regions);
        List<Entity> inOrder = new ArrayList<>(regions.values());
        inOrder.sort(Comparator.comparing((Entity e) -> rank.getOrDefault(e.getCode(), Integer.MAX_VALUE))
                .thenComparing(Entity::getCode));
        Map<String, List<Verdict>> upperByEntity = new LinkedHashMap<>();
        for (Verdict v : upper) upperByEntity.computeIfAbsent(v.getEntityCode(), k -> new ArrayList<>()).add(v);
        List<VerdictStore.Block> out = new ArrayList<>();
        for (Entity e : inOrder) {
            List<Verdict> own = upperByEntity.remove(e.getCode());
            if (own != null) out.add(VerdictStore.held(own));
            VerdictStore.Block stored = regional.remove(e.getCode());
            if (stored != null) out.add(stored);
            List<VerdictStore.Block> block = blocks.remove(e.getCode());
            if (block != null) out.addAll(block);
        }
        for (List<Verdict> rest : upperByEntity.values()) out.add(VerdictStore.held(rest));
        out.addAll(regional.values());
        new TreeMap<>(blocks).values().forEach(out::addAll);
        return out;
    }
}
