package org.dudao.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.model.ChildFinding;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (inline style and script, system fonts, no
 * request to anywhere) with the summary figures, charts by indicator and by region, the region ×
 * indicator matrix, and each verdict's evidence behind a {@code <details>}. Everything from the input
 * goes through {@link Html#esc}; the chart script reads its data from a JSON block and writes text
 * with {@code textContent} only. A Content-Security-Policy allows no network and only the page's own
 * script (by hash), so even a missed escape could not run a script or fetch anything.
 * On a large run the page stays readable: rows beyond the limits are left to report.json/xlsx, and the
 * page says so.
 */
public final class HtmlReport {
    /** Matrix rows shown; beyond this the page points to report.xlsx. */
    static final int MATRIX_LIMIT = 500;
    /** Verdicts listed with their evidence, worst first (gathered by {@link ReportView#worst}). */
    static final int DETAIL_LIMIT = 1000;
    /** Regions in the by-region chart. */
    static final int CHART_REGIONS = 30;
    /** Children listed in one roll-up verdict. */
    static final int CHILD_LIMIT = 50;

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final Map<Status, String> COLOURS = Map.of(Status.FAIL, "#d9534f", Status.WAIVED, "#9b8fd6", Status.WARN, "#f0a030",
            Status.INSUFFICIENT_DATA, "#e8cf3a", Status.PASS, "#5cb85c", Status.NOT_APPLICABLE, "#b0b0b0");

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
        RunInfo run = view.report().run();
        String title = "教育督导评估报告（" + run.year() + "年）";
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; script-src '" + scriptHash() + "'\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>" + Html.esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        w.write("<h1>" + Html.esc(title) + "</h1>\n");
        w.write("<p class=\"meta\">" + Html.esc(run.tool() + " " + run.version()) + " · 运行时间 " + Html.esc(run.time())
                + " · 规则 " + Html.esc(run.rulesDir()) + "（" + run.indicators() + " 项，SHA-256 " + Html.esc(run.rulesSha256())
                + "）</p>\n");
        summary(view, w);
        charts(view, w);
        filters(view, w);
        matrix(view, w);
        details(view, w);
        reconciliation(view.report(), w);
        w.write("<script type=\"application/json\" id=\"chart-data\">" + Html.scriptJson(chartData(view)) + "</script>\n");
        w.write("<script>" + JS + "</script>\n</body>\n</html>\n");
        w.flush();
    }

    private static void summary(ReportView view, Writer w) throws IOException {
        Dataset data = view.report().data();
        Map<Status, Integer> c = view.counts();
        int read = 0;
        for (SheetTally t : data.sheets()) read += t.getRead();
        w.write("<section id=\"summary\"><h2>概况</h2>\n<div class=\"figures\">\n");
        figure(w, "结论", view.total(), null);
        for (Status s : Status.values()) figure(w, s.label(), c.get(s), s);
        figure(w, "地区", view.regions().size(), null);
        figure(w, "指标", view.indicators().size(), null);
        figure(w, "工作簿", data.inputs().size(), null);
        figure(w, "读取数据行", read, null);
        figure(w, "数据问题", data.problems().size(), null);
        w.write("</div>\n");
        for (String p : view.report().runProblems()) w.write("<p class=\"note\">运行问题：" + Html.esc(p) + "</p>\n");
        w.write("</section>\n");
    }

    private static void figure(Writer w, String label, int n, Status s) throws IOException {
        w.write("<div class=\"figure" + (s == null ? "" : " s-" + s.name()) + "\">" + Html.esc(label) + "<b>" + n + "</b></div>\n");
    }

    private static void charts(ReportView view, Writer w) throws IOException {
        w.write("<section id=\"charts\"><h2>结论分布</h2>\n<div class=\"legend\" id=\"legend\"></div>\n"
                + "<div class=\"charts\"><div id=\"chart-indicator\"></div><div id=\"chart-region\"></div></div>\n"
                + "<noscript><p class=\"note\">图表需要启用脚本；下方矩阵与明细不需要。</p></noscript></section>\n");
    }

    private static void filters(ReportView view, Writer w) throws IOException {
        w.write("<div class=\"filters\" id=\"filters\"><label>状态 <select id=\"f-status\"><option value=\"\">全部</option>");
        for (Status s : Status.values()) w.write("<option value=\"" + s.name() + "\">" + Html.esc(s.label()) + "</option>");
        w.write("</select></label><label>地区 <select id=\"f-region\"><option value=\"\">全部</option>");
        for (String r : view.regions()) {
            w.write("<option value=\"" + Html.esc(r) + "\">" + Html.esc(view.regionName(r) + "（" + r + "）") + "</option>");
        }
        w.write("</select></label><label>指标 <select id=\"f-indicator\"><option value=\"\">全部</option>");
        for (Indicator i : view.indicators()) {
            w.write("<option value=\"" + Html.esc(i.id()) + "\">" + Html.esc(i.id() + " " + i.name()) + "</option>");
        }
        w.write("</select></label>明细显示 <b id=\"f-count\"></b> 条</div>\n");
    }

    private static void matrix(ReportView view, Writer w) throws IOException {
        List<String> regions = view.regions();
        List<Indicator> inds = view.indicators();
        w.write("<section id=\"matrix\"><h2>地区 × 指标</h2>\n");
        if (regions.size() > MATRIX_LIMIT) {
            w.write("<p class=\"note\">共 " + regions.size() + " 个地区，此处只列出按层级排序的前 " + MATRIX_LIMIT
                    + " 个；完整矩阵见 report.xlsx 的“矩阵”表。</p>\n");
        }
        w.write("<table class=\"matrix\"><thead><tr><th>地区</th><th>层级</th>");
        for (Indicator i : inds) {
            w.write("<th class=\"ind\" data-indicator=\"" + Html.esc(i.id()) + "\" title=\"" + Html.esc(i.name()) + "\">"
                    + Html.esc(i.id()) + "<br>" + Html.esc(i.name()) + "</th>");
        }
        w.write("</tr></thead>\n<tbody>\n");
        for (String r : regions.subList(0, Math.min(MATRIX_LIMIT, regions.size()))) {
            w.write("<tr data-region=\"" + Html.esc(r) + "\"><th>" + Html.esc(view.regionName(r)) + "<br><small>" + Html.esc(r)
                    + "</small></th><td>" + Html.esc(view.regionLevel(r)) + "</td>");
            for (Indicator i : inds) {
                ReportView.Cell c = view.cell(r, i.id());
                if (c == null) {
                    w.write("<td class=\"v\" data-indicator=\"" + Html.esc(i.id()) + "\" data-status=\"\">—</td>");
                    continue;
                }
                w.write("<td class=\"v s-" + c.status().name() + "\" data-indicator=\"" + Html.esc(i.id()) + "\" data-status=\""
                        + c.status().name() + "\" title=\"" + Html.esc(c.message()) + "\">" + Html.esc(c.status().label())
                        + (c.observedText() == null ? "" : "<small>" + Html.esc(c.observedText()) + "</small>") + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</tbody></table></section>\n");
    }

    private static void details(ReportView view, Writer w) throws IOException {
        Map<String, Entity> entities = view.report().data().entities();
        w.write("<section id=\"details\"><h2>结论与证据</h2>\n");
        if (view.total() > DETAIL_LIMIT) {
            w.write("<p class=\"note\">共 " + view.total() + " 条结论，此处列出最严重的前 " + DETAIL_LIMIT
                    + " 条（不达标在先）；全部结论与证据见 report.json 和 report.xlsx。</p>\n");
        }
        for (Verdict v : view.worst()) {
            String region = v.getKind().isRegion() ? v.getEntityCode() : regionCode(entities, v);
            w.write("<details data-status=\"" + v.getStatus().name() + "\" data-region=\"" + Html.esc(region) + "\" data-indicator=\""
                    + Html.esc(v.getIndicator()) + "\"><summary><span class=\"tag s-" + v.getStatus().name() + "\">"
                    + Html.esc(v.getStatus().label()) + "</span>" + Html.esc(v.getIndicator() + " " + v.getEntityName()
                    + "（" + v.getLevel() + " " + v.getEntityCode() + "）") + "：" + Html.esc(v.getMessage()) + "</summary>\n");
            w.write("<p>指标：" + Html.esc(v.getName()) + "；标准：" + Html.esc(v.getBound()) + "</p>\n");
            if (v.getFormula() != null) w.write("<p>计算：" + Html.esc(v.getFormula()) + "</p>\n");
            w.write("<p>依据：" + Html.esc(v.getSource()) + "</p>\n");
            if (!v.getMissing().isEmpty()) w.write("<p>缺少：" + Html.esc(String.join("、", v.getMissing())) + "</p>\n");
            if (!v.getEvidence().isEmpty()) {
                w.write("<table><tr><th>数据项</th><th>年度</th><th>值</th><th>文件</th><th>单元格</th></tr>\n");
                for (Metric m : v.getEvidence()) {
                    w.write("<tr><td>" + Html.esc(m.getKey()) + "</td><td>" + m.getYear() + "</td><td>" + Html.esc(m.display())
                            + "</td><td>" + Html.esc(m.getOrigin().getFile()) + "</td><td>" + Html.esc(m.getOrigin().ref()) + "</td></tr>\n");
                }
                w.write("</table>\n");
            }
            children(v, w);
            w.write("</details>\n");
        }
        w.write("</section>\n");
    }

    private static void children(Verdict v, Writer w) throws IOException {
        List<ChildFinding> kids = v.getChildren();
        if (kids.isEmpty()) return;
        w.write("<table><tr><th>下级</th><th>结论</th><th>说明</th><th>单元格</th></tr>\n");
        for (ChildFinding c : kids.subList(0, Math.min(CHILD_LIMIT, kids.size()))) {
            List<String> cells = new ArrayList<>();
            for (var o : c.cells()) cells.add(o.ref());
            w.write("<tr><td>" + Html.esc(c.entityName()) + "</td><td>" + Html.esc(c.status().label()) + "</td><td>"
                    + Html.esc(c.message()) + "</td><td>" + Html.esc(String.join("、", cells)) + "</td></tr>\n");
        }
        w.write("</table>\n");
        if (kids.size() > CHILD_LIMIT) w.write("<p class=\"note\">另有 " + (kids.size() - CHILD_LIMIT) + " 个下级，见 report.json。</p>\n");
    }

    /** For a school (or class) verdict, the code of the region it belongs to, so the region filter finds it. */
    private static String regionCode(Map<String, Entity> all, Verdict v) {
        String code = v.getParentCode();
        for (int depth = 0; code != null && depth < 16; depth++) {
            Entity e = all.get(code);
            if (e == null || e.getKind().isRegion()) break;
            code = e.getParentCode();
        }
        return code == null ? "" : code;
    }

    private static void reconciliation(Report r, Writer w) throws IOException {
        w.write("<section id=\"reconciliation\"><h2>数据核对</h2>\n<table><tr><th>文件</th><th>工作表</th><th>识别为</th><th>读取</th>"
                + "<th>采用</th><th>跳过</th><th>拒绝</th><th>空行</th></tr>\n");
        for (SheetTally t : r.data().sheets()) {
            w.write("<tr><td>" + Html.esc(t.getFile()) + "</td><td>" + Html.esc(t.getSheet()) + "</td><td>" + Html.esc(t.getKind())
                    + "</td><td>" + t.getRead() + "</td><td>" + t.getAccepted() + "</td><td>" + t.getSkipped() + "</td><td>"
                    + t.getRejected() + "</td><td>" + t.getBlank() + "</td></tr>\n");
        }
        w.write("</table>\n");
        List<LoadProblem> problems = r.data().problems();
        if (!problems.isEmpty()) {
            w.write("<table><tr><th>级别</th><th>位置</th><th>问题</th></tr>\n");
            for (LoadProblem p : problems.subList(0, Math.min(DETAIL_LIMIT, problems.size()))) {
                String where = p.file() + " " + (p.sheet() == null ? "" : p.sheet()) + (p.cell() == null ? "" : "!" + p.cell());
                w.write("<tr><td>" + Html.esc(p.severity().label()) + "</td><td>" + Html.esc(where) + "</td><td>"
                        + Html.esc(p.message()) + "</td></tr>\n");
            }
            w.write("</table>\n");
            if (problems.size() > DETAIL_LIMIT) {
                w.write("<p class=\"note\">共 " + problems.size() + " 个数据问题，此处列出前 " + DETAIL_LIMIT + " 个；全部见 report.xlsx 的“数据核对”表。</p>\n");
            }
        }
        w.write("</section>\n");
    }

    /** The chart's numbers and labels, as JSON the page script parses (never as markup). */
    static String chartData(ReportView view) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (Status s : Status.values()) {
            Map<String, Object> st = new LinkedHashMap<>(); // not Map.of: its order changes from one JVM to the next
            st.put("key", s.name());
            st.put("label", s.label());
            st.put("color", COLOURS.get(s));
            statuses.add(st);
        }
        d.put("statuses", statuses);
        List<Map<String, Object>> byIndicator = new ArrayList<>();
        for (Indicator i : view.indicators()) byIndicator.add(row(i.id() + " " + i.name(), view.countsOfIndicator(i.id())));
        d.put("byIndicator", byIndicator);
        List<String> regions = new ArrayList<>(view.regions());
        String title = "按地区";
        if (regions.size() > CHART_REGIONS) {
            // the regions with most failures, then warnings: the ones a team looks at first
            regions.sort(Comparator.comparing((String r) -> -view.countsOfRegion(r).get(Status.FAIL))
                    .thenComparing(r -> -view.countsOfRegion(r).get(Status.WARN)));
            regions = regions.subList(0, CHART_REGIONS);
            title = "按地区（不达标最多的 " + CHART_REGIONS + " 个）";
        }
        List<Map<String, Object>> byRegion = new ArrayList<>();
        for (String r : regions) byRegion.add(row(view.regionName(r) + "（" + r + "）", view.countsOfRegion(r)));
        d.put("byRegion", byRegion);
        d.put("byRegionTitle", title);
        try {
            return new ObjectMapper().writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(String label, Map<Status, Integer> counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        List<Integer> c = new ArrayList<>();
        for (Status s : Status.values()) c.add(counts.get(s));
        m.put("counts", c);
        return m;
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
