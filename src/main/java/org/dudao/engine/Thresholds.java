package org.dudao.engine;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.dudao.load.ZipLimits;
import org.dudao.model.Indicator;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds table {@code rules/thresholds.xlsx}: bounds an analyst keeps in Excel instead of in
 * the rules' {@code @bound}. Every sheet with the columns 指标, 学段/层级 and 界值 is read; a row sets
 * the bound of an indicator (学段/层级 blank) or of one part of its compound bound (学段/层级 = 小学,
 * 初中, 省, 市 …, a label the rule's {@code @bound} already has). 界值 is written like a bound
 * ({@code >= 4.2}, {@code <= {BAL-CV小学|0.50}}) or as a bare number, which keeps the comparison and
 * unit of the bound it replaces. The table wins over {@code @bound}; the verdict's bound names the
 * table's sheet and cell. Every mistake is a {@link RuleMessage} at its cell, never a rule line.
 */
final class Thresholds {
    static final String FILE_NAME = "thresholds.xlsx";
    private static final int HEADER_SCAN_ROWS = 10;

    /** One row of the table as read: the rule cache keeps these as {@link #fields()}, so a warm run does not open the workbook. */
    record Entry(String sheet, int row, String id, String label, String value, String idRef, String labelRef, String valueRef) {
        static final int FIELDS = 8;

        String[] fields() {
            return new String[]{sheet, Integer.toString(row), id, label, value, idRef, labelRef, valueRef};
        }

        static Entry of(String[] f) {
            return new Entry(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7]);
        }
    }

    private Thresholds() {}

    /** The rows of the table in {@code dir}, or null when there is none; a row or file that cannot be read is added to {@code errors}. */
    static List<Entry> read(Path dir, List<RuleMessage> errors) {
        Path file = dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file, file.toString(), errors) : null;
    }

    /**
     * Applies the table's rows ({@link #read}; null: no table) to the rules' metadata and the catalogue
     * (both changed in place); returns the mistakes found, and then changes nothing.
     */
    static List<RuleMessage> apply(Path dir, List<Entry> entries, Map<String, RuleMeta> metas, List<Indicator> catalogue) {
        if (entries == null) return List.of();
        String shown = dir.resolve(FILE_NAME).toString();
        List<RuleMessage> errors = new ArrayList<>();

        Map<String, Bound> ruleBounds = new LinkedHashMap<>();
        for (RuleMeta m : metas.values()) ruleBounds.putIfAbsent(m.indicator().id(), m.bound());
        Map<String, Bound> set = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>(); // "id|label" -> cell of the row that set it
        for (Entry e : entries) {
            Bound current = set.getOrDefault(e.id(), ruleBounds.get(e.id()));
            if (current == null) {
                errors.add(RuleMessage.atCell(shown, e.idRef(), "未知指标“" + e.id() + "”：规则中没有这个编号（可用 dudao rules list 查看）"));
                continue;
            }
            String what = e.label().isEmpty() ? "指标 " + e.id() + " 的界值" : "指标 " + e.id() + "“" + e.label() + "”的界值";
            String earlier = where.get(e.id() + "|" + e.label());
            if (earlier == null) earlier = e.label().isEmpty() ? anyPart(where, e.id()) : where.get(e.id() + "|");
            if (earlier != null) {
                errors.add(RuleMessage.atCell(shown, e.idRef(), "重复：" + what + "与 " + earlier + " 重复或冲突，请只保留一行"));
                continue;
            }
            if (e.value().isEmpty()) {
                errors.add(RuleMessage.atCell(shown, e.valueRef(), what + "为空"));
                continue;
            }
            Bound replaced;
            if (e.label().isEmpty()) {
                replaced = current;
            } else if (!current.isCompound()) {
                errors.add(RuleMessage.atCell(shown, e.labelRef(), "未知学段或层级“" + e.label() + "”：指标 " + e.id() + " 的界值（"
                        + current.text() + "）不分学段或层级，此列应留空"));
                continue;
            } else {
                replaced = current.part(e.label());
                if (replaced == null) {
                    errors.add(RuleMessage.atCell(shown, e.labelRef(), "未知学段或层级“" + e.label() + "”：指标 " + e.id() + " 的界值分项为 "
                            + String.join("、", current.labels())));
                    continue;
                }
            }
            Bound b;
            try {
                b = parse(e.value(), replaced).withOrigin(FILE_NAME + "!" + e.valueRef());
            } catch (IllegalArgumentException x) {
                errors.add(RuleMessage.atCell(shown, e.valueRef(), "界值“" + e.value() + "”无法识别：" + x.getMessage()));
                continue;
            }
            set.put(e.id(), e.label().isEmpty() ? b : current.withPart(e.label(), b));
            where.put(e.id() + "|" + e.label(), e.idRef());
        }
        if (!errors.isEmpty()) return errors;

        for (Map.Entry<String, RuleMeta> m : metas.entrySet()) {
            Bound b = set.get(m.getValue().indicator().id());
            if (b != null) m.setValue(new RuleMeta(described(m.getValue().indicator(), b), b, m.getValue().warnMargin()));
        }
        catalogue.replaceAll(i -> set.containsKey(i.id()) ? described(i, set.get(i.id())) : i);
        return List.of();
    }

    private static String anyPart(Map<String, String> where, String id) {
        for (Map.Entry<String, String> w : where.entrySet()) if (w.getKey().startsWith(id + "|")) return w.getValue();
        return null;
    }

    /** The catalogue entry with the bound in effect, marked as (partly) set in the table. */
    private static Indicator described(Indicator i, Bound b) {
        return i.withBound(b.text() + "（界值表 " + FILE_NAME + "）");
    }

    /**
     * A bound as written in the table; a bare number keeps the comparison and unit of {@code replaced}
     * (4.2 for 小学 of {@code 小学 >= 4.2} is {@code >= 4.2}).
     */
    static Bound parse(String value, Bound replaced) {
        String v = value.strip();
        if (v.matches("[-+]?\\d+(\\.\\d+)?%?")) {
            if (replaced.isCompound()) {
                throw new IllegalArgumentException("该指标的界值分项为 " + String.join("、", replaced.labels())
                        + "，请在“学段/层级”列写明分项，或写出完整界值如“" + replaced.text() + "”");
            }
            if (replaced.number() == null && replaced.param() == null) {
                throw new IllegalArgumentException("原界值为“" + replaced.text() + "”，不是数值，请写出比较符，如“>= 4.2”");
            }
            String n = v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
            return Bound.parse(replaced.op().symbol() + " " + n + unitAfter(replaced.unit()));
        }
        Bound b = Bound.parse(v);
        // a whole bound written without a unit (>= 4.31 for 小学 >= 4.2 人) keeps the unit of the bound it replaces, as a bare number does
        boolean numeric = b.number() != null || b.param() != null;
        if (b.unit() == null && numeric && !b.isCompound() && replaced.unit() != null && !replaced.isCompound()) {
            return Bound.parse(v + unitAfter(replaced.unit()));
        }
        return b;
    }

    /** A unit as written after a number: 4.2 人, 98%. */
    private static String unitAfter(String unit) {
        return unit == null ? "" : unit.equals("%") ? "%" : " " + unit;
    }

    private static List<Entry> read(Path file, String shown, List<RuleMessage> errors) {
        List<Entry> out = new ArrayList<>();
        ZipLimits.apply();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            DataFormatter fmt = new DataFormatter();
            boolean any = false;
            for (Sheet sheet : wb) {
                int[] cols = null;
                int header = -1;
                for (int r = 0; r <= Math.min(sheet.getLastRowNum(), HEADER_SCAN_ROWS - 1) && cols == null; r++) {
                    cols = header(sheet.getRow(r), fmt);
                    header = r;
                }
                if (cols == null) continue;
                any = true;
                String name = sheet.getSheetName();
                for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) continue;
                    String uncached = uncached(row, cols, name, r);
                    if (uncached != null) {
                        // POI would read it as 0: a bound of 0 nobody wrote
                        errors.add(RuleMessage.atCell(shown, uncached, "单元格是公式，但文件中没有保存它的计算结果：请在 Excel 中打开并保存一次，"
                                + "或直接填写数值"));
                        continue;
                    }
                    String id = text(row.getCell(cols[0]), fmt), label = cols[1] < 0 ? "" : text(row.getCell(cols[1]), fmt),
                            value = text(row.getCell(cols[2]), fmt);
                    if (id.isEmpty() && label.isEmpty() && value.isEmpty()) continue;
                    String idRef = ref(name, r, cols[0]);
                    if (id.isEmpty()) {
                        errors.add(RuleMessage.atCell(shown, idRef, "缺少指标编号"));
                        continue;
                    }
                    out.add(new Entry(name, r, id, label, value, idRef, ref(name, r, cols[1] < 0 ? cols[0] : cols[1]), ref(name, r, cols[2])));
                }
            }
            if (!any) errors.add(new RuleMessage(shown, 0, 0, "界值表中没有找到表头：须有“指标”“学段/层级”“界值”三列"));
        } catch (Exception e) {
            errors.add(new RuleMessage(shown, 0, 0, "无法读取界值表：" + e.getMessage()));
        }
        return out;
    }

    /** The reference of the first of the row's columns that holds a formula without a saved result ({@code <v>}), or null. */
    private static String uncached(Row row, int[] cols, String sheet, int r) {
        for (int col : cols) {
            if (col < 0) continue;
            Cell c = row.getCell(col);
            if (c instanceof XSSFCell x && c.getCellType() == CellType.FORMULA) {
                CTCell ct = x.getCTCell();
                if (!ct.isSetV() || ct.getV() == null || ct.getV().isBlank()) return ref(sheet, r, col);
            }
        }
        return null;
    }

    /** Columns of 指标, 学段/层级 (-1: none) and 界值 if the row is the header, else null. */
    private static int[] header(Row row, DataFormatter fmt) {
        if (row == null) return null;
        int id = -1, label = -1, value = -1;
        for (Cell c : row) {
            String h = text(c, fmt).replace(" ", "");
            int i = c.getColumnIndex();
            switch (h) {
                case "指标", "指标编号" -> id = id < 0 ? i : id;
                case "学段/层级", "学段或层级", "学段", "层级", "分项" -> label = label < 0 ? i : label;
                case "界值" -> value = value < 0 ? i : value;
                default -> { }
            }
        }
        return id >= 0 && value >= 0 ? new int[]{id, label, value} : null;
    }

    private static String text(Cell c, DataFormatter fmt) {
        if (c == null) return "";
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (t == CellType.NUMERIC) return BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
        return fmt.formatCellValue(c).strip();
    }

    private static String ref(String sheet, int row, int col) {
        return sheet + "!" + new CellReference(row, col).formatAsString(false);
    }
}
