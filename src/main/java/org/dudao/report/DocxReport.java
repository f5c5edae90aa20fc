package org.dudao.report;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
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

/**
 * Writes 督导报告.docx, an editable draft in the usual shape of a supervision report: title with region
 * and year, 一、基本情况, 二、主要问题 (findings by indicator, quoting the clause), 三、整改要求 (the
 * rectification list as a table), and an appendix with the data reconciliation. Headings use real Word
 * heading styles ({@link DocxStyles}). Long lists are capped; the full lists are in report.xlsx.
 */
public final class DocxReport {
    public static final String FILE = "督导报告.docx";
    /** Findings written out per indicator, and rows of the rectification table. */
    static final int FINDINGS_LIMIT = 200;
    static final int TABLE_LIMIT = 2000;
    /** Waived failures listed, and warnings named before 等. */
    static final int WAIVED_LIMIT = 200;
    static final int WARNINGS_LIMIT = 30;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private DocxReport() {}

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
        Map<String, Path> written = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<String> regions = ReportView.byRegion(report, (region, view) -> {
            String name = view.regionName(region);
            Path file = SafeFileNames.inside(dir, SafeFileNames.unique(
                    "督导报告-" + SafeFileNames.sanitise(name) + "-" + SafeFileNames.sanitise(region), ".docx", used));
            AtomicFiles.write(file, out -> write(view, name, out));
            written.put(region, file);
        });
        List<Path> files = new ArrayList<>();
        for (String r : regions) files.add(written.get(r));
        return files;
    }

    public static void write(ReportView view, String scope, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxStyles.create(doc);
            int year = view.report().run().year();
            para(doc, DocxStyles.TITLE, scope + year + "年教育督导评估报告");
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.createRun().setText("（初稿，供督导组修改）");
            basics(doc, view, scope);
            findings(doc, view);
            rectification(doc, view);
            appendix(doc, view.report());
            doc.write(out);
        }
    }

    private static void basics(XWPFDocument doc, ReportView view, String scope) {
        Report r = view.report();
        para(doc, DocxStyles.HEADING_1, "一、基本情况");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<EntityKind, Integer> e : view.entityKinds().entrySet()) parts.add(e.getKey().label() + " " + e.getValue() + " 个");
        para(doc, null, "（一）评估范围。本次督导评估对象为" + scope + "，涉及" + (parts.isEmpty() ? "0 个对象" : String.join("、", parts))
                + "，评估年度为 " + r.run().year() + " 年。");
        Dataset data = r.data();
        Dataset.Rows rows = data.rows();
        List<String> files = new ArrayList<>();
        for (Dataset.InputFile f : data.inputs()) files.add(f.path());
        para(doc, null, "（二）数据收集情况。共收到统计工作簿 " + data.inputs().size() + " 个" + (files.isEmpty() ? "" : "（" + String.join("、", files) + "）")
                + "，数据表 " + data.sheets().size() + " 张；读取数据行 " + rows.read() + " 行，其中采用 " + rows.accepted() + " 行、跳过合计与注释 "
                + rows.skipped() + " 行、拒绝 " + rows.rejected() + " 行；发现数据问题 " + data.problems().size() + " 个，详见附件。");
        Map<Status, Integer> c = view.counts();
        para(doc, null, "（三）评估内容。依据 " + view.indicators().size() + " 项评估指标（规则 SHA-256：" + r.run().rulesSha256()
                + "），共得出结论 " + view.total() + " 条：" + counts(c) + "。");
    }

    private static String counts(Map<Status, Integer> c) {
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) parts.add(s.label() + " " + c.get(s) + " 条");
        return String.join("，", parts);
    }

    private static void findings(XWPFDocument doc, ReportView view) {
        para(doc, DocxStyles.HEADING_1, "二、主要问题");
        List<Indicator> failed = view.failedIndicators();
        if (failed.isEmpty()) para(doc, null, "本次评估未发现不达标问题。");
        int n = 0;
        for (Indicator i : failed) {
            int count = view.countsOfIndicator(i.id()).get(Status.FAIL);
            para(doc, DocxStyles.HEADING_2, "（" + numeral(++n) + "）" + i.name() + "（" + i.id() + "）");
            para(doc, null, "依据：“" + i.source() + "”。标准：" + i.bound() + "。共有 " + count + " 个对象未达到要求：");
            for (Verdict v : view.firstFailures(i.id())) {
                List<String> src = ReportView.sources(v);
                para(doc, null, v.getEntityName() + "（" + v.getLevel() + "，" + v.getEntityCode() + "）：" + v.getMessage() + "。"
                        + (src.isEmpty() ? "" : "数据来源：" + String.join("；", src) + "。"));
            }
            if (count > FINDINGS_LIMIT) para(doc, null, "另有 " + (count - FINDINGS_LIMIT) + " 个对象，见 report.xlsx。");
        }
        Map<Status, Integer> c = view.counts();
        if (c.get(Status.WAIVED) > 0) {
            para(doc, DocxStyles.HEADING_2, "（" + numeral(++n) + "）已豁免事项");
            para(doc, null, "以下 " + c.get(Status.WAIVED) + " 项未达到要求，但经批准豁免，不计入不达标：");
            for (Verdict v : view.firstWaived()) {
                para(doc, null, v.getEntityName() + "（" + v.getEntityCode() + "）" + v.getIndicator() + "：" + v.getWaiver().describe() + "。");
            }
            int more = c.get(Status.WAIVED) - WAIVED_LIMIT;
            if (more > 0) para(doc, null, "另有 " + more + " 项，见 report.json。");
        }
        if (c.get(Status.WARN) + c.get(Status.INSUFFICIENT_DATA) > 0) {
            para(doc, DocxStyles.HEADING_2, "（" + numeral(++n) + "）预警与数据不足");
            para(doc, null, "另有预警 " + c.get(Status.WARN) + " 条、数据不足 " + c.get(Status.INSUFFICIENT_DATA)
                    + " 条，须补充数据或予以关注：" + warnings(view, c.get(Status.WARN) + c.get(Status.INSUFFICIENT_DATA)) + "。");
        }
    }

    private static String warnings(ReportView view, int count) {
        List<String> parts = new ArrayList<>();
        for (Verdict v : view.firstWarnings()) parts.add(v.getEntityName() + " " + v.getIndicator() + "（" + v.getStatus().label() + "）");
        if (count > WARNINGS_LIMIT) parts.add("等");
        return String.join("、", parts);
    }

    private static void rectification(XWPFDocument doc, ReportView view) {
        para(doc, DocxStyles.HEADING_1, "三、整改要求");
        int count = view.counts().get(Status.FAIL);
        if (count == 0) {
            para(doc, null, "无须整改的不达标事项。");
            return;
        }
        para(doc, null, "请下列责任地区对照整改清单逐项整改，限期报送整改情况：");
        XWPFTable t = table(doc, "序号", "责任地区", "对象", "指标", "发现的问题", "整改要求", "依据");
        int n = 0;
        for (Verdict v : view.firstFailures()) {
            row(t, String.valueOf(++n), view.responsibleRegion(v), v.getEntityName(), v.getIndicator(), v.getMessage(),
                    XlsxReport.requirement(v), v.getSource());
        }
        if (count > TABLE_LIMIT) para(doc, null, "另有 " + (count - TABLE_LIMIT) + " 项，见 report.xlsx 的“整改清单”。");
    }

    private static void appendix(XWPFDocument doc, Report r) {
        para(doc, DocxStyles.HEADING_1, "附件：数据核对");
        XWPFTable t = table(doc, "文件", "工作表", "识别为", "读取", "采用", "跳过", "拒绝");
        for (SheetTally s : r.data().sheets()) {
            row(t, s.getFile(), s.getSheet(), s.getKind(), "" + s.getRead(), "" + s.getAccepted(), "" + s.getSkipped(), "" + s.getRejected());
        }
        List<LoadProblem> problems = r.data().problems();
        if (problems.isEmpty() && r.runProblems().isEmpty()) {
            para(doc, null, "读取数据时未发现问题。");
            return;
        }
        para(doc, null, "数据问题（共 " + problems.size() + " 个）：");
        XWPFTable p = table(doc, "级别", "文件", "工作表", "单元格", "问题");
        for (LoadProblem lp : problems.subList(0, Math.min(TABLE_LIMIT, problems.size()))) {
            row(p, lp.severity().label(), lp.file(), lp.sheet(), lp.cell(), lp.message());
        }
        for (String rp : r.runProblems()) row(p, "运行问题", "", "", "", rp);
        if (problems.size() > TABLE_LIMIT) para(doc, null, "另有 " + (problems.size() - TABLE_LIMIT) + " 个，见 report.xlsx 的“数据核对”。");
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
        return top.size() <= 3 ? String.join("、", top) : String.join("、", top.subList(0, 3)) + "等 " + top.size() + " 个地区";
    }

    private static void para(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        p.createRun().setText(text == null ? "" : text);
    }

    private static XWPFTable table(XWPFDocument doc, String... header) {
        XWPFTable t = doc.createTable(1, header.length);
        t.setWidth("100%");
        XWPFTableRow h = t.getRow(0);
        h.setRepeatHeader(true);
        for (int i = 0; i < header.length; i++) {
            XWPFParagraph p = h.getCell(i).getParagraphs().get(0);
            XWPFRun run = p.createRun();
            run.setBold(true);
            run.setText(header[i]);
        }
        return t;
    }

    private static void row(XWPFTable t, String... cells) {
        XWPFTableRow r = t.createRow();
        for (int i = 0; i < cells.length; i++) r.getCell(i).setText(cells[i] == null ? "" : cells[i]);
    }

    private static String numeral(int n) {
        return n <= NUMERALS.length ? NUMERALS[n - 1] : String.valueOf(n);
    }
}
