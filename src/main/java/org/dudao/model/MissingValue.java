package org.dudao.model;

import java.util.List;

/**
 * One value a verdict lacked, as a 补报清单 lists it: the unit that must supply it (its code), the sheet it
 * goes in (地区表, 学校表, 班级表, 参数表; null when not known), the metric (the column, or the parameter's
 * name), the year (null for a parameter), the metrics from which it could be computed instead, and a note
 * (which classes, why a value could not be read). The verdict's {@code missing} says the same in words.
 */
public record MissingValue(String entity, String sheet, String metric, Integer year, List<String> alternatives, String note) {
    public static final String REGION_SHEET = "地区表", SCHOOL_SHEET = "学校表", CLASS_SHEET = "班级表", PARAMETER_SHEET = "参数表";

    public MissingValue {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        note = note == null ? "" : note;
    }

    /** The sheet where an entity of this kind has its row. */
    public static String sheetOf(EntityKind kind) {
        return switch (kind) {
            case SCHOOL -> SCHOOL_SHEET;
            case CLASS -> CLASS_SHEET;
            default -> REGION_SHEET;
        };
    }

    /** This value with the metrics it could be computed from. */
    public MissingValue orFrom(List<String> metrics) {
        return new MissingValue(entity, sheet, metric, year, metrics, note);
    }
}
