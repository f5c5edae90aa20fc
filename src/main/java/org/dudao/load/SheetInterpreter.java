package org.dudao.load;

import org.dudao.model.ClassBand;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Param;
import org.dudao.model.SheetTally;
import org.dudao.model.Stage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one sheet row by row, in order, holding no more than its header: finds the header by its
 * columns (title and 填报单位 lines above it are passed over), joins a header spread over two rows,
 * then turns each data row into entities and metrics. Every data row ends up accepted, skipped
 * (合计, 注) or rejected with a problem naming its cell.
 */
final class SheetInterpreter {
    /** How far down a header is looked for before the sheet is taken as not a data sheet. */
    private static final int HEADER_SCAN_ROWS = 30;
    private static final String CLASS_SIZE_METRIC = "班额";
    /** Sheets that explain a workbook rather than hold data: passed over without a warning. */
    private static final Set<String> DOCUMENTATION_SHEETS = Set.of("说明", "填表说明", "填报说明", "封面", "目录", "README", "期望结果");

    private final String file;
    private final String sheet;
    private final MetricDictionary dictionary;
    private final DatasetBuilder out;

    private int rowsBeforeHeader;
    private Integer titleYear;
    private SheetKind kind;
    private List<CellValue> headerRow;
    private ColumnSpec[] columns;
    private SheetTally tally;
    private final ColumnSpec[] roles = new ColumnSpec[Column.values().length];
    /** The class-size band columns (56-60人 …), when the sheet has any. */
    private List<ColumnSpec> bandColumns;

    SheetInterpreter(String file, String sheet, MetricDictionary dictionary, DatasetBuilder out) {
        this.file = file;
        this.sheet = sheet;
        this.dictionary = dictionary;
        this.out = out;
        Values.yearInTitle(sheet).ifPresent(y -> titleYear = y);
    }

    /** The first row of headings, while no header is recognised: what an unrecognised sheet is reported with. */
    private final UnrecognisedSheet unrecognised = new UnrecognisedSheet();

    /** Whether Excel hides the sheet (null: shown; true: very hidden). */
    private Boolean hidden;

    /** The sheet is hidden in Excel: its data is used, and the load summary says so. */
    void hidden(boolean veryHidden) { hidden = veryHidden; }

    String sheet() { return sheet; }

    /** True once a header was found: the sheet is a region, school, class or parameter sheet. */
    boolean recognised() { return kind != null; }

    /** True once the sheet was found to be no data sheet: the caller may stop feeding it rows. */
    boolean givenUp() { return kind == null && rowsBeforeHeader > HEADER_SCAN_ROWS; }

    /** One row's cells, in column order; the list may be reused by the caller once this returns. */
    void row(List<CellValue> cells) {
        cells = withinSheet(cells);
        if (columns == null && headerRow == null) {
            lookForHeader(cells);
            return;
        }
        if (columns == null) {
            if (continuesHeader(cells)) {
                buildColumns(headerRow, cells);
                return;
            }
            buildColumns(headerRow, List.of());
        }
        data(cells);
    }

    /** Excel's last column, XFD. */
    private static final int MAX_COLUMN = 16_383;

    /**
     * A cell whose reference no sheet can have (a damaged or hand-made file: {@code r="'1"}, a column past
     * XFD) is reported and left out, rather than taken for a column it is not.
     */
    private List<CellValue> withinSheet(List<CellValue> cells) {
        List<CellValue> kept = null;
        for (int i = 0; i < cells.size(); i++) {
            CellValue c = cells.get(i);
            boolean bad = c.column() < 0 || c.column() > MAX_COLUMN;
            if (bad && kept == null) kept = new ArrayList<>(cells.subList(0, i));
            if (bad) {
                if (!c.isBlank()) out.problem(Severity.WARNING, file, sheet, null, "单元格引用“" + c.ref() + "”无效（不是 A1 到 XFD1048576 之间的单元格），其值“"
                        + c.asText() + "”未读取");
            } else if (kept != null) {
                kept.add(c);
            }
        }
        return kept == null ? cells : kept;
    }

    void end() {
        if (headerRow != null && columns == null) buildColumns(headerRow, List.of());
        if (kind == null) {
            if (DOCUMENTATION_SHEETS.contains(Text.normalize(sheet))) return;
            out.problem(Severity.WARNING, file, sheet, null, "未识别为数据表（前 " + HEADER_SCAN_ROWS
                    + " 行中没有“地区代码”“学校代码”或“参数名称”表头），已跳过" + unrecognised.describe(dictionary));
            return;
        }
        if (hidden != null && tally.getAccepted() > 0) {
            tally.hidden();
            out.problem(Severity.WARNING, file, sheet, null, HiddenSheets.notice(sheet, hidden, tally.getAccepted()));
        }
        out.sheet(tally);
    }

    // ---- header ---------------------------------------------------------------------------

    private void lookForHeader(List<CellValue> cells) {
        rowsBeforeHeader++;
        Set<String> names = new HashSet<>();
        for (CellValue c : cells) {
            if (c.kind() == CellValue.Kind.TEXT) names.add(Text.Header.parse(c.text()).name());
        }
        SheetKind k = Column.kindOf(names);
        if (k == null) {
            unrecognised.look(cells);
            if (titleYear == null) {
                for (CellValue c : cells) {
                    if (c.kind() == CellValue.Kind.TEXT) Values.yearInTitle(c.text()).ifPresent(y -> titleYear = y);
                }
            }
            return;
        }
        kind = k;
        headerRow = List.copyOf(cells); // the reader reuses its list for the next row
        tally = new SheetTally(file, sheet, k.label());
    }

    /** A second header line: no code in the key column, and only words (no numbers) in the rest. */
    private boolean continuesHeader(List<CellValue> cells) {
        int keyColumn = -1;
        for (CellValue c : headerRow) {
            if (c.kind() != CellValue.Kind.TEXT) continue;
            Column role = Column.of(Text.Header.parse(c.text()).name(), kind);
            if (role == Column.CODE || role == Column.SCHOOL || role == Column.PARAM_NAME) {
                keyColumn = c.column();
                break;
            }
        }
        boolean any = false;
        for (CellValue c : cells) {
            if (c.isBlank()) continue;
            if (c.column() == keyColumn) return false;
            if (c.kind() != CellValue.Kind.TEXT || Values.parseNumber(c.text()).isPresent()) return false;
            if (Values.yearInTitle(c.text()).isPresent() && Values.parseYear(c).isPresent()) return false;
            any = true;
        }
        return any && !isNoteOrTotal(cells, null, null);
    }

    private void buildColumns(List<CellValue> top, List<CellValue> bottom) {
        int width = 0;
        for (CellValue c : top) width = Math.max(width, c.column() + 1);
        for (CellValue c : bottom) width = Math.max(width, c.column() + 1);
        String[] topText = new String[width];
        String[] bottomText = new String[width];
        String[] refs = new String[width];
        for (CellValue c : top) { topText[c.column()] = c.asText(); refs[c.column()] = c.ref(); }
        for (CellValue c : bottom) { bottomText[c.column()] = c.asText(); if (refs[c.column()] == null || !c.isBlank()) refs[c.column()] = c.ref(); }
        // A group title merged across columns is in its first cell only: carry it right over its sub-headers.
        String carried = null;
        for (int i = 0; i < width; i++) {
            if (!blank(topText[i])) carried = topText[i];
            else if (!blank(bottomText[i])) topText[i] = carried;
        }
        columns = new ColumnSpec[width];
        for (int i = 0; i < width; i++) {
            if (blank(topText[i]) && blank(bottomText[i])) continue;
            columns[i] = column(i, refs[i], blank(topText[i]) ? null : Text.Header.parse(topText[i]),
                    blank(bottomText[i]) ? null : Text.Header.parse(bottomText[i]));
        }
        if (roles[Column.YEAR.ordinal()] == null && kind != SheetKind.PARAMS) {
            if (titleYear != null) {
                out.problem(Severity.WARNING, file, sheet, null, "没有“年度”列：按标题中的 " + titleYear + "年 读取");
            } else {
                out.problem(Severity.ERROR, file, sheet, headerRow.get(0).ref(), "没有“年度”列，标题中也没有年份：本表各行无法确定年度");
            }
        }
    }

    private ColumnSpec column(int index, String ref, Text.Header top, Text.Header bottom) {
        if (top != null && bottom != null && bottom.unitOnly() != null) {
            // A second header line with only the unit, （亿元）, gives the unit of the name above it.
            top = new Text.Header(top.name(), bottom.unitOnly());
            bottom = null;
        }
        Text.Header main = bottom != null ? bottom : top;
        Column role = Column.of(main.name(), kind);
        if (role == Column.METRIC && bottom != null && top != null) {
            Column topRole = Column.of(top.name(), kind);
            if (topRole != Column.METRIC) { role = topRole; main = top; }
        }
        if (role != Column.METRIC) {
            ColumnSpec spec = new ColumnSpec(index, ref, role, main.name(), main.unit(), null, null);
            if (role == Column.CLASS_BAND) {
                if (bandColumns == null) bandColumns = new ArrayList<>();
                bandColumns.add(spec);
                return spec;
            }
            if (roles[role.ordinal()] == null) roles[role.ordinal()] = spec;
            else if (role != Column.IGNORED) {
                out.problem(Severity.WARNING, file, sheet, ref, "重复的“" + main.name() + "”列：只读第一列（"
                        + roles[role.ordinal()].ref + "）");
                return new ColumnSpec(index, ref, Column.IGNORED, main.name(), null, null, null);
            }
            return spec;
        }
        String unit = bottom != null && bottom.unit() != null ? bottom.unit() : top != null ? top.unit() : null;
        Optional<MetricDictionary.Def> def = Optional.empty();
        if (bottom != null) def = dictionary.lookup(bottom.name());
        if (def.isEmpty() && bottom != null && top != null) def = dictionary.lookup(top.name() + bottom.name());
        if (def.isEmpty() && bottom == null) def = dictionary.lookup(top.name());
        if (kind == SheetKind.CLASS && def.isEmpty()) def = Optional.empty();
        if (def.isEmpty()) {
            String name = bottom != null && top != null && !top.name().equals(bottom.name())
                    ? top.name() + bottom.name() : main.name();
            out.problem(Severity.WARNING, file, sheet, ref, "指标字典中没有“" + name + "”" + new HeaderHints(dictionary).hint(name) + "：该列按原样保留，规则不会用到它，"
                    + "如属新指标请在 rules/metrics.csv 中登记");
            return new ColumnSpec(index, ref, Column.METRIC, name, unit, null, BigDecimal.ONE);
        }
        MetricDictionary.Def d = def.get();
        BigDecimal factor = BigDecimal.ONE;
        if (d.type() == MetricType.NUMBER && unit != null && d.unit() != null) {
            Optional<BigDecimal> f = Units.factor(unit, d.unit());
            if (f.isEmpty()) {
                out.problem(Severity.ERROR, file, sheet, ref, "“" + d.name() + "”的单位“" + unit + "”无法换算为指标字典规定的“"
                        + d.unit() + "”：本列数值不读");
                factor = null;
            } else {
                factor = f.get();
            }
        }
        return new ColumnSpec(index, ref, Column.METRIC, d.name(), unit, d, factor);
    }

    private static boolean blank(String s) { return s == null || Text.normalize(s).isEmpty(); }

    // ---- data rows ------------------------------------------------------------------------

    private void data(List<CellValue> cells) {
        CellValue[] row = rowCells();
        boolean any = false;
        String firstRef = null;
        List<CellValue> unheaded = null;
        for (CellValue c : cells) {
            if (c.isBlank()) continue;
            if (firstRef == null) firstRef = c.ref();
            any = true;
            // to the right of the header or under a blank header cell in its middle alike
            if (c.column() < row.length && columns[c.column()] != null) row[c.column()] = c;
            else if (!Values.isPlaceholder(c.asText())) {
                if (unheaded == null) unheaded = new ArrayList<>(); // made only for a row that has such cells
                unheaded.add(c);
            }
        }
        if (!any) { tally.blank(); return; }
        if (isNoteOrTotal(cells, cell(row, Column.CODE), cell(row, Column.NAME)) || isColumnNumbering(cells)) {
            tally.skipped();
            return;
        }
        if (unheaded != null) {
            for (CellValue c : unheaded) {
                out.problem(Severity.WARNING, file, sheet, c.ref(), "此列没有表头，值“" + c.asText() + "”未读取");
            }
        }
        switch (kind) {
            case REGION -> region(row, firstRef);
            case SCHOOL -> school(row, firstRef);
            case CLASS -> schoolClass(row, firstRef);
            case PARAMS -> param(row, firstRef);
        }
    }

    /** The cells of a data row by column: one array for the sheet, emptied for each row (a row is done with it once read). */
    private CellValue[] rowCells;

    private CellValue[] rowCells() {
        if (rowCells == null || rowCells.length != columns.length) rowCells = new CellValue[columns.length];
        else java.util.Arrays.fill(rowCells, null);
        return rowCells;
    }

    private static final List<String> TOTALS = List.of("合计", "总计", "小计", "全省合计", "全市合计", "全县合计", "总体");
    private static final List<String> NOTES = List.of("注", "说明", "备注", "数据来源", "资料来源", "填表人", "填报人",
            "审核人", "负责人", "单位负责人", "制表", "填报日期", "联系电话", "示例");

    /** 合计/总计 rows and the notes and signatures under a table are not data rows. */
    private static boolean isNoteOrTotal(List<CellValue> cells, CellValue code, CellValue name) {
        if (startsWithTotal(code) || startsWithTotal(name)) return true;
        CellValue first = null;
        for (CellValue c : cells) {
            if (!c.isBlank()) { first = c; break; }
        }
        if (first == null || first.kind() != CellValue.Kind.TEXT) return false;
        String t = Text.normalize(first.text());
        if (startsAscii(t)) return false; // a code or a number: every total and note word is Chinese
        if (TOTALS.contains(t)) return true;
        boolean codeElsewhere = code != null && code.column() != first.column();
        if (codeElsewhere) return false;
        if (t.startsWith("注")) return true;
        for (String n : NOTES) {
            if (t.startsWith(n) && (t.length() == n.length() || ":：1".indexOf(t.charAt(n.length())) >= 0)) return true;
        }
        return false;
    }

    private static boolean startsWithTotal(CellValue c) {
        if (c == null) return false;
        String t = Text.normalize(c.asText());
        if (startsAscii(t)) return false;
        for (String total : TOTALS) if (t.startsWith(total)) return true;
        return false;
    }

    /** Empty or starting with an ASCII character, so starting with none of the (Chinese) words of {@link #TOTALS} and {@link #NOTES}. */
    private static boolean startsAscii(String t) { return t.isEmpty() || t.charAt(0) < 0x80; }

    /**
     * The 栏次 line statistical forms put under the header: 甲, 乙, 丙 over the descriptive columns and
     * 1, 2, 3 … over the figures. It numbers the columns; it is not a region.
     */
    static boolean isColumnNumbering(List<CellValue> cells) {
        int stems = 0;
        int expected = 1;
        for (CellValue c : cells) {
            if (c.isBlank()) continue;
            String t = Text.normalize(c.asText());
            if (t.length() == 1 && "甲乙丙丁戊己庚辛".contains(t)) { stems++; continue; }
            if (!isNumeral(t, expected)) return false;
            expected++;
        }
        return stems > 0 && expected > 2;
    }

    /** True when {@code t} is {@code n} written in decimal digits, as {@code Integer.toString(n)} would (n ≥ 1). */
    private static boolean isNumeral(String t, int n) {
        int i = t.length();
        if (i == 0) return false;
        for (; n > 0 && i > 0; n /= 10) {
            if (t.charAt(--i) != (char) ('0' + n % 10)) return false;
        }
        return n == 0 && i == 0;
    }

    private CellValue cell(CellValue[] row, Column role) {
        ColumnSpec spec = roles[role.ordinal()];
        return spec == null || spec.index >= row.length ? null : row[spec.index];
    }

    private String text(CellValue[] row, Column role) {
        CellValue c = cell(row, role);
        if (c == null) return null;
        String t = Values.code(c); // normalised once, for the placeholder test and as the code
        if (Values.isPlaceholderNormalized(t)) return null;
        return role == Column.PARENT || role == Column.SCHOOL || role == Column.CLASS_NAME || role == Column.STAGE || role == Column.GRADE
                ? same(role, t) : t;
    }

    /** Texts that repeat down a sheet (a school's county, a class's school, 小学), kept once each. */
    private final java.util.HashMap<String, String> repeated = new java.util.HashMap<>();

    /** Per column role, the text last given to {@link #same} and what it returned: down a sheet it mostly repeats. */
    private final String[] lastGiven = new String[Column.values().length];
    private final String[] lastKept = new String[Column.values().length];

    private String same(Column role, String t) {
        int r = role.ordinal();
        if (t.equals(lastGiven[r])) return lastKept[r];
        String kept = repeated.get(t);
        if (kept == null) {
            kept = t;
            if (repeated.size() < 1 << 16) repeated.put(t, t);
        }
        lastGiven[r] = t;
        lastKept[r] = kept;
        return kept;
    }

    private String refOf(CellValue[] row, Column role, String rowRef) {
        CellValue c = cell(row, role);
        if (c != null) return c.ref();
        ColumnSpec spec = roles[role.ordinal()];
        if (spec != null && rowRef != null) return columnLetters(spec.ref) + rowNumber(rowRef);
        return rowRef;
    }

    private Integer year(CellValue[] row, String rowRef) {
        CellValue c = cell(row, Column.YEAR);
        if (roles[Column.YEAR.ordinal()] == null) {
            if (titleYear == null) reject(rowRef, "无法确定年度");
            return titleYear;
        }
        if (c == null) { reject(refOf(row, Column.YEAR, rowRef), "年度为空"); return null; }
        Optional<Integer> y = yearOf(c);
        if (y.isEmpty()) { reject(c.ref(), "年度“" + c.asText() + "”无法识别（应为 2023 或 2023年）"); return null; }
        return y.get();
    }

    /** The year number last read, and what it gave: a year column repeats one value down the sheet. */
    private BigDecimal lastYearNumber;
    private Optional<Integer> lastYear;

    /** {@link Values#parseYear}, which for a number depends on its value alone: read again only when it changes. */
    private Optional<Integer> yearOf(CellValue c) {
        if (c.kind() != CellValue.Kind.NUMBER) return Values.parseYear(c);
        if (lastYearNumber == null || c.number().compareTo(lastYearNumber) != 0) {
            lastYear = Values.parseYear(c);
            lastYearNumber = c.number();
        }
        return lastYear;
    }

    private void reject(String ref, String message) {
        out.problem(Severity.ERROR, file, sheet, ref, message + "：本行未采用");
        tally.rejected();
    }

    private void region(CellValue[] row, String rowRef) {
        String code = text(row, Column.CODE);
        if (code == null) { reject(refOf(row, Column.CODE, rowRef), "地区代码为空"); return; }
        Integer year = year(row, rowRef);
        if (year == null) return;
        EntityKind level;
        String levelText = text(row, Column.LEVEL);
        if (levelText != null) {
            level = EntityKind.parseLevel(levelText);
            if (level == null || !level.isRegion()) {
                reject(refOf(row, Column.LEVEL, rowRef), "层级“" + levelText + "”无法识别（应为 省、市 或 县）");
                return;
            }
        } else {
            level = levelFromCode(code);
            if (level == null) {
                reject(refOf(row, Column.LEVEL, rowRef), "层级为空，且无法从地区代码 " + code + " 推断");
                return;
            }
        }
        Origin origin = new Origin(file, sheet, refOf(row, Column.CODE, rowRef));
        out.entity(Entity.read(code, text(row, Column.NAME), level, text(row, Column.PARENT), null, origin, year), year);
        metrics(row, code, year);
        bands(row, rowRef, code, text(row, Column.STAGE), year);
        tally.accepted();
    }

    /** GB/T 2260 codes: 330000 a province, 330100 a city, 330102 a county; 000000 the nation. */
    static EntityKind levelFromCode(String code) {
        if (!code.matches("\\d{6}")) return null;
        if (code.equals("000000")) return EntityKind.NATION;
        if (code.endsWith("0000")) return EntityKind.PROVINCE;
        if (code.endsWith("00")) return EntityKind.CITY;
        return EntityKind.COUNTY;
    }

    private void school(CellValue[] row, String rowRef) {
        String code = text(row, Column.CODE);
        if (code == null) { reject(refOf(row, Column.CODE, rowRef), "学校代码为空"); return; }
        // a sheet of class-size bands keyed by 学校代码 alone adds the bands to a school of the school sheet
        boolean bandsOnly = bandColumns != null && roles[Column.PARENT.ordinal()] == null;
        String parent = text(row, Column.PARENT);
        if (parent == null && !bandsOnly) { reject(refOf(row, Column.PARENT, rowRef), "学校 " + code + " 的所属地区代码为空"); return; }
        Integer year = year(row, rowRef);
        if (year == null) return;
        String stage = text(row, Column.STAGE);
        Stage.School st = Stage.ofSchool(stage);
        // A part of a school (九年一贯制小学部 …) is a school of its own, known by its code and part: the parts
        // of one school may share its code, as the statistics forms report them.
        String own = st.isPart() ? partCode(code, st.part()) : code;
        if (bandsOnly) {
            metrics(row, own, year);
            bands(row, rowRef, own, st.isPart() ? null : stage, year);
            tally.accepted();
            return;
        }
        String name = text(row, Column.NAME);
        if (st.isPart() && name != null && !name.contains(st.part())) name = name + "（" + st.part() + "）";
        Origin origin = new Origin(file, sheet, refOf(row, Column.CODE, rowRef));
        out.entity(Entity.read(own, name, EntityKind.SCHOOL, parent, stage, origin, year), year);
        metrics(row, own, year);
        bands(row, rowRef, own, null, year);
        tally.accepted();
    }

    /** The code of a school's part: {@code 3301020001#小学部}. */
    static String partCode(String code, String part) { return code + SchoolParts.MARK + part; }

    /**
     * One entity per band column of the row under {@code parent} (a school, or a region), with the number
     * of classes as {@link ClassBand#COUNT}; a blank cell leaves the band without a count (missing, never 0).
     */
    private void bands(CellValue[] row, String rowRef, String parent, String stage, int year) {
        if (bandColumns == null) return;
        for (ColumnSpec spec : bandColumns) {
            ClassBand band = ClassBand.parse(spec.name).orElseThrow();
            String code = ClassBand.code(parent, stage, band);
            CellValue c = spec.index < row.length ? row[spec.index] : null;
            String ref = c != null ? c.ref() : columnLetters(spec.ref) + rowNumber(rowRef);
            out.entity(Entity.read(code, ClassBand.name(stage, band), EntityKind.CLASS, parent, stage, new Origin(file, sheet, ref), year), year);
            if (c != null && (c.kind() == CellValue.Kind.NUMBER || !Values.isPlaceholder(c.asText()))) number(c, code, year, bandCount());
        }
    }

    /** The band columns read as the metric 班级数. */
    private ColumnSpec bandCount;

    private ColumnSpec bandCount() {
        if (bandCount == null) {
            bandCount = new ColumnSpec(-1, null, Column.METRIC, ClassBand.COUNT, "个", dictionary.get(ClassBand.COUNT).orElse(null), BigDecimal.ONE);
        }
        return bandCount;
    }

    private void schoolClass(CellValue[] row, String rowRef) {
        String school = text(row, Column.SCHOOL);
        if (school == null) { reject(refOf(row, Column.SCHOOL, rowRef), "学校代码为空"); return; }
        String name = text(row, Column.CLASS_NAME);
        if (name == null) { reject(refOf(row, Column.CLASS_NAME, rowRef), "班级为空"); return; }
        Integer year = year(row, rowRef);
        if (year == null) return;
        // 年级 and 学段 say which stage the class is in (初中 + 一年级); a bare 1班 is told apart by its 年级
        String grade = text(row, Column.GRADE), stage = text(row, Column.STAGE);
        Stage.School part = Stage.ofSchool(stage);
        if (part.isPart()) {
            school = partCode(school, part.part());
            stage = null;
        }
        String classStage = stage == null ? grade : grade == null ? stage : stage + grade;
        if (grade != null && !namesItsGrade(name)) name = grade + name;
        String code = school + "/" + name;
        Origin origin = new Origin(file, sheet, refOf(row, Column.CLASS_NAME, rowRef));
        out.entity(Entity.read(code, name, EntityKind.CLASS, school, classStage, origin, year), year);
        CellValue size = cell(row, Column.CLASS_SIZE);
        if (size != null) number(size, code, year, classSize());
        metrics(row, code, year);
        tally.accepted();
    }

    /** True when a class name says its grade itself (一(1)班, 初二3班, 七年级1班) rather than being a bare 1班. */
    private static boolean namesItsGrade(String name) {
        for (int i = 0; i < name.length(); i++) if ("一二三四五六七八九十年初高".indexOf(name.charAt(i)) >= 0) return true;
        return false;
    }

    /** The class-size column read as the metric 班额: the same for every row of the sheet, so made once. */
    private ColumnSpec classSize;

    private ColumnSpec classSize() {
        if (classSize == null) {
            ColumnSpec spec = roles[Column.CLASS_SIZE.ordinal()];
            classSize = new ColumnSpec(spec.index, spec.ref, Column.METRIC, CLASS_SIZE_METRIC, "人",
                    dictionary.get(CLASS_SIZE_METRIC).orElse(null), BigDecimal.ONE);
        }
        return classSize;
    }

    private void param(CellValue[] row, String rowRef) {
        String name = text(row, Column.PARAM_NAME);
        if (name == null) { reject(refOf(row, Column.PARAM_NAME, rowRef), "参数名称为空"); return; }
        CellValue v = cell(row, Column.PARAM_VALUE);
        if (v == null) { reject(refOf(row, Column.PARAM_VALUE, rowRef), "参数“" + name + "”没有值"); return; }
        Origin origin = new Origin(file, sheet, v.ref());
        BigDecimal n = null;
        if (v.kind() == CellValue.Kind.NUMBER) n = v.percentFormat() ? v.number().movePointRight(2) : v.number();
        else n = Values.parseNumber(v.asText()).map(Values.Num::value).orElse(null);
        out.param(new Param(name, n, v.asText(), origin));
        tally.accepted();
    }

    // ---- metric cells ---------------------------------------------------------------------

    private void metrics(CellValue[] row, String entity, int year) {
        for (ColumnSpec spec : columns) {
            if (spec == null || spec.role != Column.METRIC || spec.index >= row.length) continue;
            CellValue c = row[spec.index];
            if (c == null || c.kind() != CellValue.Kind.NUMBER && Values.isPlaceholder(c.asText())) continue;
            if (spec.def != null && spec.def.type() == MetricType.YES_NO) yesNo(c, entity, year, spec);
            else if (spec.def != null && spec.def.type() == MetricType.TEXT) textValue(c, entity, year, spec);
            else if (spec.def == null) unknown(c, entity, year, spec);
            else number(c, entity, year, spec);
        }
    }

    private boolean unreadable(CellValue c, ColumnSpec spec) {
        switch (c.kind()) {
            case FORMULA_WITHOUT_VALUE -> cellProblem(c, spec, "公式没有计算结果（文件保存时未计算）：请在 Excel 中打开、重新计算并保存");
            case ERROR -> cellProblem(c, spec, "单元格是错误值 " + c.text());
            case DATE -> cellProblem(c, spec, "单元格是日期 " + c.text() + "，不是" + (spec.def == null ? "数值" : spec.def.type().label()));
            default -> { return false; }
        }
        return true;
    }

    private void cellProblem(CellValue c, ColumnSpec spec, String message) {
        out.problem(Severity.ERROR, file, sheet, c.ref(), "“" + spec.name + "”" + message + "：此值未采用");
    }

    private void number(CellValue c, String entity, int year, ColumnSpec spec) {
        if (unreadable(c, spec) || spec.factor == null) return;
        BigDecimal value;
        boolean percent;
        if (c.kind() == CellValue.Kind.NUMBER) {
            percent = c.percentFormat();
            value = percent ? c.number().movePointRight(2) : c.number();
        } else {
            Optional<Values.Num> n = c.kind() == CellValue.Kind.TEXT ? Values.parseNumber(c.text()) : Optional.empty();
            if (n.isEmpty()) { withUnitInCell(c, entity, year, spec); return; }
            value = n.get().value();
            percent = n.get().percent();
        }
        String canonical = spec.def == null ? spec.unit : spec.def.unit();
        BigDecimal factor = spec.factor;
        if (percent && !"%".equals(spec.unit)) {
            Optional<BigDecimal> f = Units.factor("%", canonical == null ? "%" : canonical);
            if (f.isEmpty()) { cellProblem(c, spec, "的值“" + c.asText() + "”是百分数，而该指标的单位是“" + canonical + "”"); return; }
            factor = f.get();
        }
        if (factor.compareTo(BigDecimal.ONE) != 0) value = value.multiply(factor, MathContext.DECIMAL128);
        if (NumberText.outOfRange(value)) { cellProblem(c, spec, "的值" + NumberText.outOfRangeText(NumberText.shown(c))); return; }
        out.metric(new Metric(entity, year, spec.name, value, null, canonical, new Origin(file, sheet, c.ref())));
    }

    /**
     * A number with its own unit in the cell, {@code 12亿元}: converted from that unit to the metric's
     * (the cell's unit wins over the header's, with a warning when the two differ); a unit of another
     * kind, or text that is no number at all, is a problem on the cell.
     */
    private void withUnitInCell(CellValue c, String entity, int year, ColumnSpec spec) {
        Optional<UnitSuffix.Parsed> p = UnitSuffix.parse(c.text());
        String canonical = spec.def == null ? spec.unit : spec.def.unit();
        if (p.isEmpty()) { cellProblem(c, spec, "的值" + NumberText.whyNot(c.text()).orElse("“" + c.asText() + "”不是数值")); return; }
        Optional<BigDecimal> f = canonical == null ? Optional.empty() : Units.factor(p.get().unit(), canonical);
        if (f.isEmpty()) {
            cellProblem(c, spec, "的值“" + c.asText() + "”的单位“" + p.get().unit() + "”无法换算为"
                    + (canonical == null ? "该指标的单位" : "“" + canonical + "”"));
            return;
        }
        if (spec.unit != null && !Units.factor(p.get().unit(), spec.unit).map(x -> x.compareTo(BigDecimal.ONE) == 0).orElse(false)) {
            out.problem(Severity.WARNING, file, sheet, c.ref(), "“" + spec.name + "”的值“" + c.asText() + "”自带单位“"
                    + p.get().unit() + "”，与表头的单位“" + spec.unit + "”不同：按单元格中的单位换算");
        }
        BigDecimal value = p.get().value().multiply(f.get(), MathContext.DECIMAL128);
        if (NumberText.outOfRange(value)) { cellProblem(c, spec, "的值" + NumberText.outOfRangeText(c.asText())); return; }
        out.metric(new Metric(entity, year, spec.name, value, null, canonical, new Origin(file, sheet, c.ref())));
    }

    private void yesNo(CellValue c, String entity, int year, ColumnSpec spec) {
        if (unreadable(c, spec)) return;
        Optional<Boolean> b = Values.parseYesNo(c);
        if (b.isEmpty()) { cellProblem(c, spec, "的值“" + c.asText() + "”不是“是”或“否”"); return; }
        out.metric(new Metric(entity, year, spec.name, b.get() ? BigDecimal.ONE : BigDecimal.ZERO, b.get() ? "是" : "否",
                null, new Origin(file, sheet, c.ref())));
    }

    private void textValue(CellValue c, String entity, int year, ColumnSpec spec) {
        if (unreadable(c, spec)) return;
        out.metric(new Metric(entity, year, spec.name, null, Text.normalize(c.asText()), null, new Origin(file, sheet, c.ref())));
    }

    private void unknown(CellValue c, String entity, int year, ColumnSpec spec) {
        Origin origin = new Origin(file, sheet, c.ref());
        // A percentage is kept as the percentage shown, as for dictionary metrics: 85.3%, never 0.853.
        String percentUnit = spec.unit == null ? "%" : spec.unit;
        if (c.kind() == CellValue.Kind.NUMBER) {
            if (c.percentFormat()) out.metric(new Metric(entity, year, spec.name, c.number().movePointRight(2), null, percentUnit, origin));
            else out.metric(new Metric(entity, year, spec.name, c.number(), null, spec.unit, origin));
            return;
        }
        Optional<Values.Num> n = c.kind() == CellValue.Kind.TEXT ? Values.parseNumber(c.text()) : Optional.empty();
        String unit = n.isPresent() && n.get().percent() ? percentUnit : spec.unit;
        out.metric(new Metric(entity, year, spec.name, n.map(Values.Num::value).orElse(null), n.isPresent() ? null : c.asText(),
                unit, origin));
    }

    private static String columnLetters(String ref) { return ref.replaceAll("\\d", ""); }

    private static String rowNumber(String ref) { return ref.replaceAll("\\D", ""); }

    /** What a column is: its role, and for a metric its dictionary entry and unit factor (null: unusable unit). */
    private record ColumnSpec(int index, String ref, Column role, String name, String unit, MetricDictionary.Def def,
                              BigDecimal factor) {}
}
