package org.dudao.api;

import org.dudao.model.Entity;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem;
import org.dudao.model.Tally;
import org.dudao.model.Verdict;
import org.dudao.report.ConsoleSummary;
import org.dudao.report.DocxReport;
import org.dudao.report.FileProblems;
import org.dudao.report.Manifest;
import org.dudao.report.Report;
import org.dudao.report.ReportView;
import org.dudao.report.RunFolder;
import org.dudao.report.RunInfo;
import org.dudao.util.Phases;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What an evaluation gave ({@link Rules#evaluate}): the verdicts in report order, their tally, the
 * problems met loading the data and running the rules, and the exit status; and the reports written
 * from it ({@link #write}). A national run keeps most of its verdicts on disk, read back as they are
 * iterated: iterate or stream them, and take counts from {@link #tally()}.
 */
public final class Evaluation {
    private final Report report;

    Evaluation(Report report) {
        this.report = report;
    }

    /** The year evaluated. */
    public int year() { return report.run().year(); }

    /** Every year the workbooks hold (the earlier ones are the baseline of 只增不减, 增长 …). */
    public SortedSet<Integer> yearsPresent() { return report.run().yearsPresent(); }

    /**
     * The verdicts, in report order: by the entity's place in the hierarchy, then the catalogue's order
     * of indicators. A run workbook by workbook keeps them on disk: iterate rather than index.
     */
    public List<Verdict> verdicts() { return report.verdicts(); }

    /** The verdicts as a stream, in report order (read from disk as the stream goes, when the run kept them there). */
    public Stream<Verdict> stream() { return report.verdicts().stream(); }

    /** The verdicts counted by status, overall and by indicator. */
    public Tally tally() { return report.evaluation().tally(); }

    /** Every workbook read, with its SHA-256 and size. */
    public List<InputFile> inputs() { return report.data().inputs(); }

    /** The entity of a code (a region, a school, a class) as the workbooks describe it. */
    public Optional<Entity> entity(String code) { return Optional.ofNullable(report.data().entities().get(code)); }

    /** What was wrong in the data, each at its workbook, sheet and cell (the values it concerns were left out or noted). */
    public List<LoadProblem> loadProblems() { return report.data().problems(); }

    /**
     * What went wrong with the run itself, one Chinese line each: workbooks that could not be read, a
     * rule that gave two verdicts for one subject, a malformed {@code documents.csv}. Any of them makes
     * the exit status {@link ExitCodes#CANNOT_RUN}.
     */
    public List<String> runProblems() { return report.runProblems(); }

    /** Notes worth a look that change nothing (a waiver that matched no failure). */
    public List<String> notes() { return report.evaluation().notes(); }

    /** The exit status a command gives for this run: {@link ExitCodes#CANNOT_RUN} when the run had problems, else by the verdicts. */
    public int exitCode() {
        return report.runProblems().isEmpty() ? ExitCodes.of(tally()) : ExitCodes.CANNOT_RUN;
    }

    /** The Chinese summary {@code dudao evaluate} prints: data received, verdicts in figures, what to act on; with {@code verbose} every indicator. */
    public void printSummary(PrintStream out, boolean verbose) {
        ConsoleSummary.print(report, out, verbose);
    }

    /** How reports are written: the docx per region, the threads the json may use, and where progress is told. */
    public record WriteOptions(boolean docxPerRegion, int threads, Consumer<String> progress) {
        /** One docx for the run, as many threads as processors, no progress. */
        public static WriteOptions defaults() {
            return new WriteOptions(false, Runtime.getRuntime().availableProcessors(), message -> { });
        }

        /** One {@code 督导报告-<地区>-<代码>.docx} per region instead of one for the run. */
        public WriteOptions withDocxPerRegion(boolean perRegion) { return new WriteOptions(perRegion, threads, progress); }

        public WriteOptions withThreads(int n) { return new WriteOptions(docxPerRegion, Math.max(1, n), progress); }

        /** Told, in Chinese, when each format is written and how long it took. */
        public WriteOptions withProgress(Consumer<String> told) { return new WriteOptions(docxPerRegion, threads, told); }
    }

    /** Writes the reports in the formats given into {@code dir}, with {@link WriteOptions#defaults()}. */
    public List<Path> write(Path dir, Collection<ReportFormat> formats) throws DudaoException {
        return write(dir, formats, WriteOptions.defaults());
    }

    /**
     * Writes the reports in the formats given into {@code dir}, each file staged and published with the
     * folder's {@code manifest.json} last; the previous run's other reports are removed, so a folder
     * holds one run. Returns the files written.
     *
     * @throws DudaoException a report could not be written (read-only folder, full disk, name too long),
     *                        or the folder holds reports no run's manifest lists
     */
    public List<Path> write(Path dir, Collection<ReportFormat> formats, WriteOptions options) throws DudaoException {
        List<ReportFormat> ordered = Stream.of(ReportFormat.values()).filter(formats::contains).toList();
        // one pass over the verdicts serves the html and the whole-run docx
        ReportView[] view = new ReportView[1];
        List<Path> written = new ArrayList<>();
        try (RunFolder.Publication publication = RunFolder.begin(dir, manifestRun())) {
            for (ReportFormat format : ordered) {
                long start = System.nanoTime();
                if (format == ReportFormat.DOCX && options.docxPerRegion()) {
                    List<Path> docs = DocxReport.writePerRegion(report, dir, new Ticker(start, Ticker.EVERY, options.progress()));
                    written.addAll(docs);
                    options.progress().accept(String.format("已写入 %d 份地区督导报告（%s）", docs.size(), Run.seconds(start)));
                    continue;
                }
                Path file = dir.resolve(format.fileName());
                format.writer().write(new ReportFormat.Job(report, () -> view[0] != null ? view[0] : (view[0] = new ReportView(report)),
                        file, options.threads()));
                written.add(file);
                options.progress().accept(String.format("已写入 %s（%s）", file, Run.seconds(start)));
                Phases.mark("written " + format.fileName());
            }
            publication.commit();
        } catch (IOException | UncheckedIOException e) {
            throw new DudaoException("无法写入报告：" + FileProblems.describe(e), e);
        }
        return written;
    }

    /**
     * Tells how many regional documents are written every few seconds: a national run writes thousands,
     * and the console and {@code --progress} would otherwise show nothing moving for minutes.
     */
    static final class Ticker implements Consumer<Path> {
        /** How often, in nanoseconds. */
        static final long EVERY = 3_000_000_000L;
        private final long start;
        private final long every;
        private final Consumer<String> progress;
        private long told;
        private int written;

        Ticker(long start, long every, Consumer<String> progress) {
            this.start = start;
            this.every = every;
            this.progress = progress;
            this.told = start;
        }

        @Override public void accept(Path file) {
            written++;
            long now = System.nanoTime();
            if (now - told < every) return;
            told = now;
            progress.accept(String.format("已写入 %d 份地区督导报告，继续写入中（%s）", written, Run.seconds(start)));
        }
    }

    /** What the manifest says of the run: a new id, its time, the rules' hash and the inputs with theirs. */
    private Manifest.Run manifestRun() {
        RunInfo run = report.run();
        return new Manifest.Run(UUID.randomUUID().toString(), run.time(), run.tool(), run.version(), run.rulesSha256(),
                Sha256.ofInputs(run.inputs().stream().map(InputFile::sha256).toList()), run.inputs());
    }

    Report report() { return report; }
}
