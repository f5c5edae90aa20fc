package org.dudao.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.engine.SourceDocuments;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code report.xlsx}: 总览, 矩阵 (regions × indicators coloured by conditional formatting),
 * one sheet per indicator that failed anywhere, 整改清单, 补报清单, 参数及其取值, 数据核对 and 依据文件.
 * Streamed with SXSSF, so only a window of rows is in memory however large the run, and in one pass
 * over the verdicts: the failure sheets and 补报清单 ({@link FailureSheets}) fill as the pass gathers
 * the {@link ReportView} that 总览 and 矩阵 are written from after it.
 */
public final class XlsxReport {
    /** Rows SXSSF keeps in memory per sheet before flushing them to its temporary file. */
    private static final int WINDOW = 200;
    /** Rows a sheet can hold. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private XlsxReport() {}

    public static void write(Report report, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(report, out, MAX_ROWS));
    }

    public static void write(Report report, OutputStream out) throws IOException {
        write(report, out, MAX_ROWS);
    }

    /** With sheets of at most {@code maxRows} rows: Excel's limit, or a small one in a test. */
    static void write(Report report, OutputStream out, int maxRows) throws IOException {
        SXSSFWorkbook wb = new StreamedWorkbook(WINDOW);
        try {
            XlsxStyles styles = new XlsxStyles(wb);
            // every sheet is created first, in its final place, so that the one pass can write to several
            XlsxSheet overview = new XlsxSheet(wb.createSheet("总览"), styles);
            XlsxSheet matrix = new XlsxSheet(wb.createSheet("矩阵"), styles);
            Set<String> names = new HashSet<>(Set.of("总览", "矩阵", "整改清单", "补报清单", "参数及其取值", "数据核对", "依据文件"));
            Wording words = new Wording(report);
            FailureSheets failures = new FailureSheets(report, words, wb, styles, names, maxRows);
            XlsxSheet parameters = new XlsxSheet(wb.createSheet("参数及其取值"), styles);
            XlsxSheet reconciliation = new XlsxSheet(wb.createSheet("数据核对"), styles);
            XlsxSheet documents = new XlsxSheet(wb.createSheet("依据文件"), styles);
            ReportView view = new ReportView(report, failures);
            failures.finish();
            overview(view, overview);
            matrix(view, matrix);
            parameters(words, parameters);
            reconciliation(report, reconciliation);
            documents(words, documents);
            wb.write(out);
        } finally {
            wb.close(); // also deletes SXSSF's temporary files
        }
    }

    /**
     * A workbook of one small sheet written the way the report writes its sheets (styles, a header,
     * text and numbers, a frozen pane, a filter, widths, the matrix's conditional formatting): what
     * {@link XlsxWarmUp} writes to load POI's and XMLBeans' classes before the report needs them.
     */
    static void sample(OutputStream out) throws IOException {
        SXSSFWorkbook wb = new StreamedWorkbook(WINDOW);
        try {
            XlsxSheet s = new XlsxSheet(wb.createSheet("预热"), new XlsxStyles(wb));
            s.header("项目", "值", "金额");
            s.row("=文本", 1, new XlsxSheet.Num(new BigDecimal("1.50"), "万元"));
            s.filter(0, 3).freeze(1, 1).fitColumns(8);
            s.width(2, 12);
            colour(s, new CellRangeAddress(1, 1, 1, 2));
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    private static void overview(ReportView view, XlsxSheet s) {
        Report r = view.report();
        RunInfo run = r.run();
        s.header("项目", "内容");
        s.row("报告", Shown.name(DocxReport.scopeName(view)) + run.year() + "年教育督导评估报告");
        s.row("工具", run.tool() + " " + run.version());
        s.row("运行时间", run.time());
        s.row("评估年度", run.year());
        s.row("数据中的年度", join(run.yearsPresent()));
        s.row("收到工作簿", r.workbooksReceived());
        s.row("规则目录", Shown.text(run.rulesDir()));
        s.row("规则 SHA-256", run.rulesSha256());
        s.row("指标数", run.indicators());
        for (String p : r.otherRunProblems()) s.row("运行问题", Shown.text(p));
        s.blank().header("工作簿", "SHA-256", "字节数", "路径", "状态");
        for (Report.Received f : r.received()) {
            s.row(Shown.fileName(f.path()), f.sha256(), f.bytes(), Shown.text(f.path()),
                    f.unreadable() == null ? "已读取" : "无法读取：" + Shown.text(f.unreadable()));
        }
        s.blank().header("结论", "条数");
        Map<Status, Integer> counts = view.counts();
        for (Status st : Status.values()) s.row(st.label(), counts.get(st));
        s.row("合计", view.total());
        s.blank();
        int header = s.rowIndex();
        s.header("地区代码", "地区", "层级", "不达标（条）", "预警（条）", "数据不足（条）", "达标（条）", "不适用（条）");
        for (String region : view.regions()) {
            Map<Status, Integer> c = view.countsOfRegion(region);
            s.row(region, Shown.name(view.regionName(region)), view.regionLevel(region), c.get(Status.FAIL), c.get(Status.WARN),
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
        head[head.length - 1] = "不达标指标数（项）";
        s.header(head);
        s.sheet().getRow(0).setHeightInPoints(64);
        for (String region : view.regions()) {
            Object[] row = new Object[head.length];
            row[0] = region;
            row[1] = Shown.name(view.regionName(region));
            row[2] = view.regionLevel(region);
            int failed = 0;
            for (int i = 0; i < inds.size(); i++) {
                ReportView.Cell c = view.cell(region, inds.get(i).id());
                row[3 + i] = c == null ? null : cellText(c);
                if (c != null && c.isFail()) failed++;
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
    static String cellText(ReportView.Cell c) {
        String observed = c.observedText();
        return observed == null || observed.isEmpty() ? c.status().label() : c.status().label() + " " + observed;
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

    private static void parameters(Wording words, XlsxSheet s) {
        s.header("参数", "使用该参数的指标", "取值", "单位", "来源");
        for (Parameters.Row r : words.parameters.rows()) {
            s.row(Shown.name(r.name()), String.join("、", r.indicators()), r.value() == null ? r.shown() : new XlsxSheet.Num(r.value(), r.unit()),
                    r.unit(), r.source());
        }
        if (words.parameters.rows().isEmpty()) s.row("本次评估的指标标准未使用参数。");
        s.freeze(0, 1).fitColumns(8);
    }

    private static void documents(Wording words, XlsxSheet s) {
        s.header("文件名称", "发文机关", "文号", "年份");
        for (SourceDocuments.Document d : words.cited()) s.row(d.title(), d.issuer(), d.number(), d.year());
        s.freeze(0, 1).fitColumns(8);
    }

    private static void reconciliation(Report r, XlsxSheet s) {
        s.header("工作簿", "工作表", "识别为", "读取（行）", "采用（行）", "跳过（合计/注释，行）", "拒绝（行）", "空行（行）", "核对");
        for (SheetTally t : r.data().sheets()) {
            s.row(Shown.fileName(t.getFile()), Shown.name(t.getSheet()), t.getKind(), t.getRead(), t.getAccepted(), t.getSkipped(),
                    t.getRejected(), t.getBlank(), t.balances() ? "平衡" : "不平衡");
        }
        s.blank();
        int header = s.rowIndex();
        s.header("级别", "工作簿", "工作表", "单元格", "问题");
        for (LoadProblem p : r.data().problems()) {
            s.row(p.severity().label(), Shown.fileName(p.file()), Shown.name(p.sheet()), p.cell(), Shown.text(p.message()));
        }
        for (String p : r.otherRunProblems()) s.row("运行问题", null, null, null, Shown.text(p));
        s.filter(header, 5).freeze(0, 1).fitColumns(6);
    }

    /**
     * {@code FUND-01 一般公共预算教育支出只增不减}: a legal, unique sheet name of at most 31 characters,
     * the indicator's id and as much of its name as is meaningful: cut where the standard begins
     * ({@code CLASS-04 大班额占班级数的比例}, never {@code …比例不超过5}), without a parenthesis, and
     * otherwise short of the limit with "…", never inside a number.
     */
    static String sheetName(Indicator i, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(fullWidth(i.id() + " " + shortName(i.name(), 31 - i.id().length() - 1)), '_');
        if (base.length() > 31) base = base.substring(0, 31);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** The characters Excel refuses in a sheet name, written full width as Chinese text writes them (1：15, not 1_15). */
    private static String fullWidth(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) b.append(":/\\?*[]".indexOf(c) >= 0 ? (char) (c + 0xFEE0) : c);
        return b.toString();
    }

    /** An indicator's name in at most {@code room} characters, cut where it stays meaningful. */
    static String shortName(String name, int room) {
        String s = name == null ? "" : Shown.clean(name).strip();
        if (s.length() <= room) return s;
        String plain = s.replaceAll("（[^（）]*）", "");
        if (plain.length() <= room) return plain;
        String quantity = Requirements.quantity(plain);
        if (quantity.length() <= room) return quantity;
        int cut = Math.max(1, room - 1);
        while (cut > 1 && numeric(quantity.charAt(cut - 1)) && numeric(quantity.charAt(cut))) cut--;
        return quantity.substring(0, cut) + "…";
    }

    private static boolean numeric(char c) {
        return Character.isDigit(c) || c == '.' || c == '%';
    }

    private static String join(Iterable<Integer> years) {
        StringBuilder b = new StringBuilder();
        for (int y : years) b.append(b.length() == 0 ? "" : "、").append(y);
        return b.toString();
    }
}
