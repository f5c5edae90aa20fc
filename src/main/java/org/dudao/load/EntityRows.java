package org.dudao.load;

import org.dudao.model.ClassBand;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Param;
import org.dudao.model.SheetTally;
import org.dudao.model.Stage;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Turns each data row into what it states, by the kind of sheet: a region, a school (or a part of
 * one, 小学部, known by its code and part), a class, or a parameter, with the row's metrics and its
 * class-size bands. A row without its code, name, level or year is rejected with a problem naming
 * the cell; every row read is counted in the sheet's tally.
 */
final class EntityRows {
    private static final String CLASS_SIZE_METRIC = "班额";

    private final SheetKind kind;
    private final HeaderColumns columns;
    private final MetricDictionary dictionary;
    private final SheetOutput out;
    private final SheetTally tally;
    private final MetricCells metrics;
    /** The year of a sheet without a 年度 column, from its title; null when none. */
    private final Integer titleYear;

    /** The year number last read, and what it gave: a year column repeats one value down the sheet. */
    private BigDecimal lastYearNumber;
    private Optional<Integer> lastYear;
    /** The band columns read as the metric 班级数. */
    private ColumnSpec bandCount;
    /** The class-size column read as the metric 班额: the same for every row of the sheet, so made once. */
    private ColumnSpec classSize;

    EntityRows(SheetKind kind, HeaderColumns columns, Integer titleYear, MetricDictionary dictionary, SheetOutput out, SheetTally tally) {
        this.kind = kind;
        this.columns = columns;
        this.titleYear = titleYear;
        this.dictionary = dictionary;
        this.out = out;
        this.tally = tally;
        this.metrics = new MetricCells(out);
    }

    void read(DataRow row) {
        switch (kind) {
            case REGION -> region(row);
            case SCHOOL -> school(row);
            case CLASS -> schoolClass(row);
            case PARAMS -> param(row);
        }
    }

    private void region(DataRow row) {
        String code = row.text(Column.CODE);
        if (code == null) { reject(row.refOf(Column.CODE), "地区代码为空"); return; }
        Integer year = year(row);
        if (year == null) return;
        EntityKind level;
        String levelText = row.text(Column.LEVEL);
        if (levelText != null) {
            level = EntityKind.parseLevel(levelText);
            if (level == null || !level.isRegion()) {
                reject(row.refOf(Column.LEVEL), "层级“" + levelText + "”无法识别（应为 省、市 或 县）");
                return;
            }
        } else {
            level = levelFromCode(code);
            if (level == null) {
                reject(row.refOf(Column.LEVEL), "层级为空，且无法从地区代码 " + code + " 推断");
                return;
            }
        }
        out.facts().entity(Entity.read(code, row.text(Column.NAME), level, row.text(Column.PARENT), null, out.origin(row.refOf(Column.CODE)), year), year);
        metrics.read(row, columns, code, year);
        bands(row, code, row.text(Column.STAGE), year);
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

    private void school(DataRow row) {
        String code = row.text(Column.CODE);
        if (code == null) { reject(row.refOf(Column.CODE), "学校代码为空"); return; }
        // a sheet of class-size bands keyed by 学校代码 alone adds the bands to a school of the school sheet
        boolean bandsOnly = !columns.bands().isEmpty() && columns.of(Column.PARENT) == null;
        String parent = row.text(Column.PARENT);
        if (parent == null && !bandsOnly) { reject(row.refOf(Column.PARENT), "学校 " + code + " 的所属地区代码为空"); return; }
        Integer year = year(row);
        if (year == null) return;
        String stage = row.text(Column.STAGE);
        Stage.School st = Stage.ofSchool(stage);
        // A part of a school (九年一贯制小学部 …) is a school of its own, known by its code and part: the parts
        // of one school may share its code, as the statistics forms report them.
        String own = st.isPart() ? partCode(code, st.part()) : code;
        if (bandsOnly) {
            metrics.read(row, columns, own, year);
            bands(row, own, st.isPart() ? null : stage, year);
            tally.accepted();
            return;
        }
        String name = row.text(Column.NAME);
        if (st.isPart() && name != null && !name.contains(st.part())) name = name + "（" + st.part() + "）";
        out.facts().entity(Entity.read(own, name, EntityKind.SCHOOL, parent, stage, out.origin(row.refOf(Column.CODE)), year), year);
        metrics.read(row, columns, own, year);
        bands(row, own, null, year);
        tally.accepted();
    }

    /** The code of a school's part: {@code 3301020001#小学部}. */
    static String partCode(String code, String part) { return code + SchoolParts.MARK + part; }

    /**
     * One entity per band column of the row under {@code parent} (a school, or a region), with the number
     * of classes as {@link ClassBand#COUNT}; a blank cell leaves the band without a count (missing, never 0).
     */
    private void bands(DataRow row, String parent, String stage, int year) {
        for (ColumnSpec spec : columns.bands()) {
            ClassBand band = ClassBand.parse(spec.name()).orElseThrow();
            String code = ClassBand.code(parent, stage, band);
            CellValue c = row.at(spec);
            String ref = c != null ? c.ref() : row.refIn(spec);
            out.facts().entity(Entity.read(code, ClassBand.name(stage, band), EntityKind.CLASS, parent, stage, out.origin(ref), year), year);
            if (c != null && (c.kind() == CellValue.Kind.NUMBER || !Values.isPlaceholder(c.asText()))) metrics.number(c, code, year, bandCount());
        }
    }

    private ColumnSpec bandCount() {
        if (bandCount == null) {
            bandCount = new ColumnSpec(-1, null, Column.METRIC, ClassBand.COUNT, "个", dictionary.get(ClassBand.COUNT).orElse(null), BigDecimal.ONE);
        }
        return bandCount;
    }

    private void schoolClass(DataRow row) {
        String school = row.text(Column.SCHOOL);
        if (school == null) { reject(row.refOf(Column.SCHOOL), "学校代码为空"); return; }
        String name = row.text(Column.CLASS_NAME);
        if (name == null) { reject(row.refOf(Column.CLASS_NAME), "班级为空"); return; }
        Integer year = year(row);
        if (year == null) return;
        // 年级 and 学段 say which stage the class is in (初中 + 一年级); a bare 1班 is told apart by its 年级
        String grade = row.text(Column.GRADE), stage = row.text(Column.STAGE);
        Stage.School part = Stage.ofSchool(stage);
        if (part.isPart()) {
            school = partCode(school, part.part());
            stage = null;
        }
        String classStage = stage == null ? grade : grade == null ? stage : stage + grade;
        // the code is made of the normalised name, so that 一（1）班 and 一(1)班 are one class; it is shown as typed
        String shown = row.typed(Column.CLASS_NAME, name);
        if (grade != null && !namesItsGrade(name)) {
            name = grade + name;
            shown = row.typed(Column.GRADE, grade) + shown;
        }
        String code = school + "/" + name;
        out.facts().entity(Entity.read(code, shown, EntityKind.CLASS, school, classStage, out.origin(row.refOf(Column.CLASS_NAME)), year), year);
        CellValue size = row.cell(Column.CLASS_SIZE);
        if (size != null) metrics.number(size, code, year, classSize());
        metrics.read(row, columns, code, year);
        tally.accepted();
    }

    /** True when a class name says its grade itself (一(1)班, 初二3班, 七年级1班) rather than being a bare 1班. */
    private static boolean namesItsGrade(String name) {
        for (int i = 0; i < name.length(); i++) if ("一二三四五六七八九十年初高".indexOf(name.charAt(i)) >= 0) return true;
        return false;
    }

    private ColumnSpec classSize() {
        if (classSize == null) {
            ColumnSpec spec = columns.of(Column.CLASS_SIZE);
            classSize = new ColumnSpec(spec.index(), spec.ref(), Column.METRIC, CLASS_SIZE_METRIC, "人",
                    dictionary.get(CLASS_SIZE_METRIC).orElse(null), BigDecimal.ONE);
        }
        return classSize;
    }

    private void param(DataRow row) {
        String name = row.text(Column.PARAM_NAME);
        if (name == null) { reject(row.refOf(Column.PARAM_NAME), "参数名称为空"); return; }
        CellValue v = row.cell(Column.PARAM_VALUE);
        if (v == null) { reject(row.refOf(Column.PARAM_VALUE), "参数“" + name + "”没有值"); return; }
        BigDecimal n;
        if (v.kind() == CellValue.Kind.NUMBER) n = v.percentFormat() ? v.number().movePointRight(2) : v.number();
        else n = Values.parseNumber(v.asText()).map(Values.Num::value).orElse(null);
        out.facts().param(new Param(name, n, v.asText(), out.origin(v.ref())));
        tally.accepted();
    }

    /** The row's year: its 年度 cell, or the title's when the sheet has no 年度 column; null (the row rejected) when there is none. */
    private Integer year(DataRow row) {
        if (columns.of(Column.YEAR) == null) {
            if (titleYear == null) reject(row.firstRef(), "无法确定年度");
            return titleYear;
        }
        CellValue c = row.cell(Column.YEAR);
        if (c == null) { reject(row.refOf(Column.YEAR), "年度为空"); return null; }
        Optional<Integer> y = yearOf(c);
        if (y.isEmpty()) { reject(c.ref(), "年度“" + c.asText() + "”无法识别（应为 2023 或 2023年）"); return null; }
        return y.get();
    }

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
        out.error(ref, message + "：本行未采用");
        tally.rejected();
    }
}
