package org.dudao.model;

import java.util.Objects;

/** Where a value came from: the workbook file, the sheet and the cell (e.g. {@code 表1!F12}). */
public final class Origin {
    private final String file;
    private final String sheet;
    private final String cell;

    public Origin(String file, String sheet, String cell) {
        this.file = file;
        this.sheet = sheet;
        this.cell = cell;
    }

    public String getFile() { return file; }
    public String getSheet() { return sheet; }
    public String getCell() { return cell; }

    /** {@code 表1!F12}, the way a spreadsheet user writes a reference. */
    public String ref() {
        if (sheet == null) return cell == null ? "" : cell;
        return cell == null ? sheet : sheet + "!" + cell;
    }

    @Override public String toString() { return file == null ? ref() : file + " " + ref(); }

    @Override public boolean equals(Object o) {
        return o instanceof Origin other && Objects.equals(file, other.file)
                && Objects.equals(sheet, other.sheet) && Objects.equals(cell, other.cell);
    }

    @Override public int hashCode() { return Objects.hash(file, sheet, cell); }
}
