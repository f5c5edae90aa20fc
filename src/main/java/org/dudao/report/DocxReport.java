package org.dudao.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.engine.SourceDocuments;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Origin;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes 督导报告.docx, a supervision report an inspection team can forward as it is: a cover with the
 * region, year and date; 一、基本情况 (scope, every workbook received, the conclusions in figures);
 * 二、主要问题 (不达标 by indicator, then 已豁免 and 预警, each finding with its cells); 三、整改要求 (a
 * concrete requirement per failure, with the plan's deadline); and the annexes: 补报清单 for the data
 * that is missing, 参数及其取值, 数据核对, 依据文件, and the input files with their SHA-256. The look
 * is {@link DocxStyles}'. Long lists are cut with a count; the full lists are in report.xlsx.
 */
public final class DocxReport {
    public static final String FILE = "督导报告.docx";
    /** Findings written out per indicator, and rows of the rectification table. */
    static final int FINDINGS_LIMIT = 200;
    static final int TABLE_LIMIT = 2000;
    /** Waived failures and warnings listed. */
    static final int WAIVED_LIMIT = 200;
    static final int WARNINGS_LIMIT = 30;
    /** Load problems listed in the reconciliation annex. */
    private static final int PROBLEMS_LIMIT = 200;
    private static final String[] ANNEXES = {"补报清单（数据不足）", "参数及其取值", "数据核对", "依据文件", "输入文件与规则"};

    private final DocxWriter w;
    private final ReportView view;
    private final Report report;
    private final Wording words;
    private final String scope;
    private final int year;

    private DocxReport(XWPFDocument doc, ReportView view, String scope) {
        this.w = new DocxWriter(doc);
        this.view = view;
        this.report = view.report();
        this.words = new Wording(report);
        this.scope = Shown.name(scope);
        this.year = report.run().year();
    }

    /** The document for the whole run. */
    public static void write(Report report, Path file) throws IOException {
        write(new ReportView(report), file);
    }

    /** The document for the whole run, from a view already gathered. */
    public static void write(ReportView view, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(view, scopeName(view), out));
    }

    /**
     * One document per region, named from the region (sanitised, inside {@code dir}), each written as
     * soon as its region's verdicts are gathered; returns the files written, in hierarchy order.
     */
    public static List<Path> writePerRegion(Report report, Path dir) throws IOException {
        return writePerRegion(report, dir, file -> { });
    }

    /** As {@link #writePerRegion(Report, Path)}, telling {@code each} of every file as it is written. */
    public static List<Path> writePerRegion(Report report, Path dir, Consumer<Path> each) throws IOException {
        Map<String, Path> written = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<String> regions = ReportView.byRegion(report, (region, view) -> {
            String name = view.regionName(region);
            Path file = SafeFileNames.inside(dir, SafeFileNames.unique(
                    "督导报告-" + SafeFileNames.sanitise(name) + "-" + SafeFileNames.sanitise(region), ".docx", used));
            AtomicFiles.write(file, out -> write(view, name, out));
            written.put(region, file);
            each.accept(file);
        });
        List<Path> files = new ArrayList<>();
        for (String r : regions) files.add(written.get(r));
        return files;
    }

    public static void write(ReportView view, String scope, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxStyles.apply(doc);
            new DocxReport(doc, view, scope).body();
            doc.write(out);
        }
    }

    private void body() {
        cover();
        w.para(DocxStyles.TITLE, title());
        basics();
        findings();
        rectification();
        gaps();
        parameters();
        reconciliation();
        documents();
        inputs();
    }

    private String title() {
        return scope + year + "年教育督导评估报告";
    }

    private void cover() {
        for (int i = 0; i < 4; i++) w.para(DocxStyles.PLAIN, "");
        w.para(DocxStyles.COVER_TITLE, scope);
        w.para(DocxStyles.COVER_TITLE, year + "年教育督导评估报告");
        for (int i = 0; i < 6; i++) w.para(DocxStyles.PLAIN, "");
        w.para(DocxStyles.COVER_LINE, "评估对象：" + scope);
        w.para(DocxStyles.COVER_LINE, "评估年度：" + year + "年");
        w.para(DocxStyles.COVER_LINE, "报告日期：" + date(report.run().time()));
        w.pageBreak();
    }

    /** 2026年1月1日, from the run's ISO time. */
    static String date(String isoTime) {
        if (isoTime == null || isoTime.length() < 10) return "";
        String[] ymd = isoTime.substring(0, 10).split("-");
        if (ymd.length != 3) return isoTime;
        return Integer.parseInt(ymd[0]) + "年" + Integer.parseInt(ymd[1]) + "月" + Integer.parseInt(ymd[2]) + "日";
    }

    private void basics() {
        w.para(DocxStyles.HEADING_1, "基本情况");
        w.para(DocxStyles.HEADING_2, "评估范围");
        w.para("本次督导评估的对象为" + scope + "，涉及" + kinds() + "。评估年度为" + year + "年，对照" + view.indicators().size()
                + "项评估指标逐项核查，各项指标的依据文件见附件4。");
        w.para(DocxStyles.HEADING_2, "数据收集情况");
        w.para(dataReceived());
        w.para(DocxStyles.HEADING_2, "评估结论");
        Map<Status, Integer> c = view.counts();
        StringBuilder b = new StringBuilder("共得出评估结论" + view.total() + "条，其中" + counts(c) + "。");
        if (c.get(Status.FAIL) > 0) {
            int units = 0;
            for (Indicator i : view.failedIndicators()) units += view.failedUnits(i.id());
            b.append("不达标涉及").append(view.failedIndicators().size()).append("项指标（按指标计").append(units)
                    .append("个单位次），详见“二、主要问题”，整改要求见“三、整改要求”。");
        }
        if (c.get(Status.INSUFFICIENT_DATA) > 0) {
            b.append("数据不足的结论须补报数据后重新评估，补报清单见附件1。");
        }
        w.para(b.toString());
    }

    private String kinds() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<EntityKind, Integer> e : view.entityKinds().entrySet()) {
            parts.add(e.getKey().label() + e.getValue() + (e.getKey() == EntityKind.SCHOOL ? "所" : "个"));
        }
        return parts.isEmpty() ? "0个单位" : String.join("、", parts);
    }

    private String dataReceived() {
        Dataset data = report.data();
        Dataset.Rows rows = data.rows();
        List<Report.Received> received = report.received();
        List<String> bad = new ArrayList<>();
        for (Report.Received f : received) if (f.unreadable() != null) bad.add(Shown.fileName(f.path()) + "：" + Shown.text(f.unreadable()));
        StringBuilder b = new StringBuilder("共收到统计工作簿" + received.size() + "个");
        if (!bad.isEmpty()) b.append("，其中").append(bad.size()).append("个无法读取，未纳入评估（").append(String.join("；", bad)).append("）");
        long errors = data.problems().stream().filter(p -> p.severity() == LoadProblem.Severity.ERROR).count();
        b.append("；读取数据表").append(data.sheets().size()).append("张、数据行").append(rows.read()).append("行，其中采用")
                .append(rows.accepted()).append("行、跳过合计与注释").append(rows.skipped()).append("行、拒绝").append(rows.rejected())
                .append("行；发现数据问题").append(data.problems().size()).append("个").append(errors > 0 ? "（其中错误" + errors + "个）" : "")
                .append("。数据核对情况见附件3，工作簿清单及其校验值见附件5。");
        return b.toString();
    }

    /** 不达标 12 条、达标 37 条…: the statuses that occur, worst first. */
    private static String counts(Map<Status, Integer> c) {
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) if (c.get(s) > 0 || s == Status.FAIL) parts.add(s.label() + c.get(s) + "条");
        return String.join("、", parts);
    }

    private void findings() {
        w.para(DocxStyles.HEADING_1, "主要问题");
        List<Indicator> failed = view.failedIndicators();
        Map<Status, Integer> c = view.counts();
        if (failed.isEmpty()) w.para("本次评估未发现不达标问题。");
        else w.para("对照评估指标，" + failed.size() + "项指标有单位未达标，共" + c.get(Status.FAIL) + "条，按指标列示如下"
                + (c.get(Status.WAIVED) + c.get(Status.WARN) > 0 ? "，已豁免和预警事项列于其后" : "") + "。");
        for (Indicator i : failed) {
            int count = view.countsOfIndicator(i.id()).get(Status.FAIL);
            w.para(DocxStyles.HEADING_2, Shown.text(i.name()));
            String source = words.source(i);
            w.para("标准：" + words.standards.of(i) + "。" + (source.isEmpty() ? "" : "依据：" + source + "。")
                    + "未达标" + view.failedUnits(i.id()) + "个单位" + (count > view.failedUnits(i.id()) ? "（" + count + "条）" : "") + "：");
            for (Verdict v : view.firstFailures(i.id())) w.para(DocxStyles.FINDING, finding(v));
            if (count > FINDINGS_LIMIT) w.para("另有" + (count - FINDINGS_LIMIT) + "条未列出，详见 report.xlsx 中该指标的工作表。");
        }
        if (c.get(Status.WAIVED) > 0) {
            w.para(DocxStyles.HEADING_2, "已豁免事项");
            w.para("以下" + c.get(Status.WAIVED) + "项未达标，经批准豁免，不计入不达标：");
            for (Verdict v : view.firstWaived()) {
                w.para(DocxStyles.FINDING, subject(v) + "，" + Shown.text(words.indicator(v).name()) + "：" + Shown.text(v.getWaiver().describe()) + "。");
            }
            more(c.get(Status.WAIVED), WAIVED_LIMIT, "report.json");
        }
        if (c.get(Status.WARN) > 0) {
            w.para(DocxStyles.HEADING_2, "预警事项");
            w.para("以下" + c.get(Status.WARN) + "项记为预警，不计入不达标，但须予关注（原因见各项）：");
            for (Verdict v : view.firstWarnings()) {
                w.para(DocxStyles.FINDING, subject(v) + "，" + Shown.text(words.indicator(v).name()) + "：" + sentence(v.getMessage()));
            }
            more(c.get(Status.WARN), WARNINGS_LIMIT, "report.xlsx");
        }
    }

    private void more(int count, int limit, String where) {
        if (count > limit) w.para("另有" + (count - limit) + "项未列出，详见 " + where + "。");
    }

    /** 二县（县）：message。数据来源：cells。 */
    private String finding(Verdict v) {
        String cells = Evidence.shortList(v);
        return subject(v) + "：" + sentence(v.getMessage()) + (cells.isEmpty() ? "" : "数据来源：" + cells + "。");
    }

    /** The unit with its level: 二县（县）, 二县（县，小学）. */
    private static String subject(Verdict v) {
        return Shown.name(v.getEntityName()) + "（" + v.getLevel() + (v.getPart() == null ? "" : "，" + Shown.name(v.getPart())) + "）";
    }

    private static String sentence(String message) {
        String m = Shown.text(message);
        return m.isEmpty() || m.endsWith("。") ? m : m + "。";
    }

    private void rectification() {
        w.para(DocxStyles.HEADING_1, "整改要求");
        int count = view.counts().get(Status.FAIL);
        if (count == 0) {
            w.para("本次评估无不达标事项，无须整改。");
        } else {
            w.para("请各责任地区对照下表逐项整改，学校的问题由其所在县级教育行政部门督促整改。规划文件规定了完成时限的，按规定时限完成；"
                    + "其余事项按督导意见书规定的期限完成，并报送整改情况。");
            DocxWriter.Table t = w.table(new int[]{5, 8, 12, 33, 12}, "序号", "责任地区", "整改对象", "整改要求", "完成时限");
            int n = 0;
            for (Verdict v : view.firstFailures()) {
                String deadline = words.deadline(v);
                t.row(String.valueOf(++n), Shown.name(view.responsibleRegion(v)), Shown.name(v.getSubject()), words.requirement(v),
                        deadline.isEmpty() ? "按督导意见书要求" : deadline);
            }
            if (count > TABLE_LIMIT) w.para(DocxStyles.PLAIN, "另有" + (count - TABLE_LIMIT) + "项未列出，见 report.xlsx 的“整改清单”。");
        }
        w.para(DocxStyles.PLAIN, "");
        for (int i = 0; i < ANNEXES.length; i++) w.para(DocxStyles.PLAIN, (i == 0 ? "附件：" : "　　　") + (i + 1) + "." + ANNEXES[i]);
    }

    private void annex(int n) {
        w.para(DocxStyles.ANNEX, "附件" + n);
        w.para(DocxStyles.TITLE, ANNEXES[n - 1]);
    }

    private void gaps() {
        annex(1);
        int insufficient = view.counts().get(Status.INSUFFICIENT_DATA);
        if (insufficient == 0) {
            w.para("本次评估没有因数据缺失而无法判定的结论。");
            return;
        }
        w.para("共有" + insufficient + "条结论因数据缺失无法判定（数据不足）。请下列" + view.gapUnits()
                + "个单位在所列工作表的相应列补报数据（空白单元格按缺失处理，不按0计），补报后重新评估。"
                + "上级单位的结论因所属单位数据缺失而不足的，随所属单位补报一并解决，不单独列出。");
        if (view.gapCount() == 0) return;
        DocxWriter.Table t = w.table(new int[]{13, 8, 15, 12, 10, 12}, "填报单位", "工作表", "应填写的列", "年度", "涉及指标", "说明");
        String unit = null;
        for (DataGaps.Gap g : view.firstGaps()) {
            boolean same = g.code().equals(unit);
            unit = g.code();
            t.rowUnder(same, Shown.name(g.name()) + "（" + Shown.name(g.code()) + "）", g.sheet(), g.column(),
                    g.yearText(), String.join("、", g.indicators()), g.note());
        }
        if (view.gapCount() > view.firstGaps().size()) {
            w.para(DocxStyles.PLAIN, "另有" + (view.gapCount() - view.firstGaps().size()) + "项未列出，见 report.xlsx 的“补报清单”。");
        }
    }

    private void parameters() {
        annex(2);
        List<Parameters.Row> rows = words.parameters.rows();
        if (rows.isEmpty()) {
            w.para("本次评估的指标标准未使用参数。");
            return;
        }
        w.para("下列标准值由各地在工作簿的参数表中设定，未设定的取规则目录参数文件中的值，再无则取规则中写明的默认值。本次评估采用的取值如下：");
        DocxWriter.Table t = w.table(new int[]{13, 11, 8, 24}, "参数", "使用该参数的指标", "取值", "来源");
        for (Parameters.Row r : rows) t.row(Shown.name(r.name()), String.join("、", r.indicators()), r.shown(), r.source());
    }

    private void reconciliation() {
        annex(3);
        w.para("每张数据表读取的数据行均等于采用、跳过（合计与注释）与拒绝行数之和；拒绝的行及其原因列于数据问题表。");
        DocxWriter.Table t = w.table(new int[]{16, 12, 8, 6, 6, 6, 6}, "工作簿", "工作表", "识别为", "读取", "采用", "跳过", "拒绝");
        for (SheetTally s : report.data().sheets()) {
            t.row(Shown.fileName(s.getFile()), Shown.name(s.getSheet()), s.getKind(), "" + s.getRead(), "" + s.getAccepted(),
                    "" + s.getSkipped(), "" + s.getRejected());
        }
        List<LoadProblem> problems = report.data().problems();
        if (problems.isEmpty() && report.otherRunProblems().isEmpty()) {
            w.para("读取数据时未发现问题。");
            return;
        }
        w.para("数据问题共" + problems.size() + "个" + (report.otherRunProblems().isEmpty() ? "" : "，运行问题" + report.otherRunProblems().size() + "个") + "：");
        DocxWriter.Table p = w.table(new int[]{6, 24, 40}, "级别", "位置", "问题");
        for (LoadProblem lp : problems.subList(0, Math.min(PROBLEMS_LIMIT, problems.size()))) {
            p.row(lp.severity().label(), Evidence.cell(new Origin(lp.file(), lp.sheet(), lp.cell())), Shown.text(lp.message()));
        }
        for (String rp : report.otherRunProblems()) p.row("运行问题", "", Shown.text(rp));
        if (problems.size() > PROBLEMS_LIMIT) {
            w.para(DocxStyles.PLAIN, "另有" + (problems.size() - PROBLEMS_LIMIT) + "个未列出，见 report.xlsx 的“数据核对”。");
        }
    }

    private void documents() {
        annex(4);
        List<SourceDocuments.Document> cited = words.cited();
        if (cited.isEmpty()) {
            w.para("规则目录中没有依据文件表（documents.csv），各项指标的依据以正文所引为准。");
            return;
        }
        w.para("本报告所列指标依据下列文件：");
        DocxWriter.Table t = w.table(new int[]{34, 18, 14, 6}, "文件名称", "发文机关", "文号", "年份");
        for (SourceDocuments.Document d : cited) t.row(d.title(), d.issuer(), d.number(), d.year());
    }

    private void inputs() {
        annex(5);
        RunInfo run = report.run();
        w.para("本次评估读取的工作簿及其 SHA-256 校验值如下，可据此核对所用文件未被改动：");
        DocxWriter.Table t = w.table(new int[]{12, 24, 28, 7}, "工作簿", "路径", "SHA-256", "字节数");
        for (Report.Received f : report.received()) {
            t.row(Shown.fileName(f.path()) + (f.unreadable() == null ? "" : "（无法读取）"), Shown.text(f.path()), f.sha256(),
                    f.bytes() == null ? "" : String.valueOf(f.bytes()));
        }
        // the date is on the cover; the time of day would make two runs of the same input differ
        w.para("评估规则：" + Shown.text(run.rulesDir()) + "，共" + run.indicators() + "项指标，SHA-256 " + run.rulesSha256() + "；由 "
                + run.tool() + " " + run.version() + " 生成。");
    }

    /** The run's scope for the title: its top regions (those whose parent is not among them). */
    static String scopeName(ReportView view) {
        Map<String, Entity> all = view.report().data().entities();
        Set<String> regions = new HashSet<>(view.regions());
        List<String> top = new ArrayList<>();
        for (String r : view.regions()) {
            Entity e = all.get(r);
            if (e == null || e.getParentCode() == null || !regions.contains(e.getParentCode())) top.add(view.regionName(r));
        }
        if (top.isEmpty()) return "";
        return top.size() <= 3 ? String.join("、", top) : String.join("、", top.subList(0, 3)) + "等" + top.size() + "个地区";
    }
}
