package org.dudao.load;

import org.dudao.model.ClassBand;

import java.util.Set;

/**
 * The role of a column, from its header. Structural columns identify the row (code, year, level...);
 * every other column is a metric, looked up in the dictionary.
 */
enum Column {
    CODE, NAME, PARENT, LEVEL, YEAR, STAGE, GRADE, SCHOOL, CLASS_NAME, CLASS_SIZE, CLASS_BAND, PARAM_NAME, PARAM_VALUE, IGNORED, METRIC;

    private static final Set<String> IGNORED_HEADERS = Set.of("序号", "编号", "行次", "栏次");

    /** The role of a header in a sheet of the given kind. */
    static Column of(String name, SheetKind kind) {
        if (IGNORED_HEADERS.contains(name)) return IGNORED;
        // the number of classes of a size band (56-60人), on a school's or a region's row
        if ((kind == SheetKind.SCHOOL || kind == SheetKind.REGION) && ClassBand.parse(name).isPresent()) return CLASS_BAND;
        switch (kind) {
            case REGION -> {
                switch (name) {
                    case "地区代码", "行政区划代码", "区划代码" -> { return CODE; }
                    case "地区名称", "行政区划名称", "区划名称", "地区" -> { return NAME; }
                    case "上级代码", "上级地区代码", "上级区划代码" -> { return PARENT; }
                    case "层级", "级别", "行政级别" -> { return LEVEL; }
                    case "学段" -> { return STAGE; } // of a region's class-size bands
                    default -> { }
                }
            }
            case SCHOOL -> {
                switch (name) {
                    case "学校代码", "学校标识码" -> { return CODE; }
                    case "学校名称" -> { return NAME; }
                    case "地区代码", "所属地区代码", "所在地区代码", "所属区县代码" -> { return PARENT; }
                    case "地区名称", "所属地区", "所属地区名称" -> { return IGNORED; }
                    case "学段", "办学类型", "学校类型" -> { return STAGE; }
                    default -> { }
                }
            }
            case CLASS -> {
                switch (name) {
                    case "学校代码", "学校标识码" -> { return SCHOOL; }
                    case "学校名称" -> { return IGNORED; }
                    case "年级" -> { return GRADE; }
                    case "学段" -> { return STAGE; }
                    case "班级", "班级名称", "班号" -> { return CLASS_NAME; }
                    case "学生数", "班额", "班级人数", "班级学生数" -> { return CLASS_SIZE; }
                    default -> { }
                }
            }
            case PARAMS -> {
                switch (name) {
                    case "参数", "参数名称", "名称" -> { return PARAM_NAME; }
                    case "值", "参数值", "取值" -> { return PARAM_VALUE; }
                    default -> { return IGNORED; }
                }
            }
        }
        if (name.equals("年度") || name.equals("年份") || name.equals("统计年度") || name.equals("年")) return YEAR;
        return METRIC;
    }

    /** The kind of sheet a header row announces, or null when it is no header we know. */
    static SheetKind kindOf(Set<String> headers) {
        boolean school = headers.contains("学校代码") || headers.contains("学校标识码");
        if (school && (headers.contains("班级") || headers.contains("班级名称") || headers.contains("班号"))) return SheetKind.CLASS;
        if (school) return SheetKind.SCHOOL;
        if (headers.contains("地区代码") || headers.contains("行政区划代码") || headers.contains("区划代码")) return SheetKind.REGION;
        if ((headers.contains("参数") || headers.contains("参数名称"))
                && (headers.contains("值") || headers.contains("参数值") || headers.contains("取值"))) {
            return SheetKind.PARAMS;
        }
        return null;
    }
}
