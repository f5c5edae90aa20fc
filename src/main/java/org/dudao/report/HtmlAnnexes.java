package org.dudao.report;

import org.dudao.engine.SourceDocuments;
import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts of report.html after the first screen and the matrix, for {@code report/report.jte}: the
 * 补报清单, every verdict with its evidence (worst first, filtered by status, region and indicator), the
 * parameters and their values, the data reconciliation, the source documents and the input files
 * with their SHA-256. A list that is cut carries the sentence saying so ({@code more}, null when whole).
 */
public final class HtmlAnnexes {
    /** Rows of the 补报清单 shown; the rest are in report.xlsx. */
    static final int GAP_LIMIT = 500;
    /** Load problems listed. */
    static final int PROBLEM_LIMIT = 1000;

    private final ReportView view;
    private final Report report;
    private final Wording words;

    HtmlAnnexes(ReportView view, Wording words) {
        this.view = view;
        this.report = view.report();
        this.words = words;
    }

    /** The 补报清单: {@code empty} says why there is none, else the units and their rows. */
    public record Gaps(int insufficient, String empty, int units, List<List<Html.Cell>> rows, String more) {}

    /** An option of a filter. */
    public record Option(String value, String label) {}

    /** A verdict behind a {@code <details>}: its summary, the lines about it, its evidence and its children. */
    public record Detail(String status, String statusLabel, String region, String indicator, String summary, List<String> lines,
                         List<List<Html.Cell>> evidence, List<List<Html.Cell>> children, String more) {}

    Gaps gaps() {
        int insufficient = view.counts().get(Status.INSUFFICIENT_DATA);
        if (view.gapCount() == 0) {
            String why = insufficient == 0 ? "没有因数据缺失而无法判定的结论。" : "数据不足的结论都是因所属单位的数据缺失，随所属单位补报一并解决。";
            return new Gaps(insufficient, why, 0, List.of(), null);
        }
        List<DataGaps.Gap> shown = view.firstGaps().subList(0, Math.min(GAP_LIMIT, view.firstGaps().size()));
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (DataGaps.Gap g : shown) {
            rows.add(Html.Cell.row(Shown.name(g.name()) + "（" + Shown.name(g.code()) + "）", g.sheet(), g.column(), g.yearText(),
                    String.join("、", g.indicators()), g.note()));
        }
        String more = view.gapCount() > shown.size() ? "共 " + view.gapCount() + " 项，此处列出前 " + shown.size() + " 项；全部见 report.xlsx 的“补报清单”。" : null;
        return new Gaps(insufficient, null, view.gapUnits(), rows, more);
    }

    public List<Option> statuses() {
        List<Option> out = new ArrayList<>();
        for (Status s : Status.values()) out.add(new Option(s.name(), s.label()));
        return out;
    }

    public List<Option> regions() {
        List<Option> out = new ArrayList<>();
        for (String r : view.regions()) out.add(new Option(r, Shown.name(view.regionName(r)) + "（" + Shown.name(r) + "）"));
        return out;
    }

    public List<Option> indicators() {
        List<Option> out = new ArrayList<>();
        for (Indicator i : view.indicators()) out.add(new Option(i.id(), i.id() + " " + Shown.text(i.name())));
        return out;
    }

    /** Null, or the sentence saying the list of verdicts is cut. */
    public String detailsCut() {
        return view.total() > HtmlReport.DETAIL_LIMIT ? "共 " + view.total() + " 条结论，此处列出最严重的前 " + HtmlReport.DETAIL_LIMIT
                + " 条（不达标在先）；全部结论与证据见 report.json 和 report.xlsx。" : null;
    }

    public List<Detail> details() {
        Map<String, Entity> entities = report.data().entities();
        List<Detail> out = new ArrayList<>();
        for (Verdict v : view.worst()) {
            Indicator ind = words.indicator(v);
            String region = ReportView.regionCode(entities, v);
            String summary = v.getIndicator() + " " + Shown.name(v.getSubject()) + "（" + v.getLevel() + " " + Shown.name(v.getEntityCode()) + "）："
                    + Shown.text(v.getMessage());
            List<String> lines = new ArrayList<>();
            lines.add("指标：" + Shown.text(ind.name()) + "；标准：" + words.standard(v));
            if (v.getFormula() != null) lines.add("计算：" + Shown.text(v.getFormula()));
            String source = words.source(ind);
            if (!source.isEmpty()) lines.add("依据：" + source);
            if (v.isFail()) lines.add("整改要求：" + words.requirementWithDeadline(v));
            if (!v.getMissing().isEmpty()) lines.add("缺少：" + Shown.text(String.join("、", v.getMissing())));
            List<ChildFinding> kids = v.getChildren();
            // report.json lists the same first CHILD_LIMIT; only report.xlsx (failures) has them all
            int listed = Math.min(HtmlReport.CHILD_LIMIT, kids.size());
            String more = v.getChildrenCount() > listed ? "另有 " + (v.getChildrenCount() - listed) + " 个下级未列出"
                    + (!v.isFail() ? "。" : kids.size() < v.getChildrenCount() ? "，前 " + kids.size() + " 个见 report.xlsx。" : "，全部见 report.xlsx。") : null;
            out.add(new Detail(v.getStatus().name(), v.getStatus().label(), region == null ? "" : region, v.getIndicator(), summary, lines,
                    evidence(v), children(kids), more));
        }
        return out;
    }

    private static List<List<Html.Cell>> evidence(Verdict v) {
        List<List<Html.Cell>> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Metric m : v.getEvidence()) {
            String cell = Evidence.cell(m.getOrigin());
            if (!seen.add(cell + '\u0000' + m.getKey() + '\u0000' + m.getYear())) continue;
            rows.add(Html.Cell.row(Shown.name(m.getKey()), m.getYear(), Shown.text(m.display()), cell));
        }
        return rows;
    }

    private static List<List<Html.Cell>> children(List<ChildFinding> kids) {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (ChildFinding c : kids.subList(0, Math.min(HtmlReport.CHILD_LIMIT, kids.size()))) {
            List<String> cells = new ArrayList<>();
            for (Origin o : c.cells()) cells.add(Evidence.cell(o));
            rows.add(Html.Cell.row(Shown.name(c.entityName()), c.status().label(), Shown.text(c.message()), String.join("、", cells)));
        }
        return rows;
    }

    public List<List<Html.Cell>> parameters() {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (Parameters.Row r : words.parameters.rows()) {
            rows.add(Html.Cell.row(Shown.name(r.name()), String.join("、", r.indicators()), r.shown(), r.source()));
        }
        return rows;
    }

    public List<List<Html.Cell>> sheets() {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (SheetTally t : report.data().sheets()) {
            rows.add(Html.Cell.row(Shown.fileName(t.getFile()), Shown.name(t.getSheet()), t.getKind(), t.getRead(), t.getAccepted(), t.getSkipped(),
                    t.getRejected(), t.getBlank()));
        }
        return rows;
    }

    public List<List<Html.Cell>> problems() {
        List<LoadProblem> problems = report.data().problems();
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (LoadProblem p : problems.subList(0, Math.min(PROBLEM_LIMIT, problems.size()))) {
            rows.add(Html.Cell.row(p.severity().label(), Evidence.cell(new Origin(p.file(), p.sheet(), p.cell())), Shown.text(p.message())));
        }
        return rows;
    }

    /** Null, or the sentence saying the list of load problems is cut. */
    public String problemsCut() {
        int n = report.data().problems().size();
        return n > PROBLEM_LIMIT ? "共 " + n + " 个数据问题，此处列出前 " + PROBLEM_LIMIT + " 个；全部见 report.xlsx 的“数据核对”表。" : null;
    }

    public List<List<Html.Cell>> documents() {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (SourceDocuments.Document d : words.cited()) rows.add(Html.Cell.row(d.title(), d.issuer(), d.number(), d.year()));
        return rows;
    }

    public List<List<Html.Cell>> inputs() {
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (Report.Received f : report.received()) {
            rows.add(List.of(Html.Cell.of(Shown.fileName(f.path()) + (f.unreadable() == null ? "" : "（无法读取）")),
                    Html.Cell.of("path", Shown.text(f.path())), Html.Cell.of("path", f.sha256()), Html.Cell.of(f.bytes())));
        }
        return rows;
    }

    public String rules() {
        RunInfo run = report.run();
        return "规则 " + Shown.text(run.rulesDir()) + "（" + run.indicators() + " 项，SHA-256 " + run.rulesSha256() + "）";
    }
}
