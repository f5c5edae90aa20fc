package org.dudao.batch;

import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.Status;
import org.dudao.report.TextTable;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The batch summary on the console: a table of the runs, then per region what changed and where values went. */
public final class BatchConsole {
    private static final int LIST_LIMIT = 10;

    private BatchConsole() {}

    public static void print(BatchResult b, PrintStream out) {
        TextTable t = new TextTable("地区", "名称", "结果", "运行", "年度", "达标", "不达标", "预警", "数据不足", "不适用", "已豁免",
                "新增不达标", "已整改", "新增豁免").alignRight(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        for (BatchResult.RegionResult r : b.regions()) {
            Map<Status, Integer> c = r.counts();
            t.row(r.key(), r.key().equals(r.name()) ? "" : r.name(), r.outcome().label(), r.runId() == null ? "" : "#" + r.runId(),
                    r.year(), c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.WARN), c.get(Status.INSUFFICIENT_DATA),
                    c.get(Status.NOT_APPLICABLE), c.get(Status.WAIVED), r.changes().newFailures().size(), r.changes().fixed().size(),
                    r.changes().waived().size());
        }
        out.printf("批次 #%d：%d 个运行（已核查 %d，未变化跳过 %d，无法核查 %d）%n%n", b.batchId(), b.regions().size(),
                count(b, BatchResult.Outcome.EVALUATED), count(b, BatchResult.Outcome.SKIPPED), count(b, BatchResult.Outcome.NOT_EVALUATED));
        if (!b.regions().isEmpty()) out.print(t.render());

        for (BatchResult.RegionResult r : b.regions()) {
            Changes ch = r.changes();
            Trend.Moves moves = Trend.Moves.of(r.trend());
            if (ch.isEmpty() && moves.changed().isEmpty()) continue;
            String head = r.key() + (r.key().equals(r.name()) ? "" : " " + r.name());
            out.printf("%n【%s】%s：%n", head, ch.firstRun() ? "首次核查，没有可比较的上次运行" : "与第 " + ch.previousRunId() + " 次运行相比");
            list(out, "新增不达标", ch.newFailures());
            list(out, "已整改", ch.fixed());
            list(out, "新增豁免", ch.waived());
            list(out, "原不达标、现无法判断", ch.unconfirmed());
            if (!moves.changed().isEmpty()) {
                out.println("  观测值有变化的（按运行先后）：");
                for (Trend x : moves.changed().subList(0, Math.min(LIST_LIMIT, moves.changed().size()))) {
                    out.printf("    %s %s：%s%n", x.indicator(), x.subject(), x.points().stream()
                            .map(p -> p.year() + "年 " + (p.observedText() != null ? p.observedText() : p.observed() == null ? "—" : p.observed().toPlainString()))
                            .collect(Collectors.joining(" → ")));
                }
                if (moves.changed().size() > LIST_LIMIT) out.printf("    ……另有 %d 条，见批次汇总%n", moves.changed().size() - LIST_LIMIT);
            }
            if (moves.unchanged() > 0) out.printf("  另有 %d 项观测值与上次相同，未列出%n", moves.unchanged());
        }
        if (!b.problems().isEmpty() || b.regions().stream().anyMatch(r -> !r.problems().isEmpty())) {
            out.printf("%n问题：%n");
            for (BatchResult.FileProblem p : b.problems()) out.printf("  %s：%s%n", p.file(), p.reason());
            for (BatchResult.RegionResult r : b.regions()) for (String p : r.problems()) out.printf("  [%s] %s%n", r.key(), p);
        }
        if (!b.duplicates().isEmpty()) {
            out.printf("%n内容重复的工作簿（未重复核查）：%n");
            for (BatchResult.Duplicate d : b.duplicates()) out.printf("  %s 与 %s 相同%n", d.file(), d.sameAs());
        }
    }

    private static void list(PrintStream out, String title, List<Changes.Change> changes) {
        if (changes.isEmpty()) return;
        out.printf("  %s（%d 项）：%n", title, changes.size());
        for (Changes.Change c : changes.subList(0, Math.min(LIST_LIMIT, changes.size()))) {
            StoredVerdict v = c.any();
            String before = c.before() == null ? "无" : c.before().status().label();
            String now = c.now() == null ? "无" : c.now().status().label();
            out.printf("    %s %s（%s）：%s → %s%s%n", v.indicator(), v.subject(), v.entityCode(), before, now,
                    c.now() != null && c.now().message() != null ? "；" + c.now().message() : "");
        }
        if (changes.size() > LIST_LIMIT) out.printf("    ……另有 %d 项，见批次汇总%n", changes.size() - LIST_LIMIT);
    }

    private static long count(BatchResult b, BatchResult.Outcome o) {
        return b.regions().stream().filter(r -> r.outcome() == o).count();
    }

    /** A region's failing verdicts by indicator, in report order. */
    static Map<String, List<StoredVerdict>> failingByIndicator(BatchResult.RegionResult r) {
        return r.failures().stream().collect(Collectors.groupingBy(StoredVerdict::indicator, LinkedHashMap::new, Collectors.toList()));
    }
}
