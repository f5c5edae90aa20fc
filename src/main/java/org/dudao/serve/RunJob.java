package org.dudao.serve;

import org.dudao.api.Dudao;
import org.dudao.api.DudaoException;
import org.dudao.api.Evaluation;
import org.dudao.api.EvaluationRequest;
import org.dudao.api.ExitCodes;
import org.dudao.api.ReportFormat;
import org.dudao.api.Rules;
import org.dudao.api.WorkbookContents;
import org.dudao.batch.Grouping;
import org.dudao.engine.RuleCompileException;
import org.dudao.history.HistoryException;
import org.dudao.history.NewRun;
import org.dudao.model.Entity;
import org.dudao.model.InputFile;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One console run, on a thread of the {@link RunQueue}: a quick look into each workbook (its years
 * and regions, shown while the run goes on), then the run exactly as {@code evaluate} does it
 * ({@link Rules#evaluate} and {@link Evaluation#write}, every format, and a docx per region), then
 * its record in the history database, as {@code batch} records a region's run. Each stage and each
 * message of the pipeline's progress goes to the run's state as it happens.
 */
final class RunJob implements Runnable {
    /** The folder of a run's per-region docx reports. */
    static final String REGIONS = "regions";
    /** Regions of a workbook listed on the run page; the rest are counted. */
    private static final int REGIONS_SHOWN = 12;
    /** Entities named under a failing indicator on the result page. */
    private static final int SUBJECTS_SHOWN = 5;

    private final Console console;
    private final long id;
    private final User user;

    RunJob(Console console, long id, User user) {
        this.console = console;
        this.id = id;
        this.user = user;
    }

    @Override public void run() {
        Path folder = console.runs().folder(id);
        try {
            RunState s = console.runs().get(id).orElseThrow();
            console.runs().update(id, r -> {
                r.state = RunState.State.RUNNING;
                r.startedAt = now();
            });
            step("预检", "识别各工作簿的年度和地区");
            List<Path> paths = s.inputs.stream().map(i -> folder.resolve(i.stored)).toList();
            Grouping.Region region = probe(s, paths);
            console.runs().update(id, r -> {
                r.regionKey = region.key();
                r.regionName = region.name();
            });
            if (!user.covers(region.key())) {
                fail("工作簿所属地区 " + region.name() + "（" + region.key() + "）不在你的权限范围（" + user.region() + "）内", List.of());
                return;
            }
            try {
                console.waivers(); // read again at each run: one added in the console applies to the next
            } catch (RuleCompileException e) {
                fail("豁免文件有误：" + e.messages().stream().map(Object::toString).collect(Collectors.joining("；")), List.of());
                return;
            }
            String startedAt = now();
            Consumer<String> told = m -> step("读取与评估", m.replace(folder + "/", ""));
            step("读取与评估", "读取 " + paths.size() + " 个工作簿并按 " + console.rules().catalogue().size() + " 项指标评估");
            // in the order evaluate takes them (sorted by path), so the report is evaluate's byte for byte
            EvaluationRequest request = EvaluationRequest.of(paths.stream().sorted().toList()).withYear(s.year)
                    .withThreads(console.threadsPerRun()).withWaivers(console.extraWaiverFiles()).withProgress(told);
            Evaluation evaluation;
            try {
                evaluation = console.rules().evaluate(request);
            } catch (DudaoException e) {
                List<String> problems = new ArrayList<>();
                for (DudaoException.Problem p : e.problems()) problems.add(p.message().replace(folder + "/", ""));
                List<String> recorded = new ArrayList<>(problems);
                recorded.add(e.getMessage());
                record(region, startedAt, null, recorded, ExitCodes.CANNOT_RUN);
                fail(e.getMessage(), problems);
                return;
            }
            Consumer<String> writing = m -> step("写报告", m.replace(folder + "/", ""));
            Evaluation.WriteOptions options = Evaluation.WriteOptions.defaults().withThreads(console.threadsPerRun()).withProgress(writing);
            List<Path> written = evaluation.write(folder, ReportFormat.all(), options);
            List<Path> regional = evaluation.write(folder.resolve(REGIONS), List.of(ReportFormat.DOCX), options.withDocxPerRegion(true));
            step("记入历史", "记入结果历史库");
            List<String> problems = evaluation.runProblems().stream().map(p -> p.replace(folder + "/", "")).toList();
            int exit = evaluation.exitCode();
            long historyId = record(region, startedAt, evaluation, problems, exit);
            console.runs().update(id, r -> {
                r.state = RunState.State.DONE;
                r.stage = "完成";
                r.finishedAt = now();
                r.evaluatedYear = evaluation.year();
                r.counts = counts(evaluation);
                r.failing = failing(evaluation.verdicts());
                r.exitCode = exit;
                r.problems = problems;
                r.historyRunId = historyId;
                r.reports = written.stream().map(p -> p.getFileName().toString()).toList();
                r.regionReports = regional.stream().map(p -> p.getFileName().toString()).toList();
                r.progress.add(new RunState.Step(now(), "完成", "运行完成，退出状态 " + exit));
            });
        } catch (Exception | OutOfMemoryError e) {
            // a run's own failure: the server and the other runs go on
            try {
                fail("运行出错：" + e, List.of());
            } catch (IOException ignored) {
                // the state file cannot be written: the next start shows the run as interrupted
            }
        } finally {
            console.runs().get(id).ifPresent(r -> console.logs().run(r));
        }
    }

    /** Reads each workbook's years and regions, and the region the run belongs to (as {@code batch} groups workbooks). */
    private Grouping.Region probe(RunState s, List<Path> paths) throws IOException {
        List<Entity> all = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            int k = i;
            try {
                WorkbookContents r = console.rules().probe(paths.get(i));
                all.addAll(r.entities());
                List<Entity> regions = regions(r);
                console.runs().update(id, st -> {
                    RunState.Input in = st.inputs.get(k);
                    in.years = List.copyOf(r.years());
                    in.regionCount = regions.size();
                    in.regions = regions.stream().limit(REGIONS_SHOWN).map(e -> e.displayName() + "（" + e.getCode() + "）").toList();
                });
            } catch (DudaoException e) {
                // the run goes on: the loader says the same, in the run's problems
                console.runs().update(id, st -> st.inputs.get(k).problem = e.getMessage());
            }
        }
        String first = s.inputs.isEmpty() ? "" : s.inputs.get(0).name;
        Grouping.Region region = Grouping.regionOf(all, first);
        return region.key().startsWith("文件:") ? new Grouping.Region("控制台:" + id, "控制台第 " + id + " 次运行") : region;
    }

    /** The regions a quick look found, from the top level down, by code within a level. */
    static List<Entity> regions(WorkbookContents r) {
        return r.entities().stream().filter(e -> e.getKind().isRegion())
                .sorted(Comparator.comparing(Entity::getKind).thenComparing(Entity::getCode)).toList();
    }

    /** Records the run in the history, as a batch of one region's run. */
    private long record(Grouping.Region region, String startedAt, Evaluation report, List<String> problems, int exit)
            throws HistoryException, IOException {
        RunState s = console.runs().get(id).orElseThrow();
        var history = console.history();
        String rulesDir = console.rules().location().folder().toString();
        String folder = console.runs().folder(id).toAbsolutePath().toString();
        long batch = history.startBatch(startedAt, Dudao.version(), rulesDir, console.rules().sha256(), folder);
        List<InputFile> inputs = s.inputs.stream().map(i -> new InputFile(i.name, i.sha256, i.bytes)).toList();
        String inputsSha = Sha256.ofInputs(s.inputs.stream().map(i -> i.sha256).toList());
        String name = report == null ? region.name()
                : report.entity(region.key()).map(Entity::displayName).orElse(region.name());
        String years = report == null ? null : report.yearsPresent().stream().map(String::valueOf).collect(Collectors.joining(","));
        NewRun run = new NewRun(region.key(), name, startedAt, report == null ? null : report.year(), years,
                console.rules().sha256(), inputsSha, ReportFormat.all().stream().map(ReportFormat::id).collect(Collectors.joining(",")), folder, report != null, exit, inputs);
        long runId = history.saveRun(batch, run, report == null ? List.of() : report.verdicts());
        for (String p : problems) history.problem(batch, runId, null, p);
        history.finishBatch(batch, now(), report == null ? 0 : 1, 0, problems.size(), exit);
        return runId;
    }

    private void step(String stage, String message) {
        try {
            console.runs().update(id, r -> {
                r.stage = stage;
                r.progress.add(new RunState.Step(now(), stage, message));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fail(String why, List<String> problems) throws IOException {
        console.runs().update(id, r -> {
            r.state = RunState.State.FAILED;
            r.stage = "失败";
            r.finishedAt = now();
            r.exitCode = ExitCodes.CANNOT_RUN;
            r.message = why;
            r.problems = problems;
            r.progress.add(new RunState.Step(now(), "失败", why));
        });
    }

    static Map<String, Integer> counts(Evaluation evaluation) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Status st : Status.values()) out.put(st.name(), (int) evaluation.tally().count(st));
        return out;
    }

    /** The indicators with failures, most failures first, each with the first entities that fail it. */
    static List<RunState.Failing> failing(List<Verdict> verdicts) {
        Map<String, List<Verdict>> byIndicator = new LinkedHashMap<>();
        for (Verdict v : verdicts) if (v.getStatus() == Status.FAIL) byIndicator.computeIfAbsent(v.getIndicator(), k -> new ArrayList<>()).add(v);
        return byIndicator.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() != a.getValue().size() ? b.getValue().size() - a.getValue().size() : a.getKey().compareTo(b.getKey()))
                .map(e -> new RunState.Failing(e.getKey(), e.getValue().get(0).getName(), e.getValue().size(),
                        e.getValue().stream().limit(SUBJECTS_SHOWN).map(Verdict::getSubject).toList()))
                .toList();
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
