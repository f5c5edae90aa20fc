package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.engine.Evaluation;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleLimitException;
import org.dudao.engine.SessionLimits;
import org.dudao.engine.StreamingEvaluator;
import org.dudao.engine.VerdictStore;
import org.dudao.engine.Waivers;
import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.InputFile;
import org.dudao.report.DocxReport;
import org.dudao.report.HtmlReport;
import org.dudao.report.JsonReport;
import org.dudao.report.Manifest;
import org.dudao.report.Report;
import org.dudao.report.ReportContext;
import org.dudao.report.ReportView;
import org.dudao.report.RunFolder;
import org.dudao.report.RunInfo;
import org.dudao.report.XlsxReport;
import org.dudao.util.FileNameCharset;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run, as {@code evaluate} does it and {@code batch} does it per region: load a group of
 * workbooks, evaluate them against an already compiled rule base, apply the waivers, build the
 * {@link Report}; and write the reports of a run in the formats asked for. The rule base is
 * compiled once by the caller and may be shared by runs on several threads.
 */
public final class RunPipeline {
    /** The report formats {@link #write} knows, in the order they are written (json first: the contract, and cheapest). */
    public static final List<String> FORMATS = List.of("json", "xlsx", "html", "docx");

    private RunPipeline() {}

    /** What a run applies besides the rules: the waivers, the day their expiry is judged by, and the bounds on each session. */
    public record Settings(Waivers waivers, LocalDate asOf, SessionLimits limits) {
        public Settings(Waivers waivers, LocalDate asOf) { this(waivers, asOf, SessionLimits.DEFAULT); }

        public static Settings none() { return new Settings(Waivers.none(), LocalDate.now()); }
    }

    /**
     * What a run gave: the report (null when there was nothing to evaluate), the workbooks that could
     * not be read, and, when the run could not be done at all, the reason (in Chinese).
     */
    public record Outcome(Report report, List<WorkbookException> unreadable, String fatal) {
        public boolean evaluated() { return report != null; }

        /** The run's exit code: {@link ExitCodes#CANNOT_RUN} when anything could not be done, else by the verdicts. */
        public int exitCode() {
            if (report == null || !report.runProblems().isEmpty()) return ExitCodes.CANNOT_RUN;
            return ExitCodes.of(report.evaluation().tally());
        }
    }

    /** The formats asked for, lower-cased, with {@code all} expanded, in writing order; unknown ones kept for {@link #unsupported}. */
    public static List<String> formats(Collection<String> asked) {
        Set<String> set = new LinkedHashSet<>();
        for (String f : asked) set.add(f.strip().toLowerCase(Locale.ROOT));
        if (set.remove("all")) set.addAll(FORMATS);
        List<String> ordered = new ArrayList<>();
        for (String f : FORMATS) if (set.contains(f)) ordered.add(f);
        for (String f : set) if (!FORMATS.contains(f)) ordered.add(f);
        return ordered;
    }

    /** The formats of the list this build cannot write (empty when all are known). */
    public static Set<String> unsupported(Collection<String> asked) {
        Set<String> unknown = new LinkedHashSet<>(formats(asked));
        unknown.removeAll(FORMATS);
        return unknown;
    }

    /**
     * Loads the workbooks and evaluates {@code year} (the latest year present when null) with
     * {@code threads} sessions in parallel, then applies the waivers.
     */
    public static Outcome run(RuleBase ruleBase, String rulesDir, List<Path> workbooks, Integer year, int threads, Settings settings) {
        return run(ruleBase, rulesDir, workbooks, year, threads, settings, false);
    }

    /**
     * As {@link #run(RuleBase, String, List, Integer, int, Settings)}; with {@code byWorkbook}, each
     * workbook is loaded and its counties evaluated in turn ({@link StreamingEvaluator}), so memory holds
     * a few workbooks rather than all of them: each must hold whole counties with all their years.
     */
    public static Outcome run(RuleBase ruleBase, String rulesDir, List<Path> workbooks, Integer year, int threads, Settings settings,
                              boolean byWorkbook) {
        return run(ruleBase, rulesDir, workbooks, year, threads, settings, byWorkbook, message -> {});
    }

    /** As {@link #run(RuleBase, String, List, Integer, int, Settings, boolean)}, telling {@code progress} how far it got (in Chinese). */
    public static Outcome run(RuleBase ruleBase, String rulesDir, List<Path> workbooks, Integer year, int threads, Settings settings,
                              boolean byWorkbook, Consumer<String> progress) {
        try {
            return evaluate(ruleBase, rulesDir, workbooks, year, threads, settings, byWorkbook, progress);
        } catch (RuleLimitException e) {
            // a rule that loops, inserts without end or halts its session: the run cannot be done
            return new Outcome(null, List.of(), e.getMessage());
        }
    }

    private static Outcome evaluate(RuleBase ruleBase, String rulesDir, List<Path> workbooks, Integer year, int threads, Settings settings,
                                    boolean byWorkbook, Consumer<String> progress) {
        long start = System.nanoTime();
        String time = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Dataset data;
        List<WorkbookException> unreadable;
        Evaluation evaluation = null;
        List<String> runProblems = new ArrayList<>();
        if (byWorkbook) {
            // waivers are applied county by county as the verdicts go to the store
            StreamingEvaluator.Result r = new StreamingEvaluator(ruleBase, threads, settings.waivers().applier(settings.asOf()),
                    VerdictStore.create(), settings.limits()).reporting(progress).evaluate(workbooks, year);
            data = r.data();
            unreadable = r.unreadable();
            evaluation = r.evaluation();
            for (WorkbookException e : unreadable) runProblems.add(unreadableMessage(e));
            runProblems.addAll(r.runProblems());
        } else {
            WorkbookLoader.Result loaded = new WorkbookLoader(ruleBase.dictionary()).load(workbooks);
            data = loaded.dataset();
            progress.accept(String.format("已读取 %d 个工作簿（%s）", workbooks.size(), seconds(start)));
            unreadable = loaded.unreadable();
            for (WorkbookException e : unreadable) runProblems.add(unreadableMessage(e));
        }
        if (data.years().isEmpty()) {
            return new Outcome(null, unreadable, "所给工作簿中没有可评估的数据（未找到带年度的地区表、学校表或班级表）");
        }
        int evalYear = year != null ? year : Evaluator.latestYear(data);
        if (!data.years().contains(evalYear)) {
            return new Outcome(null, unreadable, "数据中没有 " + evalYear + " 年的数据（有：" + data.years() + "）");
        }
        if (evaluation == null) {
            evaluation = new Evaluator(ruleBase, threads, settings.limits()).evaluate(data, evalYear)
                    .withWaivers(settings.waivers(), settings.asOf());
            progress.accept(String.format("已评估：%d 条结论（%s）", evaluation.verdicts().size(), seconds(start)));
        }
        runProblems.addAll(evaluation.ruleProblems());
        RunInfo run = new RunInfo("dudao", Version.get(), time, evaluation.year(), data.years(), data.inputs(), rulesDir,
                ruleBase.hash(), ruleBase.catalogue().size());
        ReportContext context = ReportContext.of(ruleBase, unreadable);
        runProblems.addAll(context.problems());
        return new Outcome(new Report(run, data, ruleBase.catalogue(), evaluation, runProblems, context), unreadable, null);
    }

    private static String seconds(long since) {
        return String.format("用时 %.1f 秒", (System.nanoTime() - since) / 1e9);
    }

    /** {@code 无法读取工作簿 FILE：WHY}, the form a workbook that cannot be read is reported in. */
    public static String unreadableMessage(WorkbookException e) {
        return "无法读取工作簿 " + e.getFile() + "：" + e.getMessage();
    }

    /**
     * Writes the reports of a run in the given formats into {@code dir}, each file atomically, and
     * returns the files written. With {@code perRegion}, the docx draft is one file per region.
     * This is the one place a new report format is added.
     */
    public static List<Path> write(Report report, Collection<String> asked, Path dir, boolean perRegion) throws IOException {
        return write(report, asked, dir, perRegion, Runtime.getRuntime().availableProcessors(), message -> {});
    }

    /**
     * As {@link #write(Report, Collection, Path, boolean)}, on at most {@code threads} threads, telling
     * {@code progress} when each format is written and how long it took.
     */
    public static List<Path> write(Report report, Collection<String> asked, Path dir, boolean perRegion, int threads,
                                   Consumer<String> progress) throws IOException {
        Set<String> unknown = unsupported(asked);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unsupported report formats: " + unknown);
        List<Path> written = new ArrayList<>();
        List<String> formats = formats(asked);
        // one pass over the verdicts serves the html and the whole-run docx
        ReportView view = formats.contains("html") || (formats.contains("docx") && !perRegion) ? new ReportView(report) : null;
        // the folder holds this run's reports only: staged, published with the manifest, the previous run's others removed
        try (RunFolder.Publication publication = RunFolder.begin(dir, manifestRun(report))) {
            writeEach(report, formats, dir, perRegion, threads, progress, view, written);
            publication.commit();
        }
        return written;
    }

    /** What the manifest says of the run: a new id, its time, the rules' hash and the inputs with theirs. */
    static Manifest.Run manifestRun(Report report) {
        RunInfo run = report.run();
        List<InputFile> inputs = run.inputs();
        return new Manifest.Run(UUID.randomUUID().toString(), run.time(), run.tool(), run.version(), run.rulesSha256(),
                Sha256.ofInputs(inputs.stream().map(InputFile::sha256).toList()), inputs);
    }

    private static void writeEach(Report report, List<String> formats, Path dir, boolean perRegion, int threads, Consumer<String> progress,
                                  ReportView view, List<Path> written) throws IOException {
        for (String format : formats) {
            long start = System.nanoTime();
            Path file = dir.resolve(fileName(format));
            switch (format) {
                case "json" -> JsonReport.write(report, file, threads);
                case "xlsx" -> XlsxReport.write(report, file);
                case "html" -> HtmlReport.write(view, file);
                case "docx" -> {
                    if (perRegion) {
                        List<Path> docs = DocxReport.writePerRegion(report, dir);
                        written.addAll(docs);
                        progress.accept(String.format("已写入 %d 份地区督导报告（%s）", docs.size(), seconds(start)));
                        continue;
                    }
                    DocxReport.write(view, file);
                }
                default -> throw new IllegalStateException(format);
            }
            written.add(file);
            progress.accept(String.format("已写入 %s（%s）", file, seconds(start)));
        }
    }

    public static List<Path> write(Report report, Collection<String> asked, Path dir) throws IOException {
        return write(report, asked, dir, false);
    }

    /** The file a format is written to, relative to a run's folder. */
    public static String fileName(String format) {
        return switch (format) {
            case "json" -> "report.json";
            case "xlsx" -> "report.xlsx";
            case "html" -> "report.html";
            // 督导报告.docx cannot be named under a locale without Chinese (LANG=C and plain java -jar)
            case "docx" -> FileNameCharset.fits(DocxReport.FILE) ? DocxReport.FILE : "report.docx";
            default -> throw new IllegalArgumentException(format);
        };
    }
}
