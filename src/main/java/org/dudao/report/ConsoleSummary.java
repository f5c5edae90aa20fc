package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary a run prints: the data received, the verdicts in figures, the indicators with something
 * to act on (不达标, 已豁免, 预警) and the regions with most failures, and how much data must be
 * supplied. With {@code verbose}, every indicator with every status, the first failures and the data
 * problems. Every line is Chinese; input text is made safe for a terminal.
 */
public final class ConsoleSummary {
    /** Lines of failures and problems printed before pointing to the full report. */
    private static final int LIST_LIMIT = 20;
    /** Data problems listed without --verbose. */
    private static final int PROBLEMS_SHOWN = 5;
    /** Indicator rows of the short table; the rest are counted (all with --verbose). */
    private static final int ROWS_SHOWN = 30;
    /** Regions named in the line of regions with most failures. */
    private static final int REGIONS_SHOWN = 10;

    private ConsoleSummary() {}

    /** Prints with every string argument made safe for a terminal: input must not control it. */
    private static void printf(PrintStream out, String format, Object... args) {
        out.printf(format, TerminalText.safe(args));
    }

    public static void print(Report report, PrintStream out) {
        print(report, out, false);
    }

    public static void print(Report report, PrintStream out, boolean verbose) {
        Dataset data = report.data();
        Dataset.Rows rows = data.rows();
        long errors = data.problems().stream().filter(p -> p.severity() == LoadProblem.Severity.ERROR).count();
        long unreadable = report.received().stream().filter(f -> f.unreadable() != null).count();
        printf(out, "数据：收到工作簿 %d 个%s，数据表 %d 张；读取 %d 行 = 采用 %d + 跳过（合计/注释）%d + 拒绝 %d；数据问题 %d 个（错误 %d 个）%n",
                report.workbooksReceived(), unreadable > 0 ? "（" + unreadable + " 个无法读取）" : "", data.sheets().size(), rows.read(),
                rows.accepted(), rows.skipped(), rows.rejected(), data.problems().size(), errors);
        // data a person checking the workbook in Excel would not see: said here, not only in the problem list
        for (SheetTally t : data.sheets()) {
            if (t.isHidden()) printf(out, "  注意：%s 中的工作表“%s”是隐藏的，其数据已使用（采用 %d 行）%n", t.getFile(), t.getSheet(), t.getAccepted());
        }
        Map<Status, Integer> all = report.counts();
        List<String> counts = new ArrayList<>();
        for (Status s : Status.values()) counts.add(s.label() + " " + all.get(s));
        printf(out, "评估年度：%d 年（数据中的年度：%s），指标 %d 项，结论 %d 条：%s%n", report.run().year(), years(report),
                report.catalogue().size(), report.evaluation().tally().total(), String.join("、", counts));

        Pass pass = new Pass(report);
        out.print(verbose ? fullTable(report) : actionTable(report));
        if (!pass.failuresByRegion.isEmpty()) {
            List<String> regions = new ArrayList<>();
            pass.failuresByRegion.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(REGIONS_SHOWN).forEach(e -> regions.add(Shown.name(regionName(report, e.getKey())) + " " + e.getValue() + " 条"));
            printf(out, "%n不达标最多的地区（学校计入所在县）：%s%s%n", String.join("、", regions),
                    pass.failuresByRegion.size() > REGIONS_SHOWN ? " 等 " + pass.failuresByRegion.size() + " 个" : "");
        }
        if (all.get(Status.INSUFFICIENT_DATA) > 0) {
            printf(out, "数据不足 %d 条：%d 个单位须补报 %d 项数据，补报清单见报告（--format docx、xlsx 或 html）%n",
                    all.get(Status.INSUFFICIENT_DATA), pass.gaps.units(), pass.gaps.gaps());
        }
        waived(pass, all, out);
        if (verbose) failures(pass, all, out);
        problems(data.problems(), verbose ? LIST_LIMIT : PROBLEMS_SHOWN, out);
        for (String p : report.runProblems()) printf(out, "%n[运行问题] %s%n", p);
        for (String n : report.evaluation().notes()) printf(out, "%n[提示] %s%n", n);
    }

    private static String regionName(Report report, String code) {
        Entity e = report.data().entities().get(code);
        return e == null ? code : e.displayName();
    }

    private static String years(Report report) {
        List<String> y = new ArrayList<>();
        for (int n : report.run().yearsPresent()) y.add(String.valueOf(n));
        return String.join("、", y);
    }

    /** The indicators with a failure, a waiver or a warning; those with none of these are left out. */
    private static String actionTable(Report report) {
        TextTable t = new TextTable("指标", "名称", "不达标", "已豁免", "预警", "数据不足").alignRight(2, 3, 4, 5);
        int acting = 0, failing = 0;
        for (Indicator i : report.catalogue()) {
            Map<Status, Integer> c = report.counts(i.id());
            if (c.get(Status.FAIL) + c.get(Status.WAIVED) + c.get(Status.WARN) == 0) continue;
            if (c.get(Status.FAIL) > 0) failing++;
            if (++acting > ROWS_SHOWN) continue;
            t.row(TerminalText.safe(i.id()), TerminalText.safe(Shown.name(i.name())), c.get(Status.FAIL), c.get(Status.WAIVED), c.get(Status.WARN),
                    c.get(Status.INSUFFICIENT_DATA));
        }
        StringBuilder rest = new StringBuilder();
        if (acting > ROWS_SHOWN) rest.append("……另有 ").append(acting - ROWS_SHOWN).append(" 项指标有不达标、豁免或预警（--verbose 列出）\n");
        int quiet = report.catalogue().size() - acting;
        if (quiet > 0) rest.append(quiet).append(" 项指标没有不达标、豁免或预警，未列出（--verbose 列出全部指标）\n");
        if (acting == 0) return "\n没有不达标、豁免或预警的指标。\n" + rest;
        // the failing ones apart: the report's 主要问题 counts those, and an inspector compares the two
        String of = failing == acting ? "" : "，其中有不达标的 " + failing + " 项";
        return "\n有不达标、豁免或预警的指标（" + acting + " 项" + of + "）：\n" + t.render() + rest;
    }

    private static String fullTable(Report report) {
        TextTable t = new TextTable("指标", "名称", "达标", "不达标", "已豁免", "预警", "数据不足", "不适用").alignRight(2, 3, 4, 5, 6, 7);
        for (Indicator i : report.catalogue()) {
            Map<Status, Integer> c = report.counts(i.id());
            t.row(TerminalText.safe(i.id()), TerminalText.safe(Shown.name(i.name())), c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.WAIVED),
                    c.get(Status.WARN), c.get(Status.INSUFFICIENT_DATA), c.get(Status.NOT_APPLICABLE));
        }
        Map<Status, Integer> all = report.counts();
        t.row("合计", "", all.get(Status.PASS), all.get(Status.FAIL), all.get(Status.WAIVED), all.get(Status.WARN),
                all.get(Status.INSUFFICIENT_DATA), all.get(Status.NOT_APPLICABLE));
        return "\n" + t.render();
    }

    /** Waived failures are few and each was approved by someone: always listed. */
    private static void waived(Pass pass, Map<Status, Integer> all, PrintStream out) {
        if (pass.waived.isEmpty()) return;
        printf(out, "%n已豁免（%d 项，不计入不达标）：%n", all.get(Status.WAIVED));
        for (Verdict v : pass.waived) printf(out, "  %s %s（%s）：%s%n", v.getIndicator(), v.getSubject(), v.getEntityCode(), v.getWaiver().describe());
        if (all.get(Status.WAIVED) > LIST_LIMIT) printf(out, "  ……另有 %d 项，见报告%n", all.get(Status.WAIVED) - LIST_LIMIT);
    }

    private static void failures(Pass pass, Map<Status, Integer> all, PrintStream out) {
        if (pass.fails.isEmpty()) return;
        printf(out, "%n不达标（%d 条）：%n", all.get(Status.FAIL));
        for (Verdict v : pass.fails) printf(out, "  %s %s（%s）：%s%n", v.getIndicator(), v.getSubject(), v.getEntityCode(), v.getMessage());
        if (all.get(Status.FAIL) > LIST_LIMIT) printf(out, "  ……另有 %d 条，见报告%n", all.get(Status.FAIL) - LIST_LIMIT);
    }

    /** The data problems, each with its cell: the first few, the first {@link #LIST_LIMIT} with --verbose. */
    private static void problems(List<LoadProblem> problems, int shown, PrintStream out) {
        if (problems.isEmpty()) return;
        printf(out, "%n数据问题（%d 个）：%n", problems.size());
        for (LoadProblem p : problems.subList(0, Math.min(shown, problems.size()))) printf(out, "  [%s] %s%n", p.severity().label(), p.describe());
        if (problems.size() > shown) printf(out, "  ……另有 %d 个，见 report.xlsx 的“数据核对”%s%n", problems.size() - shown,
                shown < LIST_LIMIT ? "（--verbose 列出前 " + LIST_LIMIT + " 个）" : "");
    }

    /** One pass over the verdicts (they may be read from disk): failures by region (code), the data to supply, the first failures and waivers. */
    private static final class Pass {
        final Map<String, Integer> failuresByRegion = new LinkedHashMap<>();
        final DataGaps gaps;
        final List<Verdict> fails = new ArrayList<>();
        final List<Verdict> waived = new ArrayList<>();

        Pass(Report report) {
            gaps = new DataGaps(report.context().dictionary(), g -> { });
            for (Verdict v : report.verdicts()) {
                gaps.accept(v);
                if (v.isFail()) {
                    String region = ReportView.regionCode(report.data().entities(), v);
                    if (region != null) failuresByRegion.merge(region, 1, Integer::sum);
                    if (fails.size() < LIST_LIMIT) fails.add(v);
                }
                if (v.getStatus() == Status.WAIVED && waived.size() < LIST_LIMIT) waived.add(v);
            }
            gaps.finish();
        }
    }
}
