package org.dudao.batch;

import org.dudao.api.Dudao;
import org.dudao.api.DudaoException;
import org.dudao.api.Evaluation;
import org.dudao.api.EvaluationRequest;
import org.dudao.api.ExitCodes;
import org.dudao.api.ReportFormat;
import org.dudao.api.Rules;
import org.dudao.api.WorkbookContents;
import org.dudao.history.Changes;
import org.dudao.history.HistoryException;
import org.dudao.history.HistoryStore;
import org.dudao.history.NewRun;
import org.dudao.history.StoredRun;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.Entity;
import org.dudao.model.InputFile;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.report.FileProblems;
import org.dudao.report.Manifest;
import org.dudao.report.RunFolder;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs a batch: finds the workbooks, groups them into runs (by region, or one per file), skips runs
 * whose inputs and rules have not changed since their last run, evaluates the others in parallel on
 * one shared rule base, writes each run's reports into its own folder, records everything in the
 * history and works out what changed since each region's previous run.
 */
public final class BatchRunner {
    /**
     * What the command line asked for; {@code request} is what every run's evaluation shares (waivers,
     * the day they are judged by, session limits), its workbooks and threads set per run.
     */
    public record Options(List<String> inputs, Path out, List<ReportFormat> formats, boolean perFile, boolean force, int jobs,
                          EvaluationRequest request) {
        /** The formats by name ({@code json,xlsx}), as the history and the summary record them. */
        public List<String> formatNames() {
            return formats.stream().map(ReportFormat::id).toList();
        }
    }

    /** A workbook that was probed: its hash and the region it belongs to. */
    record Workbook(Path path, String sha256, long bytes, Grouping.Region region, SortedSet<Integer> years) {}

    private record Group(String key, String name, Path folder, List<Workbook> files) {}

    private final Rules rules;
    private final String rulesDir;
    private final HistoryStore history;
    private final Options options;
    private final Progress progress;

    public BatchRunner(Rules rules, String rulesDir, HistoryStore history, Options options, Progress progress) {
        this.rules = rules;
        this.rulesDir = rulesDir;
        this.history = history;
        this.options = options;
        this.progress = progress;
    }

    public BatchResult run() throws HistoryException {
        String startedAt = now();
        long batchId = history.startBatch(startedAt, Dudao.version(), rulesDir, rules.sha256(),
                options.out().toAbsolutePath().normalize().toString());
        List<BatchResult.FileProblem> problems = new ArrayList<>();
        List<BatchResult.Duplicate> duplicates = new ArrayList<>();

        InputFinder.Found found = InputFinder.find(options.inputs(), options.out());
        for (InputFinder.Problem p : found.problems()) problems.add(new BatchResult.FileProblem(p.input(), p.reason()));

        int jobs = Math.max(1, options.jobs());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<RegionResultHolder> results = new ArrayList<>();
        try {
            List<Workbook> workbooks = probe(found.files(), pool, problems);
            Map<String, Workbook> bySha = new LinkedHashMap<>();
            List<Workbook> unique = new ArrayList<>();
            for (Workbook w : workbooks) {
                Workbook first = bySha.putIfAbsent(w.sha256(), w);
                if (first == null) unique.add(w);
                else duplicates.add(new BatchResult.Duplicate(w.path().toString(), first.path().toString()));
            }
            List<Group> groups = group(unique);
            int cores = Runtime.getRuntime().availableProcessors();
            int evalThreads = Math.max(1, cores / Math.min(jobs, Math.max(1, groups.size())));
            progress.start(groups.size());
            List<Future<BatchResult.RegionResult>> futures = new ArrayList<>();
            for (Group g : groups) futures.add(pool.submit(() -> {
                BatchResult.RegionResult r = runGroup(batchId, g, evalThreads);
                progress.done(label(r));
                return r;
            }));
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(new RegionResultHolder(futures.get(i).get()));
                } catch (ExecutionException e) {
                    Group g = groups.get(i);
                    String why = e.getCause() instanceof HistoryException he ? he.getMessage() : "运行出错：" + e.getCause();
                    results.add(new RegionResultHolder(failed(g, g.folder(), inputs(g), why)));
                }
            }
            progress.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("批量核查被中断", e);
        } finally {
            pool.shutdownNow();
        }

        List<BatchResult.RegionResult> regions = results.stream().map(RegionResultHolder::result).toList();
        int exit = ExitCodes.ALL_PASS;
        for (BatchResult.RegionResult r : regions) exit = Math.max(exit, r.exitCode());
        if (!problems.isEmpty()) exit = ExitCodes.CANNOT_RUN;
        if (regions.isEmpty()) exit = ExitCodes.CANNOT_RUN;
        for (BatchResult.FileProblem p : problems) history.problem(batchId, null, p.file(), p.reason());
        int evaluated = (int) regions.stream().filter(r -> r.outcome() == BatchResult.Outcome.EVALUATED).count();
        int skipped = (int) regions.stream().filter(r -> r.outcome() == BatchResult.Outcome.SKIPPED).count();
        int regionProblems = (int) regions.stream().filter(r -> !r.problems().isEmpty()).count();
        String finishedAt = now();
        history.finishBatch(batchId, finishedAt, evaluated, skipped, problems.size() + regionProblems, exit);
        return new BatchResult(batchId, startedAt, finishedAt, rulesDir, rules.sha256(), history.url(), options.formatNames(),
                options.perFile(), regions, problems, duplicates, exit);
    }

    private record RegionResultHolder(BatchResult.RegionResult result) {}

    private List<Workbook> probe(List<Path> files, ExecutorService pool, List<BatchResult.FileProblem> problems)
            throws InterruptedException {
        List<Future<Object>> futures = new ArrayList<>();
        for (Path f : files) futures.add(pool.submit(() -> {
            try {
                String sha = Sha256.of(f);
                long bytes = Files.size(f);
                WorkbookContents r = rules.probe(f);
                return new Workbook(f, sha, bytes, Grouping.regionOf(r.entities(), f.getFileName().toString()), r.years());
            } catch (DudaoException e) {
                return new BatchResult.FileProblem(f.toString(), e.getMessage());
            } catch (IOException e) {
                return new BatchResult.FileProblem(f.toString(), "无法读取文件：" + e.getMessage());
            }
        }));
        List<Workbook> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                Object o = futures.get(i).get();
                if (o instanceof Workbook w) out.add(w);
                else problems.add((BatchResult.FileProblem) o);
            } catch (ExecutionException e) {
                problems.add(new BatchResult.FileProblem(files.get(i).toString(), "无法读取：" + e.getCause()));
            }
        }
        return out;
    }

    private List<Group> group(List<Workbook> workbooks) {
        Map<String, Group> groups = new TreeMap<>();
        for (Workbook w : workbooks) {
            String file = w.path().getFileName().toString();
            String key = options.perFile() ? w.region().key() + "/" + w.path() : w.region().key();
            String name = options.perFile() ? w.region().name() + " " + file : w.region().name();
            Path folder = options.perFile() ? Folders.fileRunFolder(parentOf(), key, w.region().key(), file)
                    : Folders.runFolder(parentOf(), key, name);
            groups.computeIfAbsent(key, k -> new Group(k, name, folder, new ArrayList<>())).files().add(w);
        }
        return List.copyOf(groups.values());
    }

    private Path parentOf() {
        return options.out().resolve(options.perFile() ? "files" : "regions");
    }

    private static List<InputFile> inputs(Group g) {
        return g.files().stream().map(w -> new InputFile(w.path().toString(), w.sha256(), w.bytes())).toList();
    }

    private BatchResult.RegionResult runGroup(long batchId, Group g, int evalThreads) throws HistoryException, IOException {
        Path folder = g.folder();
        List<InputFile> inputs = inputs(g);
        String inputsSha = Sha256.ofInputs(inputs.stream().map(InputFile::sha256).toList());
        String formats = String.join(",", options.formatNames());
        if (!options.force()) {
            Optional<StoredRun> same = history.unchangedRun(g.key(), inputsSha, rules.sha256());
            if (same.isPresent() && same.get().exitCode() != ExitCodes.CANNOT_RUN && coversFormats(same.get())
                    && holdsReportsOf(folder, inputsSha)) {
                return skipped(g, folder, inputs, same.get());
            }
        }
        try {
            RunFolder.prepare(folder, options.force());
        } catch (IOException e) {
            return notEvaluated(batchId, g, folder, inputs, inputsSha, now(), new ArrayList<>(List.of(FileProblems.describe(e))));
        }
        String startedAt = now();
        Evaluation evaluation;
        List<String> problems = new ArrayList<>();
        try {
            evaluation = rules.evaluate(options.request().withWorkbooks(g.files().stream().map(Workbook::path).toList())
                    .withThreads(evalThreads));
        } catch (DudaoException e) {
            for (DudaoException.Problem p : e.problems()) problems.add(p.message());
            problems.add(e.getMessage());
            return notEvaluated(batchId, g, folder, inputs, inputsSha, startedAt, problems);
        } catch (RuntimeException e) {
            return failed(g, folder, inputs, "评估出错：" + e);
        }
        problems.addAll(evaluation.runProblems().stream().filter(p -> !problems.contains(p)).toList());
        List<String> files = new ArrayList<>();
        int exit = evaluation.exitCode();
        try {
            for (Path f : evaluation.write(folder, options.formats())) files.add(f.toString());
        } catch (DudaoException e) {
            problems.add(e.getMessage());
            exit = ExitCodes.CANNOT_RUN;
        }
        String name = evaluation.entity(g.key()).map(Entity::displayName).orElse(g.name());
        Optional<StoredRun> previous = history.previousRun(g.key(), null);
        NewRun run = new NewRun(g.key(), name, startedAt, evaluation.year(), years(evaluation.yearsPresent()), rules.sha256(),
                inputsSha, formats, folder.toString(), true, exit, inputs);
        long runId = history.saveRun(batchId, run, evaluation.verdicts());
        for (String p : problems) history.problem(batchId, runId, null, p);
        List<StoredVerdict> now = evaluation.verdicts().stream().map(v -> stored(runId, v)).toList();
        Changes changes = previous.isPresent()
                ? Changes.between(previous.get().id(), history.verdicts(previous.get().id()), now) : Changes.none();
        return new BatchResult.RegionResult(g.key(), name, folder, BatchResult.Outcome.EVALUATED, runId,
                previous.map(StoredRun::id).orElse(null), evaluation.year(), run.yearsPresent(), inputs, exit,
                evaluation.tally().counts(), now.stream().filter(v -> v.status() == Status.FAIL).toList(), changes,
                Trend.of(history.regionVerdicts(g.key())), problems, files);
    }

    private BatchResult.RegionResult skipped(Group g, Path folder, List<InputFile> inputs, StoredRun same) throws HistoryException {
        List<StoredVerdict> verdicts = history.verdicts(same.id());
        Optional<StoredRun> before = history.previousRun(g.key(), same.id());
        Changes changes = before.isPresent()
                ? Changes.between(before.get().id(), history.verdicts(before.get().id()), verdicts) : Changes.none();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) counts.put(s, 0);
        for (StoredVerdict v : verdicts) counts.merge(v.status(), 1, Integer::sum);
        List<String> files = options.formats().stream().map(f -> folder.resolve(f.fileName()).toString()).toList();
        return new BatchResult.RegionResult(g.key(), same.regionName() == null ? g.name() : same.regionName(), folder,
                BatchResult.Outcome.SKIPPED, same.id(), before.map(StoredRun::id).orElse(null), same.year(), same.yearsPresent(),
                inputs, same.exitCode(), counts, verdicts.stream().filter(v -> v.status() == Status.FAIL).toList(), changes,
                Trend.of(history.regionVerdicts(g.key())), List.of(), files);
    }

    private BatchResult.RegionResult notEvaluated(long batchId, Group g, Path folder, List<InputFile> inputs, String inputsSha,
                                                  String startedAt, List<String> problems) throws HistoryException {
        NewRun run = new NewRun(g.key(), g.name(), startedAt, null, null, rules.sha256(), inputsSha, String.join(",", options.formatNames()),
                folder.toString(), false, ExitCodes.CANNOT_RUN, inputs);
        long runId = history.saveRun(batchId, run, List.of());
        for (String p : problems) history.problem(batchId, runId, null, p);
        return new BatchResult.RegionResult(g.key(), g.name(), folder, BatchResult.Outcome.NOT_EVALUATED, runId, null, null, null,
                inputs, ExitCodes.CANNOT_RUN, emptyCounts(), List.of(), Changes.none(), List.of(), problems, List.of());
    }

    private static BatchResult.RegionResult failed(Group g, Path folder, List<InputFile> inputs, String why) {
        return new BatchResult.RegionResult(g.key(), g.name(), folder, BatchResult.Outcome.NOT_EVALUATED, null, null, null, null,
                inputs, ExitCodes.CANNOT_RUN, emptyCounts(), List.of(), Changes.none(), List.of(), List.of(why), List.of());
    }

    private boolean coversFormats(StoredRun run) {
        List<String> had = Arrays.asList(run.formats().split(","));
        return had.containsAll(options.formatNames());
    }

    /**
     * True when the folder holds, whole and unchanged, the reports of a run from these inputs and the
     * current rules in every format asked for (its manifest says so and the files' hashes agree): not
     * after a run that failed to write or was killed half way, nor beside another input's reports.
     */
    private boolean holdsReportsOf(Path folder, String inputsSha) throws IOException {
        Optional<Manifest> m = RunFolder.verified(folder);
        return m.isPresent() && inputsSha.equals(m.get().inputsSha256()) && rules.sha256().equals(m.get().rulesSha256())
                && options.formats().stream().allMatch(f -> m.get().file(f.fileName()) != null);
    }

    private static Map<Status, Integer> emptyCounts() {
        Map<Status, Integer> c = new EnumMap<>(Status.class);
        for (Status s : Status.values()) c.put(s, 0);
        return c;
    }

    static StoredVerdict stored(long runId, Verdict v) {
        return new StoredVerdict(runId, v.getIndicator(), v.getName(), v.getLevel(), v.getEntityCode(), v.getEntityName(),
                v.getPart(), v.getParentCode(), v.getYear(), v.getStatus(), v.getObserved(), v.getObservedText(), v.getBound(), v.getMessage());
    }

    private static String years(SortedSet<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String label(BatchResult.RegionResult r) {
        String head = r.key().equals(r.name()) ? r.key() : r.key() + " " + r.name();
        return switch (r.outcome()) {
            case EVALUATED -> head + "：不达标 " + r.counts().get(Status.FAIL) + " 项，新增不达标 " + r.changes().newFailures().size()
                    + " 项，已整改 " + r.changes().fixed().size() + " 项"
                    + (r.changes().waived().isEmpty() ? "" : "，新增豁免 " + r.changes().waived().size() + " 项");
            case SKIPPED -> head + "：输入和规则未变化，已跳过（沿用第 " + r.runId() + " 次运行）";
            case NOT_EVALUATED -> head + "：无法核查（" + String.join("；", r.problems()) + "）";
        };
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
