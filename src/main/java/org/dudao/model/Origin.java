package org.dudao.model;

import java.util.Objects;

/**
 * Where a value came from: the workbook file, the sheet and the cell (e.g. {@code 表1!F12}).
 * <p>
 * Compact, since every value read keeps one: the file and sheet names are shared by all the values
 * of a sheet, and a cell reference of the usual form ({@code F12}) is kept as its column and row
 * numbers and spelled out only when asked for. Any other text given as the cell is kept as given.
 */
public final class Origin {
    private final String file;
    private final String sheet;
    /** The cell as given, when it is not a plain column-and-row reference; else null. */
    private final String other;
    /** 1-based column and row of a plain reference; 0 when {@link #other} holds the cell or there is none. */
    private final int column;
    private final int row;

    public Origin(String file, String sheet, String cell) {
        this.file = file;
        this.sheet = sheet;
        int letters = 0;
        int col = 0;
        while (cell != null && letters < cell.length() && letters < 3 && cell.charAt(letters) >= 'A' && cell.charAt(letters) <= 'Z') {
            col = col * 26 + (cell.charAt(letters) - 'A' + 1);
            letters++;
        }
        int r = 0;
        boolean plain = cell != null && letters > 0 && letters < cell.length() && cell.length() - letters <= 7
                && cell.charAt(letters) != '0';
        for (int i = letters; plain && i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') plain = false;
            else r = r * 10 + (c - '0');
        }
        this.other = plain ? null : cell;
        this.column = plain ? col : 0;
        this.row = plain ? r : 0;
    }

    public String getFile() { return file; }
    public String getSheet() { return sheet; }

    public String getCell() {
        if (column == 0) return other;
        StringBuilder b = new StringBuilder(8);
        for (int c = column; c > 0; c = (c - 1) / 26) b.insert(0, (char) ('A' + (c - 1) % 26));
        return b.append(row).toString();
    }

    /** {@code 表1!F12}, the way a spreadsheet user writes a reference. */
    public String ref() {
        String cell = getCell();
        if (sheet == null) return cell == null ? "" : cell;
        return cell == null ? sheet : sheet + "!" + cell;
    }

    @Override public String toString() { return file == null ? ref() : file + " " + ref(); }

    @Override public boolean equals(Object o) {
        return o instanceof Origin other && Objects.equals(file, other.file) && Objects.equals(sheet, other.sheet)
                && Objects.equals(getCell(), other.getCell());
    }

    @Override public int hashCode() { return Objects.hash(file, sheet, getCell()); }
}
