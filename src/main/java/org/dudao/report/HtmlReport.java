package org.dudao.report;

import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Status;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * filters, and the annexes ({@link HtmlAnnexes}). Everything from the input goes through
 * {@link Html#esc}; the script writes no markup. A Content-Security-Policy allows no network and only
 * the page's own script (by hash). On a large run the page keeps to its limits and says so; the full
 * detail stays in json/xlsx. A print stylesheet lays the page out for A4.
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

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private HtmlReport() {}

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
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Report report = view.report();
        Wording words = new Wording(report);
        RunInfo run = report.run();
        String title = Shown.name(DocxReport.scopeName(view)) + run.year() + "年教育督导评估报告";
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; script-src '" + scriptHash() + "'\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>" + Html.esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        w.write("<header><h1>" + Html.esc(title) + "</h1>\n");
        int unreadable = report.context().unreadable().size();
        w.write("<p class=\"meta\">收到工作簿 " + report.workbooksReceived() + " 个" + (unreadable > 0 ? "（" + unreadable + " 个无法读取）" : "")
                + " · 评估指标 " + view.indicators().size() + " 项 · 结论 " + view.total() + " 条 · " + Html.esc(run.tool() + " " + run.version())
                + " 生成于 " + Html.esc(run.time()) + "</p></header>\n");
        summary(view, w);
        problems(view, words, w);
        HtmlAnnexes annexes = new HtmlAnnexes(view, words, w);
        annexes.gaps();
        matrix(view, report.context(), w);
        annexes.details();
        annexes.parameters();
        annexes.reconciliation();
        annexes.documents();
        annexes.inputs();
        w.write("<script>" + JS + "</script>\n</body>\n</html>\n");
        w.flush();
    }

    private static void summary(ReportView view, Writer w) throws IOException {
        Map<Status, Integer> c = view.counts();
        w.write("<div class=\"figures\" id=\"summary\">\n");
        for (Status s : Status.values()) {
            w.write("<div class=\"figure s-" + s.name() + "\">" + Html.esc(s.label()) + "<b>" + c.get(s) + "</b></div>\n");
        }
        w.write("</div>\n");
        for (Report.Received f : view.report().received()) {
            if (f.unreadable() != null) {
                w.write("<p class=\"note\">无法读取的工作簿：" + Html.esc(Shown.fileName(f.path()) + "（" + Shown.text(f.unreadable()) + "）") + "</p>\n");
            }
        }
        for (String p : view.report().otherRunProblems()) w.write("<p class=\"note\">运行问题：" + Html.esc(Shown.text(p)) + "</p>\n");
    }

    /** The first screen: the failed indicators ranked, with their worst misses, beside the regions with most failures. */
    private static void problems(ReportView view, Wording words, Writer w) throws IOException {
        w.write("<section id=\"problems\"><div class=\"cols\"><div class=\"main\">\n");
        List<Ranking.Row> rows = view.ranked();
        if (rows.isEmpty()) {
            w.write("<h2>主要问题</h2>\n<p>本次评估未发现不达标问题。</p>\n");
        } else {
            w.write("<h2>不达标的指标（" + rows.size() + " 项，按未达标单位数排序）</h2>\n<table class=\"rank\"><thead><tr><th>指标与标准</th>"
                    + "<th>未达标单位</th><th>差距最大的单位</th></tr></thead><tbody>\n");
            int most = rows.get(0).units();
            for (Ranking.Row r : rows) {
                Indicator i = r.indicator();
                w.write("<tr data-indicator=\"" + Html.esc(i.id()) + "\"><td><b>" + Html.esc(i.id()) + "</b> " + Html.esc(Shown.text(i.name()))
                        + "<small>标准：" + Html.esc(words.standards.of(i)) + "</small></td><td class=\"n\">" + r.units()
                        + "<span class=\"bar\" style=\"width:" + (100 * r.units() / most) + "%\"></span></td><td>");
                List<String> worst = new ArrayList<>();
                org.dudao.engine.Bound bound = Standards.parse(i.bound());
                boolean yesNo = bound != null && bound.isYesNo();
                for (Ranking.Entry e : r.worst()) {
                    String gap = Ranking.gapText(e.verdict(), i);
                    worst.add("<span class=\"who\">" + Html.esc(Shown.name(e.verdict().getSubject())) + "</span> "
                            + Html.esc(Requirements.observed(e.verdict(), yesNo)) + (gap.isEmpty() ? "" : "（" + Html.esc(gap) + "）"));
                }
                w.write(String.join("；", worst) + (r.units() > r.worst().size() ? " 等 " + r.units() + " 个" : "") + "</td></tr>\n");
            }
            w.write("</tbody></table>\n");
        }
        w.write("</div><aside>\n");
        List<Map.Entry<String, Integer>> regions = view.failuresByRegion();
        if (!regions.isEmpty()) {
            w.write("<h2>不达标最多的地区</h2>\n<p class=\"hint\">学校的问题计入其所在县</p>\n<ol class=\"regions\">\n");
            int most = regions.get(0).getValue();
            for (Map.Entry<String, Integer> e : regions.subList(0, Math.min(TOP_REGIONS, regions.size()))) {
                w.write("<li data-region=\"" + Html.esc(e.getKey()) + "\"><span class=\"who\">" + Html.esc(Shown.name(view.regionName(e.getKey())))
                        + "</span> <span class=\"bar\" style=\"width:" + (100 * e.getValue() / most) + "%\"></span> <b>" + e.getValue() + "</b></li>\n");
            }
            w.write("</ol>\n");
            if (regions.size() > TOP_REGIONS) w.write("<p class=\"hint\">共 " + regions.size() + " 个地区有不达标，全部见 report.xlsx 的“总览”。</p>\n");
        }
        w.write("</aside></div></section>\n");
    }

    /** Indicators as rows grouped by the area of their rule file, the regions as columns (the top levels first when there are many). */
    private static void matrix(ReportView view, ReportContext context, Writer w) throws IOException {
        List<String> regions = columns(view);
        w.write("<section id=\"matrix\"><h2>指标 × 地区</h2>\n");
        if (regions.size() < view.regions().size()) {
            w.write("<p class=\"note\">共 " + view.regions().size() + " 个地区，此处列出层级最高的 " + regions.size()
                    + " 个；完整矩阵见 report.xlsx 的“矩阵”表。</p>\n");
        }
        w.write("<p class=\"legend\">图例：<span class=\"s-FAIL\">✗ 不达标</span> <span class=\"s-WAIVED\">免 已豁免</span> <span class=\"s-WARN\">! 预警</span> "
                + "<span class=\"s-INSUFFICIENT_DATA\">缺数据</span> <span class=\"s-PASS\">达标</span> <span class=\"s-NOT_APPLICABLE\">不适用</span> "
                + "<span>— 无此指标</span></p>\n");
        w.write("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th class=\"corner\">指标</th>");
        for (String r : regions) {
            w.write("<th data-region=\"" + Html.esc(r) + "\">" + Html.esc(Shown.name(view.regionName(r))) + "<small>" + Html.esc(view.regionLevel(r))
                    + "</small></th>");
        }
        w.write("</tr></thead>\n<tbody>\n");
        String area = null;
        for (Indicator i : view.indicators()) {
            String a = context.area(i);
            if (!a.equals(area)) {
                area = a;
                if (!a.isEmpty()) w.write("<tr class=\"area\"><th colspan=\"" + (regions.size() + 1) + "\">" + Html.esc(Shown.text(a)) + "</th></tr>\n");
            }
            w.write("<tr data-indicator=\"" + Html.esc(i.id()) + "\"><th title=\"" + Html.esc(Shown.text(i.name())) + "\"><b>" + Html.esc(i.id())
                    + "</b> " + Html.esc(Shown.text(i.name())) + "</th>");
            for (String r : regions) {
                ReportView.Cell c = view.cell(r, i.id());
                if (c == null) {
                    w.write("<td class=\"v\" data-region=\"" + Html.esc(r) + "\" data-status=\"\">—</td>");
                    continue;
                }
                w.write("<td class=\"v s-" + c.status().name() + "\" data-region=\"" + Html.esc(r) + "\" data-status=\"" + c.status().name()
                        + "\" title=\"" + Html.esc(c.status().label() + "：" + Shown.text(c.message())) + "\">" + Html.esc(cellText(c)) + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</tbody></table></div></section>\n");
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

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
