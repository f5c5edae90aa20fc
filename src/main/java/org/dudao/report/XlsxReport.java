package org.dudao.report;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.model.ChildFinding;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code report.xlsx}: 总览, 矩阵 (regions × indicators coloured by conditional formatting),
 * one sheet per indicator that failed anywhere, 整改清单 and 数据核对. Streamed with SXSSF, so only a
 * window of rows is in memory however large the run.
 */
public final class XlsxReport {
    /** Rows SXSSF keeps in memory per sheet before flushing them to its temporary file. */
    private static final int WINDOW = 200;

    private XlsxReport() {}

    public static void write(Report report, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(new ReportView(report), out));
    }

    public static void write(ReportView view, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try {
            XlsxStyles styles = new XlsxStyles(wb);
            overview(view, new XlsxSheet(wb.createSheet("总览"), styles));
            matrix(view, new XlsxSheet(wb.createSheet("矩阵"), styles));
            Set<String> names = new HashSet<>(Set.of("总览", "矩阵", "整改清单", "数据核对"));
            for (Indicator i : view.failedIndicators()) {
                indicator(view, i, new XlsxSheet(wb.createSheet(sheetName(i, names)), styles));
            }
            rectification(view, new XlsxSheet(wb.createSheet("整改清单"), styles));
            reconciliation(view.report(), new XlsxSheet(wb.createSheet("数据核对"), styles));
            wb.write(out);
        } finally {
            wb.close(); // also deletes SXSSF's temporary files
        }
    }

    private static void overview(ReportView view, XlsxSheet s) {
        Report r = view.report();
        RunInfo run = r.run();
        s.header("项目", "内容");
        s.row("报告", "教育督导评估报告（" + run.year() + "年）");
        s.row("工具", run.tool() + " " + run.version());
        s.row("运行时间", run.time());
        s.row("评估年度", run.year());
        s.row("数据中的年度", join(run.yearsPresent()));
        s.row("规则目录", run.rulesDir());
        s.row("规则 SHA-256", run.rulesSha256());
        s.row("指标数", run.indicators());
        for (String p : r.runProblems()) s.row("运行问题", p);
        s.blank().header("输入文件", "SHA-256", "字节数");
        for (Dataset.InputFile f : run.inputs()) s.row(f.path(), f.sha256(), f.bytes());
        s.blank().header("结论", "数量");
        Map<Status, Integer> counts = view.counts();
        for (Status st : Status.values()) s.row(st.label(), counts.get(st));
        s.row("合计", view.verdicts().size());
        s.blank();
        int header = s.rowIndex();
        s.header("地区代码", "地区", "层级", "不达标指标数", "预警", "数据不足", "达标", "不适用");
        for (String region : view.regions()) {
            Map<Status, Integer> c = view.countsOfRegion(region);
            s.row(region, view.regionName(region), view.regionLevel(region), c.get(Status.FAIL), c.get(Status.WARN),
                    c.get(Status.INSUFFICIENT_DATA), c.get(Status.PASS), c.get(Status.NOT_APPLICABLE));
        }
        s.filter(header, 8).freeze(0, 1).fitColumns(8);
    }

    private static void matrix(ReportView view, XlsxSheet s) {
        List<Indicator> inds = view.indicators();
        Object[] head = new Object[3 + inds.size() + 1];
        head[0] = "地区代码";
        head[1] = "地区";
        head[2] = "层级";
        for (int i = 0; i < inds.size(); i++) head[3 + i] = inds.get(i).id() + "\n" + inds.get(i).name();
        head[head.length - 1] = "不达标指标数";
        s.header(head);
        s.sheet().getRow(0).setHeightInPoints(64);
        for (String region : view.regions()) {
            Object[] row = new Object[head.length];
            row[0] = region;
            row[1] = view.regionName(region);
            row[2] = view.regionLevel(region);
            int failed = 0;
            for (int i = 0; i < inds.size(); i++) {
                Verdict v = view.cell(region, inds.get(i).id());
                row[3 + i] = v == null ? null : cellText(v);
                if (v != null && v.isFail()) failed++;
            }
            row[row.length - 1] = failed;
            s.row(row);
        }
        int last = Math.max(1, s.rowIndex() - 1);
        s.filter(0, head.length).freeze(3, 1).fitColumns(8);
        for (int i = 0; i < inds.size(); i++) s.width(3 + i, 18);
        if (!inds.isEmpty()) colour(s, new CellRangeAddress(1, last, 3, 2 + inds.size()));
    }

    /** The matrix cell: the status label first (conditional formatting keys on it), then the observed value. */
    static String cellText(Verdict v) {
        String observed = v.getObservedText();
        return observed == null || observed.isEmpty() ? v.getStatus().label() : v.getStatus().label() + " " + observed;
    }

    /** One rule per status, matching the label the cell starts with; Excel colours it, so sorting keeps colours right. */
    private static void colour(XlsxSheet s, CellRangeAddress range) {
        SheetConditionalFormatting cf = s.sheet().getSheetConditionalFormatting();
        String first = new CellReference(range.getFirstRow(), range.getFirstColumn(), false, false).formatAsString();
        for (Status st : Status.values()) {
            String label = st.label();
            ConditionalFormattingRule rule = cf.createConditionalFormattingRule(
                    "LEFT(" + first + "," + label.length() + ")=\"" + label + "\"");
            PatternFormatting fill = rule.createPatternFormatting();
            fill.setFillBackgroundColor(colour(st));
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
            cf.addConditionalFormatting(new CellRangeAddress[]{range}, rule);
        }
    }

    private static short colour(Status s) {
        return switch (s) {
            case FAIL -> IndexedColors.ROSE.getIndex();
            case WAIVED -> IndexedColors.LAVENDER.getIndex();
            case WARN -> IndexedColors.LIGHT_ORANGE.getIndex();
            case INSUFFICIENT_DATA -> IndexedColors.LIGHT_YELLOW.getIndex();
            case PASS -> IndexedColors.LIGHT_GREEN.getIndex();
            case NOT_APPLICABLE -> IndexedColors.GREY_25_PERCENT.getIndex();
        };
    }

    private static void indicator(ReportView view, Indicator ind, XlsxSheet s) {
        s.header("层级", "代码", "名称", "所属地区", "观测值", "观测值（含单位）", "标准", "差距与说明", "计算", "数据来源（单元格）", "未达标的下级");
        for (Verdict v : view.failures(ind.id())) {
            s.row(v.getLevel(), v.getEntityCode(), v.getEntityName(), view.responsibleRegion(v), v.getObserved(),
                    v.getObservedText(), v.getBound(), v.getMessage(), v.getFormula(), String.join("；", ReportView.sources(v)),
                    children(v));
        }
        // the filter covers the data rows only, not the indicator notes below them
        s.filter(0, 11).freeze(3, 1);
        s.blank().row("指标", ind.id() + " " + ind.name()).row("标准", ind.bound()).row("依据", ind.source());
        s.fitColumns(6);
    }

    private static String children(Verdict v) {
        StringBuilder b = new StringBuilder();
        for (ChildFinding c : v.getChildren()) {
            if (b.length() > 0) b.append('；');
            b.append(c.entityName()).append("（").append(c.status().label()).append("）：").append(c.message());
        }
        return b.toString();
    }

    private static void rectification(ReportView view, XlsxSheet s) {
        s.header("序号", "责任地区", "层级", "代码", "名称", "指标", "指标名称", "发现的问题", "整改要求", "依据条款", "数据来源（单元格）");
        int n = 0;
        for (Verdict v : view.verdicts()) {
            if (!v.isFail()) continue;
            s.row(++n, view.responsibleRegion(v), v.getLevel(), v.getEntityCode(), v.getEntityName(), v.getIndicator(),
                    v.getName(), v.getMessage(), requirement(v), v.getSource(), String.join("；", ReportView.sources(v)));
        }
        s.filter(0, 11).freeze(0, 1).fitColumns(6);
    }

    /** What the plan requires, as the rectification list states it. */
    static String requirement(Verdict v) {
        return v.getBound() == null ? v.getName() : v.getName() + "（" + v.getBound() + "）";
    }

    private static void reconciliation(Report r, XlsxSheet s) {
        s.header("文件", "工作表", "识别为", "读取行数", "采用", "跳过（合计/注释）", "拒绝", "空行", "核对");
        for (SheetTally t : r.data().sheets()) {
            s.row(t.getFile(), t.getSheet(), t.getKind(), t.getRead(), t.getAccepted(), t.getSkipped(), t.getRejected(),
                    t.getBlank(), t.balances() ? "平衡" : "不平衡");
        }
        s.blank();
        int header = s.rowIndex();
        s.header("级别", "文件", "工作表", "单元格", "问题");
        for (LoadProblem p : r.data().problems()) s.row(p.severity().label(), p.file(), p.sheet(), p.cell(), p.message());
        for (String p : r.runProblems()) s.row("运行问题", null, null, null, p);
        s.filter(header, 5).freeze(0, 1).fitColumns(6);
    }

    /** {@code FUND-01 一般公共预算…}: a legal, unique sheet name of at most 31 characters. */
    static String sheetName(Indicator i, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(i.id() + " " + i.name(), '_');
        if (base.length() > 31) base = base.substring(0, 31);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private static String join(Iterable<Integer> years) {
        StringBuilder b = new StringBuilder();
        for (int y : years) b.append(b.length() == 0 ? "" : "、").append(y);
        return b.toString();
    }
}
