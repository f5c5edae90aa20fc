package org.dudao.api;

/**
 * Where a problem is: a file, and in it a sheet and a cell (a workbook, the thresholds table) or a
 * line and a column (a rule file, a CSV file), from 1; 0 and null where unknown.
 *
 * @param file   the file as it was given (a path), or null when the problem is not in a file
 * @param sheet  the sheet of a workbook, or null
 * @param cell   the cell of that sheet ({@code C5}), or null
 * @param line   the line of a text file, 0 when unknown
 * @param column the column of that line, 0 when unknown
 */
public record Location(String file, String sheet, String cell, int line, int column) {
    /** A whole file. */
    public static Location of(String file) {
        return new Location(file, null, null, 0, 0);
    }

    /** A line and column of a text file ({@code rules/kg.drl:12:5}). */
    public static Location of(String file, int line, int column) {
        return new Location(file, null, null, line, column);
    }

    /** A cell of a workbook's sheet ({@code thresholds.xlsx 界值!C5}). */
    public static Location ofCell(String file, String sheet, String cell) {
        return new Location(file, sheet, cell, 0, 0);
    }

    /** {@code file:line:column} or {@code file 表!C5}, as dudao's messages name places (0:0 where the place in the file is unknown). */
    @Override public String toString() {
        String f = file == null ? "" : file;
        if (cell != null) return f + " " + (sheet == null ? "" : sheet + "!") + cell;
        return f + ":" + line + ":" + column;
    }
}
