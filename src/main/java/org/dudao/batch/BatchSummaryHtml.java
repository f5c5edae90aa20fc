package org.dudao.batch;

import org.dudao.api.Dudao;
import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.Status;
import org.dudao.report.Html;
import org.dudao.report.HtmlReport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code batch-summary.html}: one self-contained page with the same tables as batch-summary.xlsx
 * (批次概况, 各地区, 新增与整改, 趋势, problems and duplicates), styled like report.html. It has no
 * script at all, and its Content-Security-Policy allows none and no request to anywhere. The markup is
 * the template {@code batch/summary.jte}; this class gathers its texts ({@link Page}), which jte escapes.
 */
public final class BatchSummaryHtml {
    /** Changes listed; beyond this the page points to batch-summary.xlsx. */
    static final int CHANGE_LIMIT = 2000;
    /** Trend rows listed per region. */
    static final int TREND_LIMIT = 1000;

    private static final String CSS = HtmlReport.css() + Html.resource(BatchSummaryHtml.class, "batch-summary.css");

    private BatchSummaryHtml() {}

    /** What summary.jte shows, in the order it shows it. */
    public record Page(String title, String css, String meta, List<HtmlReport.Figure> figures, int exitCode, String exitMeaning,
                       List<Fact> facts, List<List<Html.Cell>> totals, List<String> regionHeader, List<Row> regions,
                       List<Row> changes, String changesCut, List<TrendTable> trend, List<List<Html.Cell>> problems,
                       List<List<Html.Cell>> duplicates) {}

    /** A row of the 批次概况 table. */
    public record Fact(String label, String value) {}

    /** A table row of one region ({@code data-region}); {@code outcome} is null where the row has no {@code data-outcome}. */
    public record Row(String region, String outcome, List<Html.Cell> cells) {}

    /**
     * A region's trend: its heading, then (when anything changed) a table of the runs (columns) and the changed
     * observations (rows), then the notes on what is left out (null when nothing is).
     */
    public record TrendTable(String region, String heading, String runsCut, List<String> runs, List<List<Html.Cell>> rows, String rowsCut,
                             String unchanged) {}

    public static void write(BatchResult b, OutputStream out) throws IOException {
        Html.write("batch/summary.jte", page(b), out);
    }

    static Page page(BatchResult b) {
        String title = "督导批次汇总（批次 #" + b.batchId() + "）";
        String meta = "dudao " + Dudao.version() + " · " + b.startedAt() + " 至 " + b.finishedAt() + " · 规则 " + b.rulesDir()
                + "（SHA-256 " + b.rulesSha256() + "）";
        List<HtmlReport.Figure> figures = new ArrayList<>();
        figures.add(new HtmlReport.Figure(null, "运行", b.regions().size()));
        for (BatchResult.Outcome o : BatchResult.Outcome.values()) figures.add(new HtmlReport.Figure(null, o.label(), SummaryContent.count(b, o)));
        figures.add(new HtmlReport.Figure(null, "无法使用的输入", b.problems().size()));
        figures.add(new HtmlReport.Figure(null, "内容重复的工作簿", b.duplicates().size()));
        figures.add(new HtmlReport.Figure(null, "退出码", b.exitCode()));
        List<Fact> facts = List.of(
                new Fact("批次", "#" + b.batchId()),
                new Fact("开始时间", b.startedAt()),
                new Fact("结束时间", b.finishedAt()),
                new Fact("规则目录", b.rulesDir()),
                new Fact("规则 SHA-256", b.rulesSha256()),
                new Fact("结果历史库", b.maskedHistory()),
                new Fact("报告格式", String.join(",", b.formats())),
                new Fact("分组", b.perFile() ? "每个工作簿单独核查" : "按地区（同一地区的各年度一起）"));
        List<List<Html.Cell>> totals = new ArrayList<>();
        Map<Status, Integer> sums = SummaryContent.totals(b);
        for (Status s : Status.values()) totals.add(List.of(Html.Cell.of("s-" + s.name(), s.label()), Html.Cell.of("n", sums.get(s))));
        List<SummaryContent.ChangeRow> changes = SummaryContent.changes(b);
        String changesCut = changes.size() > CHANGE_LIMIT
                ? "共 " + changes.size() + " 项变化，此处列出前 " + CHANGE_LIMIT + " 项；全部见 batch-summary.xlsx 的“新增与整改”表。" : null;
        return new Page(title, CSS, meta, figures, b.exitCode(), SummaryContent.exitMeaning(b.exitCode()), facts, totals,
                BatchSummaryXlsx.REGION_HEADER, regions(b), changes(changes), changesCut, trend(b), problems(b), duplicates(b));
    }

    private static List<Row> regions(BatchResult b) {
        List<Row> rows = new ArrayList<>();
        for (BatchResult.RegionResult r : b.regions()) {
            List<Html.Cell> c = new ArrayList<>();
            c.add(Html.Cell.of(r.key()));
            c.add(Html.Cell.of(SummaryContent.name(r)));
            c.add(Html.Cell.of(r.outcome().label()));
            c.add(Html.Cell.of("n", r.runId() == null ? null : "#" + r.runId()));
            c.add(Html.Cell.of("n", r.changes().previousRunId() == null ? null : "#" + r.changes().previousRunId()));
            c.add(Html.Cell.of("n", r.year()));
            c.add(Html.Cell.of(SummaryContent.years(r)));
            c.add(Html.Cell.of("n", r.exitCode()));
            for (Status s : Status.values()) {
                int n = r.counts().getOrDefault(s, 0);
                c.add(new Html.Cell(n > 0 && (s == Status.FAIL || s == Status.WARN) ? "n s-" + s.name() : "n", null, s.name(), null, String.valueOf(n)));
            }
            c.add(Html.Cell.of("n", BatchConsole.failingByIndicator(r).size()));
            c.add(Html.Cell.of("failing", SummaryContent.failingIndicators(r)));
            c.add(Html.Cell.of("n", r.changes().newFailures().size()));
            c.add(Html.Cell.of("n", r.changes().fixed().size()));
            c.add(Html.Cell.of("n", r.changes().waived().size()));
            c.add(Html.Cell.of("n", r.changes().unconfirmed().size()));
            c.add(Html.Cell.of(String.join("；", r.problems())));
            c.add(Html.Cell.of("path", SummaryContent.files(r)));
            c.add(Html.Cell.of("path", r.folder()));
            rows.add(new Row(r.key(), r.outcome().name(), c));
        }
        return rows;
    }

    private static List<Row> changes(List<SummaryContent.ChangeRow> changes) {
        List<Row> rows = new ArrayList<>();
        for (SummaryContent.ChangeRow row : changes.subList(0, Math.min(CHANGE_LIMIT, changes.size()))) {
            Changes.Change c = row.change();
            StoredVerdict v = c.any();
            BatchResult.RegionResult r = row.region();
            List<Html.Cell> cells = new ArrayList<>(Html.Cell.row(r.key(), SummaryContent.name(r), row.kind(), v.indicator(), v.name(), v.entityCode(),
                    v.subject(), "#" + r.changes().previousRunId() + " → #" + r.runId()));
            cells.add(verdict(c.before()));
            cells.add(verdict(c.now()));
            cells.add(Html.Cell.of(c.now() == null ? "本次没有这一结论" : c.now().message()));
            rows.add(new Row(r.key(), null, cells));
        }
        return rows;
    }

    /** A verdict in a change: its status, year and observed value, coloured by status. */
    private static Html.Cell verdict(StoredVerdict v) {
        if (v == null) return Html.Cell.of("无");
        String observed = observed(v.observedText(), v.observed());
        return Html.Cell.of("s-" + v.status().name(), v.status().label() + "（" + v.year() + "年" + (observed.isEmpty() ? "" : "，" + observed) + "）");
    }

    private static List<TrendTable> trend(BatchResult b) {
        List<TrendTable> out = new ArrayList<>();
        for (BatchResult.RegionResult r : b.regions()) {
            Trend.Moves moves = Trend.Moves.of(r.trend());
            String heading = r.key() + " " + SummaryContent.name(r);
            if (moves.changed().isEmpty()) {
                if (moves.unchanged() > 0) out.add(new TrendTable(r.key(), heading, null, null, List.of(), null, moves.unchanged() + " 项观测值与上次相同，未列出。"));
                continue;
            }
            List<SummaryContent.TrendRun> runs = SummaryContent.last(SummaryContent.runs(r), BatchSummaryXlsx.TREND_RUNS);
            Map<Long, Integer> column = new HashMap<>();
            for (int i = 0; i < runs.size(); i++) column.put(runs.get(i).runId(), i);
            String runsCut = runs.size() < SummaryContent.runs(r).size() ? "只列出最近 " + runs.size() + " 次运行；全部见 batch-summary.json。" : null;
            List<Trend> trend = moves.changed();
            List<List<Html.Cell>> rows = new ArrayList<>();
            for (Trend t : trend.subList(0, Math.min(TREND_LIMIT, trend.size()))) {
                List<Html.Cell> cells = new ArrayList<>(Html.Cell.row(t.indicator(), t.name(), t.entityCode(), t.subject()));
                Trend.Point[] points = new Trend.Point[runs.size()];
                for (Trend.Point p : t.points()) {
                    Integer i = column.get(p.runId());
                    if (i != null) points[i] = p;
                }
                for (Trend.Point p : points) {
                    cells.add(p == null ? Html.Cell.of(null)
                            : new Html.Cell("n s-" + p.status(), null, null, SummaryContent.statusLabel(p.status()), observed(p.observedText(), p.observed())));
                }
                rows.add(cells);
            }
            String rowsCut = trend.size() > TREND_LIMIT ? "有变化的共 " + trend.size() + " 条，此处列出前 " + TREND_LIMIT + " 条；全部见 batch-summary.xlsx 的“趋势”表。" : null;
            String unchanged = moves.unchanged() > 0 ? "另有 " + moves.unchanged() + " 项观测值与上次相同，未列出。" : null;
            out.add(new TrendTable(r.key(), heading, runsCut, runs.stream().map(SummaryContent.TrendRun::label).toList(), rows, rowsCut, unchanged));
        }
        return out;
    }

    /** Unusable inputs, then each region's problems. */
    private static List<List<Html.Cell>> problems(BatchResult b) {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (BatchResult.FileProblem p : b.problems()) rows.add(Html.Cell.row(p.file(), p.reason()));
        for (BatchResult.RegionResult r : b.regions()) {
            for (String p : r.problems()) rows.add(Html.Cell.row(r.key() + " " + SummaryContent.name(r), p));
        }
        return rows;
    }

    private static List<List<Html.Cell>> duplicates(BatchResult b) {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (BatchResult.Duplicate d : b.duplicates()) rows.add(Html.Cell.row(d.file(), d.sameAs()));
        return rows;
    }

    private static String observed(String text, BigDecimal value) {
        if (text != null && !text.isEmpty()) return text;
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
