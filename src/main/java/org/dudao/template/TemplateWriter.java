package org.dudao.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.ast.ConsequenceCalls;
import org.dudao.ast.Rule;
import org.dudao.ast.RuleFile;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.load.MetricDictionary;
import org.dudao.load.MetricType;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The input workbook a county fills in, derived from the rules ({@code dudao template}, and the
 * console's download): the metric columns the rules of each level read (region rules → 地区表, school
 * rules → 学校表; the class sheet has its fixed columns), each header {@code 名称(单位)} with the
 * dictionary's definition as a comment, data validation, one example row (first cell 示例, skipped
 * when read) and a 说明 sheet.
 */
public final class TemplateWriter {
    /** The levels a template may be limited to: county (地区表), school (学校表), class (班级表 and 班额分段表). */
    public static final List<String> LEVELS = List.of("county", "school", "class");

    /** A sheet of the template: its name, the key columns, and the metric columns. */
    public record SheetSpec(String name, List<String> keys, List<MetricDictionary.Def> metrics, List<String> example,
                     Map<String, Set<String>> usedBy) {}

    static final int EXAMPLE_YEAR = 2024;
    /** The class-size bands of the education statistics forms. */
    static final List<String> BANDS = List.of("25人及以下", "26-30人", "31-35人", "36-40人", "41-45人", "46-50人", "51-55人", "56-60人",
            "61-65人", "66人及以上");
    /** The 学段 a school is entered with, as the statistics forms name them; the parts of a school may share its code. */
    static final String[] STAGES = {"小学", "教学点", "初中", "九年一贯制", "九年一贯制小学部", "九年一贯制初中部", "十二年一贯制",
            "十二年一贯制小学部", "十二年一贯制初中部", "十二年一贯制高中部", "完全中学", "完全中学初中部", "完全中学高中部", "高级中学",
            "幼儿园", "特殊教育学校", "中等职业学校", "技工学校", "普通高等学校"};
    static final int ROWS = 1000;

    private TemplateWriter() {}

    /** The template of a level (null: all three) written to {@code out}, hints dropped: what {@code dudao serve} offers for download. */
    public static void write(RuleBase rb, String level, OutputStream out) throws IOException, RuleCompileException {
        write(rb, sheets(rb, level, hint -> { }), out);
    }

    /** The workbook of the sheets given (from {@link #sheets}), written to {@code out}. */
    public static void write(RuleBase rb, List<SheetSpec> sheets, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = build(sheets, rb.dictionary(), categories(rb))) {
            wb.write(out);
        }
    }

    /**
     * The sheets for a level (null: all three), with the metrics the rules read at that level; a metric
     * the dictionary lacks is left out and said to {@code hints} (in Chinese).
     */
    public static List<SheetSpec> sheets(RuleBase rb, String level, Consumer<String> hints) throws RuleCompileException {
        Map<String, Map<String, Set<String>>> bySheet = new LinkedHashMap<>();
        bySheet.put("地区表", new LinkedHashMap<>());
        bySheet.put("学校表", new LinkedHashMap<>());
        Map<String, String> levelOfId = new LinkedHashMap<>();
        // the folder's one parse of its rule files (the sandbox's, or this run's first)
        for (RuleFile file : rb.folder().parsed().values()) {
            for (Rule b : file.rules()) {
                String id = b.meta("id");
                if (id == null) continue;
                String own = b.meta("level") != null ? b.meta("level") : levelOfId.get(id);
                levelOfId.putIfAbsent(id, own);
                for (ConsequenceCalls.MetricUse u : ConsequenceCalls.of(file, b).metrics()) {
                    List<String> levels = u.level() != null ? List.of(u.level()) : own == null ? List.of() : List.of(own.split("[,，、\\s]+"));
                    for (String l : levels) {
                        String sheet = switch (l.strip()) {
                            case "全国", "省", "市", "县" -> "地区表";
                            case "学校" -> "学校表";
                            default -> null; // 班级: the class sheet has fixed columns
                        };
                        if (sheet != null) bySheet.get(sheet).computeIfAbsent(u.metric(), k -> new LinkedHashSet<>()).add(id);
                    }
                }
            }
        }
        List<SheetSpec> out = new ArrayList<>();
        MetricDictionary dict = rb.dictionary();
        if (level == null || level.equals("county")) {
            out.add(spec("地区表", List.of("地区代码", "地区名称", "上级代码", "层级", "年度"), bySheet.get("地区表"), dict, hints,
                    List.of("示例", "某某县", "330100", "县", String.valueOf(EXAMPLE_YEAR))));
        }
        if (level == null || level.equals("school")) {
            out.add(spec("学校表", List.of("学校代码", "学校名称", "地区代码", "学段", "年度"), bySheet.get("学校表"), dict, hints,
                    List.of("示例", "某某县第一小学", "330102", "小学", String.valueOf(EXAMPLE_YEAR))));
        }
        if (level == null || level.equals("class")) {
            out.add(new SheetSpec("班级表", List.of("学校代码", "年级", "班级", "年度", "学生数(人)"), List.of(),
                    List.of("示例", "一年级", "1班", String.valueOf(EXAMPLE_YEAR), "45"), Map.of()));
            List<String> keys = new ArrayList<>(List.of("学校代码", "学段", "年度"));
            List<String> example = new ArrayList<>(List.of("示例", "小学", String.valueOf(EXAMPLE_YEAR)));
            for (String band : BANDS) {
                keys.add(band + "(个)");
                example.add("0");
            }
            out.add(new SheetSpec("班额分段表", keys, List.of(), example, Map.of()));
        }
        return out;
    }

    private static SheetSpec spec(String name, List<String> keys, Map<String, Set<String>> used, MetricDictionary dict, Consumer<String> hints,
                                  List<String> example) {
        List<MetricDictionary.Def> metrics = new ArrayList<>();
        // In the dictionary's order, which groups related metrics (经费, 教师, 学前, ...).
        for (MetricDictionary.Def d : dict.all()) if (used.containsKey(d.name())) metrics.add(d);
        for (String m : used.keySet()) {
            if (dict.get(m).isEmpty()) hints.accept("提示：规则用到的指标“" + m + "”不在指标字典中，模板未列出（请运行 dudao rules check）");
        }
        return new SheetSpec(name, keys, metrics, example, used);
    }

    /** Categories of text metrics: those the rules name in oneOf(...), and a list written in the dictionary's 说明 (引领型/规范型/…). */
    static Map<String, List<String>> categories(RuleBase rb) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MetricDictionary.Def d : rb.dictionary().all()) {
            if (d.type() == MetricType.TEXT && d.description() != null && d.description().matches("[^/，,。\\s]+(/[^/，,。\\s]+)+")) {
                out.put(d.name(), new ArrayList<>(List.of(d.description().split("/"))));
            }
        }
        for (RuleFile file : rb.folder().parsed().values()) {
            for (Rule b : file.rules()) {
                ConsequenceCalls.of(file, b).categories().forEach((m, vs) -> {
                    List<String> l = out.computeIfAbsent(m, k -> new ArrayList<>());
                    for (String v : vs) if (!l.contains(v)) l.add(v);
                });
            }
        }
        return out;
    }

    static XSSFWorkbook build(List<SheetSpec> sheets, MetricDictionary dict, Map<String, List<String>> categories) {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFCellStyle head = wb.createCellStyle();
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        head.setWrapText(true);
        instructions(wb, sheets, head);
        for (SheetSpec s : sheets) {
            Sheet sh = wb.createSheet(s.name());
            Row header = sh.createRow(0);
            Row example = sh.createRow(1);
            Drawing<?> drawing = sh.createDrawingPatriarch();
            DataValidationHelper dv = sh.getDataValidationHelper();
            int col = 0;
            for (String k : s.keys()) {
                var c = header.createCell(col);
                c.setCellValue(k);
                c.setCellStyle(head);
                String ex = s.example().get(col);
                if (k.equals("年度") || k.startsWith("学生数") || k.endsWith("(个)")) example.createCell(col).setCellValue(Double.parseDouble(ex));
                else example.createCell(col).setCellValue(ex);
                if (k.equals("年度")) validate(sh, dv, col, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "2000", "2100"),
                        "年度", "请填写 2000–2100 之间的整数年份，如 2024", true);
                if (k.startsWith("学生数")) validate(sh, dv, col, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                        "学生数", "请填写不小于 0 的整数", true);
                if (k.endsWith("(个)")) validate(sh, dv, col, dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                        k, "该班额段的班级数：不小于 0 的整数；没有这一段的班级填 0，不知道的留空", true);
                if (k.equals("层级")) validate(sh, dv, col, dv.createExplicitListConstraint(new String[]{"省", "市", "县"}), "层级", "省、市或县", true);
                if (k.equals("学段")) validate(sh, dv, col, dv.createExplicitListConstraint(STAGES), "学段",
                        "一贯制学校、完全中学请按学部分行填报（如九年一贯制小学部、九年一贯制初中部），可共用一个学校代码", false);
                if (k.equals("年级")) validate(sh, dv, col, dv.createExplicitListConstraint(new String[]{"一年级", "二年级", "三年级", "四年级", "五年级",
                        "六年级", "七年级", "八年级", "九年级", "高一", "高二", "高三", "小班", "中班", "大班"}), "年级",
                        "一年级至九年级、高一至高三、小班/中班/大班；完全中学、十二年一贯制学校的班级须填年级，才能判断是否义务教育班级", false);
                comment(wb, drawing, header.getCell(col), keyNote(k));
                sh.setColumnWidth(col, 14 * 256);
                col++;
            }
            for (MetricDictionary.Def d : s.metrics()) {
                var c = header.createCell(col);
                c.setCellValue(d.unit() == null || d.unit().isBlank() ? d.name() : d.name() + "(" + d.unit() + ")");
                c.setCellStyle(head);
                String used = String.join("、", s.usedBy().getOrDefault(d.name(), Set.of()));
                String type = d.type() == MetricType.YES_NO ? "填“是”或“否”" : d.type() == MetricType.TEXT ? "填类别" : "填数值" + (d.unit() == null ? "" : "，单位：" + d.unit());
                comment(wb, drawing, c, (d.description() == null || d.description().isBlank() ? d.name() : d.description()) + "。" + type
                        + "。不知道或没有统计的请留空（留空按缺数据处理，不按 0 计）。用于指标：" + used);
                switch (d.type()) {
                    case NUMBER -> {
                        if ("%".equals(d.unit())) {
                            // the plausible range of validity.csv: a gross enrolment rate may exceed 100%
                            var range = dict.validity().rangeOf(d.name(), d.unit());
                            String lo = range.map(r -> r.min()).map(BigDecimal::toPlainString).orElse("0");
                            String hi = range.map(r -> r.max()).map(BigDecimal::toPlainString).orElse(null);
                            validate(sh, dv, col, hi == null ? dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, lo, null)
                                            : dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, lo, hi),
                                    d.name(), "请填写 " + lo + "–" + (hi == null ? "" : hi) + " 之间的百分数（填 95 表示 95%，不要填 0.95）", true);
                        } else {
                            validate(sh, dv, col, dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                                    d.name(), "请填写不小于 0 的数" + (d.unit() == null ? "" : "（单位：" + d.unit() + "）"), true);
                        }
                        example.createCell(col).setCellValue(exampleNumber(d, dict));
                    }
                    case YES_NO -> {
                        validate(sh, dv, col, dv.createExplicitListConstraint(new String[]{"是", "否"}), d.name(), "请选择“是”或“否”", true);
                        example.createCell(col).setCellValue("是");
                    }
                    case TEXT -> {
                        List<String> cats = categories.getOrDefault(d.name(), List.of());
                        if (!cats.isEmpty()) {
                            validate(sh, dv, col, dv.createExplicitListConstraint(cats.toArray(new String[0])), d.name(), "请选择：" + String.join("、", cats), true);
                            example.createCell(col).setCellValue(cats.get(0));
                        }
                    }
                }
                sh.setColumnWidth(col, Math.min(40, Math.max(12, c.getStringCellValue().length() * 2 + 2)) * 256);
                col++;
            }
            sh.createFreezePane(0, 1);
        }
        return wb;
    }

    private static String keyNote(String key) {
        return switch (key) {
            case "地区代码" -> "本地区的行政区划代码（6 位）。第 2 行“示例”为示例，读入时跳过，可删除。";
            case "上级代码" -> "上级地区（市、省）的地区代码。";
            case "层级" -> "省、市或县（区、旗同县）。";
            case "学校代码" -> "学校标识码。在班级表中为班级所属学校的代码。";
            case "地区代码 " -> "";
            case "学段" -> "小学、初中、幼儿园、高级中学、中等职业学校、特殊教育学校等（可从下拉列表选择）。九年一贯制、十二年一贯制学校和完全中学请按学部分行填报：学段填“九年一贯制小学部”“九年一贯制初中部”等，各学部可共用一个学校代码。班额分段表中为该行班级的学段（可留空，按学校的学段）。";
            case "年级" -> "班级的年级：一年级至九年级、高一至高三、小班/中班/大班。完全中学、十二年一贯制学校的班级须填，才能判断是否为义务教育班级；按学部填报的学校据此把班级归入学部。";
            case "年度" -> "统计年度，整数，如 2024。每年一行（或每年一个工作簿）。";
            case "学生数(人)" -> "本班在校学生数（班额）。";
            default -> key.endsWith("(个)") ? "班额在“" + key.replace("(个)", "") + "”的班级数。没有这一段的班级填 0；不知道的留空（留空按缺数据处理）。"
                    : key + "。";
        };
    }

    /** An example value for a metric: a typical one for its unit, within the metric's plausible range. */
    private static double exampleNumber(MetricDictionary.Def d, MetricDictionary dict) {
        double typical = exampleNumber(d.unit());
        var range = dict.validity().rangeOf(d.name(), d.unit());
        if (range.isEmpty() || range.get().max() == null || typical <= range.get().max().doubleValue()) return typical;
        double lo = range.get().min() == null ? 0 : range.get().min().doubleValue();
        return (lo + range.get().max().doubleValue()) / 2;
    }

    private static double exampleNumber(String unit) {
        if (unit == null) return 10;
        return switch (unit) {
            case "%" -> 95;
            case "元" -> 12000;
            case "万元" -> 50000;
            case "亿元" -> 5;
            case "人" -> 3000;
            case "平方米" -> 20000;
            default -> 10;
        };
    }

    private static void validate(Sheet sh, DataValidationHelper dv, int col, DataValidationConstraint c, String title, String text, boolean strict) {
        DataValidation v = dv.createValidation(c, new CellRangeAddressList(1, ROWS, col, col));
        v.setShowErrorBox(strict);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(title, text);
        v.setShowPromptBox(true);
        v.createPromptBox(title, text);
        v.setEmptyCellAllowed(true);
        sh.addValidationData(v);
    }

    private static void comment(XSSFWorkbook wb, Drawing<?> drawing, Cell cell, String text) {
        ClientAnchor a = wb.getCreationHelper().createClientAnchor();
        a.setCol1(cell.getColumnIndex());
        a.setCol2(cell.getColumnIndex() + 4);
        a.setRow1(0);
        a.setRow2(5);
        Comment c = drawing.createCellComment(a);
        c.setString(wb.getCreationHelper().createRichTextString(text));
        c.setAuthor("dudao");
        cell.setCellComment(c);
    }

    private static void instructions(XSSFWorkbook wb, List<SheetSpec> sheets, XSSFCellStyle head) {
        Sheet sh = wb.createSheet("填报说明");
        List<String> lines = new ArrayList<>(List.of(
                "填报说明（由 dudao template 按规则目录生成）",
                "",
                "一、填什么",
                "  · 每个表第 1 行是列名，请不要改动；列名括号中是单位，请按该单位填写（如“万元”列填 1200 表示 1200 万元）。",
                "  · 第 2 行是示例（第一格为“示例”），读入时自动跳过；从第 3 行起每个单位、每个年度填一行，也可覆盖示例行。",
                "  · 鼠标停在列名上可看到该指标的定义、填法和用于哪些督导指标。",
                "  · 是否类指标从下拉列表选“是”或“否”；类别类指标从下拉列表选择；数值不能为负数。",
                "  · 年度填整数年份（如 2024）。需要比较上年的指标（只增不减、增长率等）请同时填报上一年度的数据（另起一行或另一个工作簿）。",
                "",
                "二、空白不是 0",
                "  · 不知道或没有统计的数请留空：留空按“缺数据”处理，相关指标的结论为“数据不足”，并指出缺的是哪一格；",
                "    真实数值为 0 时才填 0。请不要填“无”“—”等文字。",
                "",
                "三、各表"));
        for (SheetSpec s : sheets) {
            lines.add("  · " + s.name() + "：" + String.join("、", s.keys()) + (s.metrics().isEmpty() ? "" : "，以及 " + s.metrics().size() + " 个指标列"));
        }
        lines.addAll(List.of(
                "  · 地区表：层级填省、市或县；上级代码填上级地区的代码。",
                "  · 学校表：地区代码填学校所属县（区）的代码；九年一贯制、十二年一贯制学校和完全中学请按学部分行填报",
                "    （学段填“九年一贯制小学部”“九年一贯制初中部”“完全中学高中部”等，可共用一个学校代码）。",
                "  · 班级表：学校代码填班级所属学校的代码，年级填一年级至九年级、高一至高三等，学生数为该班在校学生数。",
                "  · 班额分段表：不逐班填报时，按统计报表填每所学校各班额段的班级数（25人及以下……66人及以上），与班级表二选一；",
                "    两者都填时须一致，不一致时两者都不采用。完全中学等跨学段的学校请按学段分行（学段列填初中、高中）。",
                "    县级汇总的分段数也可填在地区表式的表中（地区代码、年度、学段和各班额段列）。",
                "",
                "四、检查",
                "  · 填好后可运行 dudao evaluate 本文件，控制台会列出读入的行数和每个有问题的单元格。"));
        for (int i = 0; i < lines.size(); i++) {
            var c = sh.createRow(i).createCell(0);
            c.setCellValue(lines.get(i));
            if (i == 0) c.setCellStyle(head);
        }
        sh.setColumnWidth(0, 120 * 256);
    }
}
