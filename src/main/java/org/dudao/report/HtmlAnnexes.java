package org.dudao.report;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of report.html after the first screen and the matrix: the 补报清单, every verdict with its
 * evidence (worst first, filtered by status, region and indicator), the parameters and their values,
 * the data reconciliation, the source documents and the input files with their SHA-256.
 */
final class HtmlAnnexes {
    /** Rows of the 补报清单 shown; the rest are in report.xlsx. */
    static final int GAP_LIMIT = 500;
    /** Load problems listed. */
    static final int PROBLEM_LIMIT = 1000;

    private final ReportView view;
    private final Report report;
    private final Wording words;
    private final Writer w;

    HtmlAnnexes(ReportView view, Wording words, Writer w) {
        this.view = view;
        this.report = view.report();
        this.words = words;
        this.w = w;
    }

    void gaps() throws IOException {
        int insufficient = view.counts().get(Status.INSUFFICIENT_DATA);
        w.write("<section id=\"gaps\"><h2>补报清单（数据不足 " + insufficient + " 条）</h2>\n");
        if (view.gapCount() == 0) {
            w.write("<p>" + (insufficient == 0 ? "没有因数据缺失而无法判定的结论。" : "数据不足的结论都是因所属单位的数据缺失，随所属单位补报一并解决。")
                    + "</p></section>\n");
            return;
        }
        w.write("<p>" + view.gapUnits() + " 个单位须在所列工作表的相应列补报数据（空白单元格按缺失处理，不按 0 计）；上级单位因所属单位数据缺失而不足的，"
                + "随所属单位补报一并解决，不单独列出。</p>\n");
        w.write("<table class=\"gaps\"><thead><tr><th>填报单位</th><th>工作表</th><th>应填写的列</th><th>年度</th><th>涉及指标</th><th>说明</th></tr></thead><tbody>\n");
        List<DataGaps.Gap> shown = view.firstGaps().subList(0, Math.min(GAP_LIMIT, view.firstGaps().size()));
        for (DataGaps.Gap g : shown) {
            w.write("<tr><td>" + Html.esc(Shown.name(g.name()) + "（" + Shown.name(g.code()) + "）") + "</td><td>" + Html.esc(g.sheet()) + "</td><td>"
                    + Html.esc(g.column()) + "</td><td>" + Html.esc(g.yearText()) + "</td><td>" + Html.esc(String.join("、", g.indicators()))
                    + "</td><td>" + Html.esc(g.note()) + "</td></tr>\n");
        }
        w.write("</tbody></table>\n");
        if (view.gapCount() > shown.size()) {
            w.write("<p class=\"note\">共 " + view.gapCount() + " 项，此处列出前 " + shown.size() + " 项；全部见 report.xlsx 的“补报清单”。</p>\n");
        }
        w.write("</section>\n");
    }

    void details() throws IOException {
        filters();
        Map<String, Entity> entities = report.data().entities();
        w.write("<section id=\"details\"><h2>全部结论与证据</h2>\n");
        if (view.total() > HtmlReport.DETAIL_LIMIT) {
            w.write("<p class=\"note\">共 " + view.total() + " 条结论，此处列出最严重的前 " + HtmlReport.DETAIL_LIMIT
                    + " 条（不达标在先）；全部结论与证据见 report.json 和 report.xlsx。</p>\n");
        }
        for (Verdict v : view.worst()) {
            Indicator ind = words.indicator(v);
            String region = ReportView.regionCode(entities, v);
            w.write("<details data-status=\"" + v.getStatus().name() + "\" data-region=\"" + Html.esc(region == null ? "" : region) + "\" data-indicator=\""
                    + Html.esc(v.getIndicator()) + "\"><summary><span class=\"tag s-" + v.getStatus().name() + "\">"
                    + Html.esc(v.getStatus().label()) + "</span>" + Html.esc(v.getIndicator() + " " + Shown.name(v.getSubject())
                    + "（" + v.getLevel() + " " + Shown.name(v.getEntityCode()) + "）") + "：" + Html.esc(Shown.text(v.getMessage())) + "</summary>\n");
            w.write("<p>指标：" + Html.esc(Shown.text(ind.name())) + "；标准：" + Html.esc(words.standard(v)) + "</p>\n");
            if (v.getFormula() != null) w.write("<p>计算：" + Html.esc(Shown.text(v.getFormula())) + "</p>\n");
            String source = words.source(ind);
            if (!source.isEmpty()) w.write("<p>依据：" + Html.esc(source) + "</p>\n");
            if (v.isFail()) w.write("<p>整改要求：" + Html.esc(words.requirementWithDeadline(v)) + "</p>\n");
            if (!v.getMissing().isEmpty()) w.write("<p>缺少：" + Html.esc(Shown.text(String.join("、", v.getMissing()))) + "</p>\n");
            evidence(v);
            children(v);
            w.write("</details>\n");
        }
        w.write("</section>\n");
    }

    private void filters() throws IOException {
        w.write("<div class=\"filters\" id=\"filters\"><label>状态 <select id=\"f-status\"><option value=\"\">全部</option>");
        for (Status s : Status.values()) w.write("<option value=\"" + s.name() + "\">" + Html.esc(s.label()) + "</option>");
        w.write("</select></label><label>地区 <select id=\"f-region\"><option value=\"\">全部</option>");
        for (String r : view.regions()) {
            w.write("<option value=\"" + Html.esc(r) + "\">" + Html.esc(Shown.name(view.regionName(r)) + "（" + Shown.name(r) + "）") + "</option>");
        }
        w.write("</select></label><label>指标 <select id=\"f-indicator\"><option value=\"\">全部</option>");
        for (Indicator i : view.indicators()) {
            w.write("<option value=\"" + Html.esc(i.id()) + "\">" + Html.esc(i.id() + " " + Shown.text(i.name())) + "</option>");
        }
        w.write("</select></label>明细显示 <b id=\"f-count\"></b> 条</div>\n");
    }

    private void evidence(Verdict v) throws IOException {
        if (v.getEvidence().isEmpty()) return;
        w.write("<table><tr><th>数据项</th><th>年度</th><th>值</th><th>单元格</th></tr>\n");
        Set<String> seen = new HashSet<>();
        for (Metric m : v.getEvidence()) {
            String cell = Evidence.cell(m.getOrigin());
            if (!seen.add(cell + '\u0000' + m.getKey() + '\u0000' + m.getYear())) continue;
            w.write("<tr><td>" + Html.esc(Shown.name(m.getKey())) + "</td><td>" + m.getYear() + "</td><td>" + Html.esc(Shown.text(m.display()))
                    + "</td><td>" + Html.esc(cell) + "</td></tr>\n");
        }
        w.write("</table>\n");
    }

    private void children(Verdict v) throws IOException {
        List<ChildFinding> kids = v.getChildren();
        if (kids.isEmpty()) return;
        w.write("<table><tr><th>下级</th><th>结论</th><th>说明</th><th>单元格</th></tr>\n");
        for (ChildFinding c : kids.subList(0, Math.min(HtmlReport.CHILD_LIMIT, kids.size()))) {
            List<String> cells = new ArrayList<>();
            for (Origin o : c.cells()) cells.add(Evidence.cell(o));
            w.write("<tr><td>" + Html.esc(Shown.name(c.entityName())) + "</td><td>" + Html.esc(c.status().label()) + "</td><td>"
                    + Html.esc(Shown.text(c.message())) + "</td><td>" + Html.esc(String.join("、", cells)) + "</td></tr>\n");
        }
        w.write("</table>\n");
        if (kids.size() > HtmlReport.CHILD_LIMIT) {
            w.write("<p class=\"note\">另有 " + (kids.size() - HtmlReport.CHILD_LIMIT) + " 个下级，见 report.json。</p>\n");
        }
    }

    void parameters() throws IOException {
        w.write("<section id=\"parameters\"><h2>参数及其取值</h2>\n");
        List<Parameters.Row> rows = words.parameters.rows();
        if (rows.isEmpty()) {
            w.write("<p>本次评估的指标标准未使用参数。</p></section>\n");
            return;
        }
        w.write("<p>标准值由各地在工作簿的参数表中设定，未设定的取规则目录参数文件中的值，再无则取规则中写明的默认值。</p>\n");
        w.write("<table><tr><th>参数</th><th>使用该参数的指标</th><th>取值</th><th>来源</th></tr>\n");
        for (Parameters.Row r : rows) {
            w.write("<tr><td>" + Html.esc(Shown.name(r.name())) + "</td><td>" + Html.esc(String.join("、", r.indicators())) + "</td><td>"
                    + Html.esc(r.shown()) + "</td><td>" + Html.esc(r.source()) + "</td></tr>\n");
        }
        w.write("</table></section>\n");
    }

    void reconciliation() throws IOException {
        w.write("<section id=\"reconciliation\"><h2>数据核对</h2>\n<table><tr><th>工作簿</th><th>工作表</th><th>识别为</th><th>读取</th>"
                + "<th>采用</th><th>跳过</th><th>拒绝</th><th>空行</th></tr>\n");
        for (SheetTally t : report.data().sheets()) {
            w.write("<tr><td>" + Html.esc(Shown.fileName(t.getFile())) + "</td><td>" + Html.esc(Shown.name(t.getSheet())) + "</td><td>"
                    + Html.esc(t.getKind()) + "</td><td>" + t.getRead() + "</td><td>" + t.getAccepted() + "</td><td>" + t.getSkipped() + "</td><td>"
                    + t.getRejected() + "</td><td>" + t.getBlank() + "</td></tr>\n");
        }
        w.write("</table>\n");
        List<LoadProblem> problems = report.data().problems();
        if (!problems.isEmpty()) {
            w.write("<table><tr><th>级别</th><th>位置</th><th>问题</th></tr>\n");
            for (LoadProblem p : problems.subList(0, Math.min(PROBLEM_LIMIT, problems.size()))) {
                w.write("<tr><td>" + Html.esc(p.severity().label()) + "</td><td>" + Html.esc(Evidence.cell(new Origin(p.file(), p.sheet(), p.cell())))
                        + "</td><td>" + Html.esc(Shown.text(p.message())) + "</td></tr>\n");
            }
            w.write("</table>\n");
            if (problems.size() > PROBLEM_LIMIT) {
                w.write("<p class=\"note\">共 " + problems.size() + " 个数据问题，此处列出前 " + PROBLEM_LIMIT + " 个；全部见 report.xlsx 的“数据核对”表。</p>\n");
            }
        }
        w.write("</section>\n");
    }

    void documents() throws IOException {
        List<SourceDocuments.Document> cited = words.cited();
        if (cited.isEmpty()) return;
        w.write("<section id=\"documents\"><h2>依据文件</h2>\n<table><tr><th>文件名称</th><th>发文机关</th><th>文号</th><th>年份</th></tr>\n");
        for (SourceDocuments.Document d : cited) {
            w.write("<tr><td>" + Html.esc(d.title()) + "</td><td>" + Html.esc(d.issuer()) + "</td><td>" + Html.esc(d.number()) + "</td><td>"
                    + Html.esc(d.year()) + "</td></tr>\n");
        }
        w.write("</table></section>\n");
    }

    void inputs() throws IOException {
        RunInfo run = report.run();
        w.write("<section id=\"inputs\"><h2>输入文件与规则</h2>\n<table><tr><th>工作簿</th><th>路径</th><th>SHA-256</th><th>字节数</th></tr>\n");
        for (Report.Received f : report.received()) {
            w.write("<tr><td>" + Html.esc(Shown.fileName(f.path()) + (f.unreadable() == null ? "" : "（无法读取）")) + "</td><td class=\"path\">"
                    + Html.esc(Shown.text(f.path())) + "</td><td class=\"path\">" + Html.esc(f.sha256()) + "</td><td>"
                    + (f.bytes() == null ? "" : f.bytes()) + "</td></tr>\n");
        }
        w.write("</table>\n<p class=\"meta\">规则 " + Html.esc(Shown.text(run.rulesDir())) + "（" + run.indicators() + " 项，SHA-256 "
                + Html.esc(run.rulesSha256()) + "）</p></section>\n");
    }
}
