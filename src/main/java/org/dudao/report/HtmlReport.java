package org.dudao.report;

import org.dudao.engine.Bound;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code report.html}: one self-contained page (inline style and script, system fonts, no
 * request to anywhere), titled with the region and year. The first screen answers what failed, where
 * and by how much: the failed indicators ranked by the units that failed, each with its worst misses,
 * and the regions with most failures. Then the 补报清单, the indicator × region matrix (indicators as
 * rows grouped by area, sticky headers), every verdict's evidence behind a {@code <details>} with
 * filters, and the annexes ({@link HtmlAnnexes}). The markup is the template {@code report/report.jte};
 * this class gathers the page's texts ({@link Page}), which jte escapes; the script writes no markup.
 * A Content-Security-Policy allows no network and only the page's own script (by hash). On a large
 * run the page keeps to its limits and says so; the full detail stays in json/xlsx. A print
 * stylesheet lays the page out for A4.
 */
public final class HtmlReport {
    /** Regions (columns) of the matrix; beyond this the page points to report.xlsx. */
    static final int MATRIX_COLUMNS = 40;
    /** Verdicts listed with their evidence, worst first (gathered by {@link ReportView#worst}). */
    static final int DETAIL_LIMIT = 1000;
    /** Regions in the list of regions with most failures. */
    static final int TOP_REGIONS = 12;
    /** Children listed in one roll-up verdict. */
    static final int CHILD_LIMIT = 50;

    private static final String CSS = Html.resource(HtmlReport.class, "report.css");
    private static final String JS = Html.resource(HtmlReport.class, "report.js");

    private HtmlReport() {}

    /** What report.jte shows, in the order it shows it. */
    public record Page(String title, String csp, String css, String script, String meta, List<Figure> figures, List<String> notes,
                       List<Ranked> ranked, List<Region> regions, int regionsWithFailures, HtmlAnnexes.Gaps gaps, Matrix matrix,
                       HtmlAnnexes annexes) {}

    /** A status and its count on the first screen (shared with the batch summary and the console: parts/figure.jte). */
    public record Figure(String status, String label, long count) {}

    /** A failed indicator on the first screen with its worst misses; {@code bar} is the percentage of the longest bar. */
    public record Ranked(String id, String name, String standard, int units, int bar, List<Miss> worst, String more) {}

    /** A unit that misses (shown bold) and by how much. */
    public record Miss(String who, String what) {}

    /** A region with failures. */
    public record Region(String code, String name, int bar, int failures) {}

    /** The indicator × region matrix; {@code note} says when only the top levels are shown. */
    public record Matrix(String note, List<Column> columns, List<MatrixRow> rows) {}

    /** A region's column heading: its name over its level. */
    public record Column(String code, String name, String level) {}

    /** An indicator's row, after the heading of its area when the area starts here ({@code area} non-null). */
    public record MatrixRow(String area, String id, String name, List<Html.Cell> cells) {}

    /** The report's style sheet, public so that the batch summary page looks the same. */
    public static String css() { return CSS; }

    public static void write(Report report, Path file) throws IOException {
        write(new ReportView(report), file);
    }

    /** From a view already gathered (one pass over the verdicts serves the html and the docx). */
    public static void write(ReportView view, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(view, out));
    }

    public static void write(ReportView view, OutputStream out) throws IOException {
        Html.write("report/report.jte", page(view), out);
    }

    static Page page(ReportView view) {
        Report report = view.report();
        Wording words = new Wording(report);
        RunInfo run = report.run();
        String title = Shown.name(DocxReport.scopeName(view)) + run.year() + "年教育督导评估报告";
        String csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '" + scriptHash() + "'";
        int unreadable = report.context().unreadable().size();
        String meta = "收到工作簿 " + report.workbooksReceived() + " 个" + (unreadable > 0 ? "（" + unreadable + " 个无法读取）" : "")
                + " · 评估指标 " + view.indicators().size() + " 项 · 结论 " + view.total() + " 条 · " + run.tool() + " " + run.version()
                + " 生成于 " + run.time();
        List<Figure> figures = new ArrayList<>();
        for (Status s : Status.values()) figures.add(new Figure(s.name(), s.label(), view.counts().get(s)));
        List<String> notes = new ArrayList<>();
        for (Report.Received f : report.received()) {
            if (f.unreadable() != null) notes.add("无法读取的工作簿：" + Shown.fileName(f.path()) + "（" + Shown.text(f.unreadable()) + "）");
        }
        for (String p : report.otherRunProblems()) notes.add("运行问题：" + Shown.text(p));
        List<Map.Entry<String, Integer>> failing = view.failuresByRegion();
        HtmlAnnexes annexes = new HtmlAnnexes(view, words);
        return new Page(title, csp, CSS, JS, meta, figures, notes, ranked(view, words), regions(view, failing), failing.size(),
                annexes.gaps(), matrix(view, report.context()), annexes);
    }

    /** The first screen: the failed indicators ranked, with their worst misses. */
    private static List<Ranked> ranked(ReportView view, Wording words) {
        List<Ranking.Row> rows = view.ranked();
        List<Ranked> out = new ArrayList<>();
        for (Ranking.Row r : rows) {
            Indicator i = r.indicator();
            Bound bound = Standards.parse(i.bound());
            boolean yesNo = bound != null && bound.isYesNo();
            List<Miss> worst = new ArrayList<>();
            for (Ranking.Entry e : r.worst()) {
                String gap = Ranking.gapText(e.verdict(), i);
                // a change-by figure in words (2900 元，比上年减少 100 元), not its bare value (-100 元)
                String change = "change-by".equals(i.pattern()) ? Requirements.change(e.verdict()) : null;
                String seen = change != null ? change : Requirements.observed(e.verdict(), yesNo);
                worst.add(new Miss(Shown.name(e.verdict().getSubject()), seen + (gap.isEmpty() ? "" : "（" + gap + "）")));
            }
            String more = r.units() > r.worst().size() ? " 等 " + r.units() + " 个" : "";
            out.add(new Ranked(i.id(), Shown.text(i.name()), words.standards.of(i), r.units(), 100 * r.units() / rows.get(0).units(), worst, more));
        }
        return out;
    }

    /** The regions with most failures, the first {@link #TOP_REGIONS}. */
    private static List<Region> regions(ReportView view, List<Map.Entry<String, Integer>> failing) {
        List<Region> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : failing.subList(0, Math.min(TOP_REGIONS, failing.size()))) {
            out.add(new Region(e.getKey(), Shown.name(view.regionName(e.getKey())), 100 * e.getValue() / failing.get(0).getValue(), e.getValue()));
        }
        return out;
    }

    /** Indicators as rows grouped by the area of their rule file, the regions as columns (the top levels first when there are many). */
    private static Matrix matrix(ReportView view, ReportContext context) {
        List<String> regions = columns(view);
        String note = regions.size() < view.regions().size()
                ? "共 " + view.regions().size() + " 个地区，此处列出层级最高的 " + regions.size() + " 个；完整矩阵见 report.xlsx 的“矩阵”表。" : null;
        List<Column> columns = new ArrayList<>();
        for (String r : regions) columns.add(new Column(r, Shown.name(view.regionName(r)), view.regionLevel(r)));
        List<MatrixRow> rows = new ArrayList<>();
        String area = null;
        for (Indicator i : view.indicators()) {
            String a = context.area(i);
            String heading = null;
            if (!a.equals(area)) {
                area = a;
                if (!a.isEmpty()) heading = Shown.text(a);
            }
            List<Html.Cell> cells = new ArrayList<>();
            for (String r : regions) {
                ReportView.Cell c = view.cell(r, i.id());
                cells.add(c == null ? new Html.Cell("v", r, "", null, "—")
                        : new Html.Cell("v s-" + c.status().name(), r, c.status().name(), c.status().label() + "：" + Shown.text(c.message()), cellText(c)));
            }
            rows.add(new MatrixRow(heading, i.id(), Shown.text(i.name()), cells));
        }
        return new Matrix(note, columns, rows);
    }

    /** What a matrix cell shows: the value, marked when it fails, is waived or warned; 缺数据 and 不适用 as words. */
    static String cellText(ReportView.Cell c) {
        String value = c.observedText() == null ? "" : Shown.text(c.observedText());
        return switch (c.status()) {
            case FAIL -> "✗ " + (value.isEmpty() ? "不达标" : value);
            case WAIVED -> "免 " + value;
            case WARN -> "! " + value;
            case INSUFFICIENT_DATA -> "缺数据";
            case PASS -> value.isEmpty() ? "达标" : value;
            case NOT_APPLICABLE -> "不适用";
        };
    }

    /** The regions shown as columns: all when they fit, else the top levels (nation, provinces, …) in hierarchy order. */
    private static List<String> columns(ReportView view) {
        List<String> all = view.regions();
        if (all.size() <= MATRIX_COLUMNS) return all;
        Map<String, Entity> entities = view.report().data().entities();
        List<String> byLevel = new ArrayList<>(all);
        byLevel.sort(Comparator.comparingInt(r -> entities.containsKey(r) ? entities.get(r).getKind().ordinal() : Integer.MAX_VALUE));
        Set<String> chosen = new HashSet<>(byLevel.subList(0, MATRIX_COLUMNS));
        return all.stream().filter(chosen::contains).toList();
    }

    /** The CSP source for the page's one script, so the browser runs that script and no other. */
    static String scriptHash() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(JS.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
