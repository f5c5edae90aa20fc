package org.dudao.batch;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.api.Dudao;
import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.Status;
import org.dudao.report.StreamedWorkbook;
import org.dudao.report.XlsxSheet;
import org.dudao.report.XlsxStyles;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code batch-summary.xlsx}: 批次概况 (the batch, counts by outcome, problems and duplicates),
 * 各地区 (one row per region), 新增与整改 (one row per change since the region's previous run) and 趋势
 * (each indicator's observed value on each region entity, run by run). The sheets are written with the
 * report's {@link XlsxSheet}: text from the input is never a formula, headers are frozen and filtered.
 */
public final class BatchSummaryXlsx {
    /** Rows SXSSF keeps in memory per sheet. */
    private static final int WINDOW = 200;
    /** Runs shown per trend row: the latest ones; the whole series is in batch-summary.json. */
    static final int TREND_RUNS = 30;

    private BatchSummaryXlsx() {}

    public static void write(BatchResult b, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new StreamedWorkbook(WINDOW);
        try {
            XlsxStyles styles = new XlsxStyles(wb);
            facts(b, new XlsxSheet(wb.createSheet("批次概况"), styles));
            regions(b, new XlsxSheet(wb.createSheet("各地区"), styles));
            changes(b, new XlsxSheet(wb.createSheet("新增与整改"), styles));
            trend(b, new XlsxSheet(wb.createSheet("趋势"), styles));
            wb.write(out);
        } finally {
            wb.close(); // also deletes SXSSF's temporary files
        }
    }

    private static void facts(BatchResult b, XlsxSheet s) {
        s.header("项目", "内容");
        s.row("批次", b.batchId());
        s.row("开始时间", b.startedAt());
        s.row("结束时间", b.finishedAt());
        s.row("工具", "dudao " + Dudao.version());
        s.row("规则目录", b.rulesDir());
        s.row("规则 SHA-256", b.rulesSha256());
        s.row("结果历史库", b.maskedHistory());
        s.row("报告格式", String.join(",", b.formats()));
        s.row("分组", b.perFile() ? "每个工作簿单独核查" : "按地区（同一地区的各年度一起）");
        s.row("退出码", b.exitCode());
        s.row("退出码含义", SummaryContent.exitMeaning(b.exitCode()));
        s.blank().header("结果", "数量");
        s.row("运行", b.regions().size());
        for (BatchResult.Outcome o : BatchResult.Outcome.values()) s.row(o.label(), SummaryContent.count(b, o));
        s.row("无法使用的输入", b.problems().size());
        s.row("内容重复的工作簿", b.duplicates().size());
        s.blank().header("结论（各地区合计）", "数量");
        Map<Status, Integer> totals = SummaryContent.totals(b);
        for (Status st : Status.values()) s.row(st.label(), totals.get(st));
        s.blank().header("问题：文件或地区", "原因");
        for (BatchResult.FileProblem p : b.problems()) s.row(p.file(), p.reason());
        for (BatchResult.RegionResult r : b.regions()) {
            for (String p : r.problems()) s.row(r.key() + " " + SummaryContent.name(r), p);
        }
        s.blank().header("内容重复的工作簿（未重复核查）", "与之相同");
        for (BatchResult.Duplicate d : b.duplicates()) s.row(d.file(), d.sameAs());
        s.freeze(0, 1).fitColumns(10);
    }

    static final List<String> REGION_HEADER = regionHeader();

    private static List<String> regionHeader() {
        List<String> h = new ArrayList<>(List.of("地区代码", "地区", "结果", "运行", "上次运行", "评估年度", "数据中的年度", "退出码"));
        for (Status st : Status.values()) h.add(st.label());
        h.addAll(List.of("不达标指标数", "不达标指标", "新增不达标", "已整改", "新增豁免", "原不达标、现无法判断", "问题", "输入文件", "文件夹"));
        return List.copyOf(h);
    }

    private static void regions(BatchResult b, XlsxSheet s) {
        s.header(REGION_HEADER.toArray());
        for (BatchResult.RegionResult r : b.regions()) {
            List<Object> row = new ArrayList<>(List.of(r.key(), SummaryContent.name(r), r.outcome().label()));
            row.add(r.runId());
            row.add(r.changes().previousRunId());
            row.add(r.year());
            row.add(SummaryContent.years(r));
            row.add(r.exitCode());
            for (Status st : Status.values()) row.add(r.counts().getOrDefault(st, 0));
            row.add(BatchConsole.failingByIndicator(r).size());
            row.add(SummaryContent.failingIndicators(r));
            row.add(r.changes().newFailures().size());
            row.add(r.changes().fixed().size());
            row.add(r.changes().waived().size());
            row.add(r.changes().unconfirmed().size());
            row.add(String.join("；", r.problems()));
            row.add(SummaryContent.files(r));
            row.add(r.folder().toString());
            s.row(row.toArray());
        }
        s.filter(0, REGION_HEADER.size()).freeze(2, 1).fitColumns(6);
    }

    private static void changes(BatchResult b, XlsxSheet s) {
        s.header("地区代码", "地区", "变化", "指标", "指标名称", "单位代码", "单位", "上次运行", "本次运行", "上次结论", "本次结论",
                "上次年度", "本次年度", "上次观测值", "本次观测值", "说明");
        for (SummaryContent.ChangeRow row : SummaryContent.changes(b)) {
            Changes.Change c = row.change();
            StoredVerdict v = c.any();
            BatchResult.RegionResult r = row.region();
            s.row(r.key(), SummaryContent.name(r), row.kind(), v.indicator(), v.name(), v.entityCode(), v.subject(),
                    r.changes().previousRunId(), r.runId(), SummaryContent.statusLabel(c.before()), SummaryContent.statusLabel(c.now()),
                    c.before() == null ? null : c.before().year(), c.now() == null ? null : c.now().year(),
                    c.before() == null ? null : c.before().observed(), c.now() == null ? null : c.now().observed(),
                    c.now() == null ? "本次没有这一结论" : c.now().message());
        }
        s.filter(0, 16).freeze(3, 1).fitColumns(6);
    }

    private static void trend(BatchResult b, XlsxSheet s) {
        int runs = 0;
        for (BatchResult.RegionResult r : b.regions()) for (Trend t : r.trend()) runs = Math.max(runs, Math.min(TREND_RUNS, t.points().size()));
        List<Object> head = new ArrayList<>(List.of("地区代码", "地区", "指标", "指标名称", "单位代码", "单位", "运行（评估年度）", "最新结论", "有无变化"));
        for (int i = 1; i <= runs; i++) head.add(runs == 1 ? "观测值" : "第 " + i + " 次观测值");
        s.header(head.toArray());
        for (BatchResult.RegionResult r : b.regions()) {
            for (Trend t : r.trend()) {
                List<Trend.Point> points = SummaryContent.last(t.points(), TREND_RUNS);
                List<Object> row = new ArrayList<>(List.of(r.key(), SummaryContent.name(r), t.indicator()));
                row.add(t.name());
                row.add(t.entityCode());
                row.add(t.subject());
                row.add(points.stream().map(p -> new SummaryContent.TrendRun(p.runId(), p.year()).label()).collect(Collectors.joining(" → ")));
                row.add(SummaryContent.statusLabel(points.get(points.size() - 1).status()));
                row.add(t.points().size() < 2 ? "只有一次" : t.changed() ? "有变化" : "未变化");
                for (Trend.Point p : points) row.add(p.observed());
                s.row(row.toArray());
            }
        }
        s.filter(0, head.size()).freeze(3, 1).fitColumns(6);
    }
}
