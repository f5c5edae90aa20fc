package org.dudao.load;

import java.math.BigDecimal;

/**
 * One cell as read from a workbook, before it is interpreted: its reference ({@code F12}) and what
 * it held. Numbers are decimal from the start so that a tie is a tie.
 */
public record CellValue(int column, String ref, Kind kind, String text, BigDecimal number, boolean percentFormat) {
    public enum Kind { BLANK, TEXT, NUMBER, BOOLEAN, DATE, ERROR, FORMULA_WITHOUT_VALUE }

    public static CellValue text(int column, String ref, String text) {
        return new CellValue(column, ref, text == null || text.isBlank() ? Kind.BLANK : Kind.TEXT, text, null, false);
    }

    public static CellValue number(int column, String ref, BigDecimal n, boolean percentFormat) {
        return new CellValue(column, ref, Kind.NUMBER, null, n, percentFormat);
    }

    public static CellValue of(int column, String ref, Kind kind, String text) {
        return new CellValue(column, ref, kind, text, null, false);
    }

    public boolean isBlank() { return kind == Kind.BLANK; }

    /** The cell as a person would read it: text as typed, numbers without a trailing {@code .0}. */
    public String asText() {
        return switch (kind) {
            case BLANK -> "";
            case NUMBER -> number.stripTrailingZeros().toPlainString();
            default -> text == null ? "" : text;
        };
    }
}
