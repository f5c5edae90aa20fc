package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The summary a run prints: data received, verdicts per indicator, and the failures to act on. */
public final class ConsoleSummary {
    /** Lines of failures and problems printed before pointing to the full report. */
    private static final int LIST_LIMIT = 20;

    private ConsoleSummary() {}

    /** Prints with every string argument made safe for a terminal: input must not control it. */
    private static void printf(PrintStream out, String format, Object... args) {
        out.printf(format, TerminalText.safe(args));
    }

    public static void print(Report report, PrintStream out) {
        Dataset data = report.data();
        Dataset.Rows rows = data.rows();
        long errors = data.problems().stream().filter(p -> p.severity() == LoadProblem.Severity.ERROR).count();
        printf(out, "数据：%d 个工作簿，%d 张数据表；读取 %d 行 = 采用 %d + 跳过（合计/注释）%d + 拒绝 %d；问题 %d 个（错误 %d）%n",
                data.inputs().size(), data.sheets().size(), rows.read(), rows.accepted(), rows.skipped(), rows.rejected(), data.problems().size(), errors);
        printf(out, "评估年度：%d 年（数据中的年度：%s）；规则 %d 项%n%n", report.run().year(), report.run().yearsPresent(),
                report.catalogue().size());

        TextTable t = new TextTable("指标", "名称", "达标", "不达标", "已豁免", "预警", "数据不足", "不适用").alignRight(2, 3, 4, 5, 6, 7);
        for (Indicator i : report.catalogue()) {
            Map<Status, Integer> c = report.counts(i.id());
            t.row(TerminalText.safe(i.id()), TerminalText.safe(i.name()), c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.WAIVED),
                    c.get(Status.WARN), c.get(Status.INSUFFICIENT_DATA), c.get(Status.NOT_APPLICABLE));
        }
        Map<Status, Integer> all = report.counts();
        t.row("合计", "", all.get(Status.PASS), all.get(Status.FAIL), all.get(Status.WAIVED), all.get(Status.WARN),
                all.get(Status.INSUFFICIENT_DATA), all.get(Status.NOT_APPLICABLE));
        out.print(t.render());

        // one pass over the verdicts (they may be read from disk): the first failures and waivers to show
        List<Verdict> fails = new ArrayList<>();
        List<Verdict> waived = new ArrayList<>();
        int failsShown = Math.min(LIST_LIMIT, all.get(Status.FAIL));
        int waivedShown = Math.min(LIST_LIMIT, all.get(Status.WAIVED));
        for (Verdict v : report.verdicts()) {
            if (fails.size() == failsShown && waived.size() == waivedShown) break;
            if (v.isFail() && fails.size() < failsShown) fails.add(v);
            if (v.getStatus() == Status.WAIVED && waived.size() < waivedShown) waived.add(v);
        }
        if (!fails.isEmpty()) {
            printf(out, "%n不达标（%d 项）：%n", all.get(Status.FAIL));
            for (Verdict v : fails) {
                printf(out, "  %s %s（%s）：%s%n", v.getIndicator(), v.getSubject(), v.getEntityCode(), v.getMessage());
            }
            if (all.get(Status.FAIL) > LIST_LIMIT) printf(out, "  ……另有 %d 项，见报告%n", all.get(Status.FAIL) - LIST_LIMIT);
        }
        if (!waived.isEmpty()) {
            printf(out, "%n已豁免（%d 项，不计入不达标）：%n", all.get(Status.WAIVED));
            for (Verdict v : waived) {
                printf(out, "  %s %s（%s）：%s%n", v.getIndicator(), v.getSubject(), v.getEntityCode(), v.getWaiver().describe());
            }
        }
        List<LoadProblem> problems = data.problems();
        if (!problems.isEmpty()) {
            printf(out, "%n数据问题（%d 个）：%n", problems.size());
            for (LoadProblem p : problems.subList(0, Math.min(LIST_LIMIT, problems.size()))) {
                printf(out, "  [%s] %s%n", p.severity().label(), p.describe());
            }
            if (problems.size() > LIST_LIMIT) printf(out, "  ……另有 %d 个，见报告的 load.problems%n", problems.size() - LIST_LIMIT);
        }
        for (String p : report.runProblems()) printf(out, "%n[运行问题] %s%n", p);
        for (String n : report.evaluation().notes()) printf(out, "%n[提示] %s%n", n);
    }
}
