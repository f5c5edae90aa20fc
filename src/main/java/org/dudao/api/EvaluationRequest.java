package org.dudao.api;

import org.dudao.engine.SessionLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to evaluate and how: the workbooks (typically one per year, merged into one set of facts),
 * the year (the latest present when not given), the waivers besides the rules folder's own and the
 * day their expiry is judged by, the threads, whether to go workbook by workbook (national scale),
 * the bounds on each session and where progress is told. Immutable: each {@code with…} returns a
 * changed copy, so one request can serve as the template of many ({@code batch} evaluates every region
 * with the same waivers).
 *
 * <pre>{@code
 * EvaluationRequest request = EvaluationRequest.of(List.of(Path.of("县2023.xlsx"), Path.of("县2024.xlsx")))
 *         .withYear(2024)
 *         .withWaivers(List.of(Path.of("waivers.csv")));
 * }</pre>
 */
public final class EvaluationRequest {
    private static final Consumer<String> SILENT = message -> { };

    private final List<Path> workbooks;
    private final Integer year;
    private final int threads;
    private final boolean byWorkbook;
    private final List<Path> waivers;
    private final LocalDate asOf;
    private final SessionLimits limits;
    private final Consumer<String> progress;

    private EvaluationRequest(List<Path> workbooks, Integer year, int threads, boolean byWorkbook, List<Path> waivers, LocalDate asOf,
                              SessionLimits limits, Consumer<String> progress) {
        this.workbooks = List.copyOf(workbooks);
        this.year = year;
        this.threads = threads;
        this.byWorkbook = byWorkbook;
        this.waivers = List.copyOf(waivers);
        this.asOf = asOf;
        this.limits = limits;
        this.progress = progress;
    }

    /**
     * The workbooks (.xlsx, .xls or .csv), evaluated in the order given, with every other setting at its
     * default: the latest year, no waivers but the rules folder's, judged as of the day the request is
     * made, as many threads as processors, all workbooks loaded together, 10 minutes and 5,000,000
     * facts per session.
     */
    public static EvaluationRequest of(List<Path> workbooks) {
        return new EvaluationRequest(workbooks, null, Runtime.getRuntime().availableProcessors(), false, List.of(), LocalDate.now(),
                SessionLimits.DEFAULT, SILENT);
    }

    /** The same request for other workbooks. */
    public EvaluationRequest withWorkbooks(List<Path> workbooks) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, waivers, asOf, limits, progress);
    }

    /** The year to evaluate (the earlier years present are its baseline); null for the latest year with data. */
    public EvaluationRequest withYear(Integer year) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, waivers, asOf, limits, progress);
    }

    /** Sessions evaluated in parallel (at least 1). */
    public EvaluationRequest withThreads(int threads) {
        return new EvaluationRequest(workbooks, year, Math.max(1, threads), byWorkbook, waivers, asOf, limits, progress);
    }

    /**
     * Workbook by workbook: each is loaded and its counties evaluated in turn, and its facts let go, so
     * that memory holds a few workbooks rather than all. Each workbook must then hold whole counties with
     * all their years (a province per workbook).
     */
    public EvaluationRequest byWorkbook(boolean byWorkbook) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, waivers, asOf, limits, progress);
    }

    /**
     * Waiver files (指标,单位代码,年度,理由,批准人,有效期至) applied besides the rules folder's
     * {@code waivers.csv}; they replace those given before. Read when the evaluation starts: a mistake in
     * one is a {@link DudaoException} naming each bad line, before anything is evaluated.
     */
    public EvaluationRequest withWaivers(List<Path> files) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, files, asOf, limits, progress);
    }

    /** The day a waiver's expiry is judged by (today when not given). */
    public EvaluationRequest asOf(LocalDate day) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, waivers, Objects.requireNonNull(day), limits, progress);
    }

    /**
     * The bounds on each session (a county with its schools and classes): a rule that runs longer, or
     * inserts more facts, ends the evaluation with a {@link DudaoException} naming it.
     */
    public EvaluationRequest withLimits(Duration time, long facts) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, waivers, asOf, new SessionLimits(time, facts), progress);
    }

    /** Where the evaluation says how far it got, one Chinese line at a time (from the evaluation's threads). */
    public EvaluationRequest withProgress(Consumer<String> progress) {
        return new EvaluationRequest(workbooks, year, threads, byWorkbook, waivers, asOf, limits, Objects.requireNonNull(progress));
    }

    public List<Path> workbooks() { return workbooks; }

    public Integer year() { return year; }

    public int threads() { return threads; }

    public boolean byWorkbook() { return byWorkbook; }

    public LocalDate asOf() { return asOf; }

    public List<Path> waivers() { return waivers; }

    SessionLimits limits() { return limits; }

    Consumer<String> progress() { return progress; }
}
