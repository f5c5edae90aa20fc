package org.dudao.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data row being read, its cells by the column they stand in: the values of its structural
 * columns (codes as normalised text), the reference of a cell it leaves blank, and the cells that
 * stand under no header. One object serves every row of a sheet.
 */
final class DataRow {
    private final HeaderColumns columns;
    /** The row's cells by column, emptied for each row (a row is done with it once read). */
    private final CellValue[] cells;
    private String firstRef;
    private List<CellValue> unheaded;

    /** Texts that repeat down a sheet (a school's county, a class's school, 小学), kept once each. */
    private final Map<String, String> repeated = new HashMap<>();
    /** Per column role, the text last given to {@link #same} and what it returned: down a sheet it mostly repeats. */
    private final String[] lastGiven = new String[Column.values().length];
    private final String[] lastKept = new String[Column.values().length];

    DataRow(HeaderColumns columns) {
        this.columns = columns;
        this.cells = new CellValue[columns.width()];
    }

    /** Takes the next row's cells; false when they are all blank. */
    boolean read(List<CellValue> row) {
        Arrays.fill(cells, null);
        firstRef = null;
        unheaded = null;
        boolean any = false;
        for (CellValue c : row) {
            if (c.isBlank()) continue;
            if (firstRef == null) firstRef = c.ref();
            any = true;
            // to the right of the header or under a blank header cell in its middle alike
            if (columns.headed(c.column())) cells[c.column()] = c;
            else if (!Values.isPlaceholder(c.asText())) {
                if (unheaded == null) unheaded = new ArrayList<>(); // made only for a row that has such cells
                unheaded.add(c);
            }
        }
        return any;
    }

    /** The reference of the row's first cell that is not blank. */
    String firstRef() { return firstRef; }

    /** The cells with a value that stand under no header. */
    List<CellValue> unheaded() { return unheaded == null ? List.of() : unheaded; }

    CellValue at(ColumnSpec spec) { return spec.index() < cells.length ? cells[spec.index()] : null; }

    /** The cell of a structural column, or null when the sheet has no such column or the row leaves it blank. */
    CellValue cell(Column role) {
        ColumnSpec spec = columns.of(role);
        return spec == null ? null : at(spec);
    }

    /** The normalised text of a structural column; null when blank or a placeholder (—, 无 …). */
    String text(Column role) {
        CellValue c = cell(role);
        if (c == null) return null;
        String t = Values.code(c); // normalised once, for the placeholder test and as the code
        if (Values.isPlaceholderNormalized(t)) return null;
        // a name is shown, not matched: as typed, full-width brackets kept (全国（示例）), only its white space dropped
        if (role == Column.NAME) return Text.withoutSpace(c.asText());
        return role == Column.PARENT || role == Column.SCHOOL || role == Column.CLASS_NAME || role == Column.STAGE || role == Column.GRADE
                ? same(role, t) : t;
    }

    /**
     * A structural column as typed, its white space dropped ({@code 一（1）班}), for showing where {@link #text}
     * gives the normalised form that identifies ({@code 一(1)班}): that very string when the two read alike,
     * and a typed form seen before when it repeats, so that a million classes do not hold a million names.
     */
    String typed(Column role, String normalized) {
        CellValue c = cell(role);
        if (c == null || normalized == null) return normalized;
        String t = Text.withoutSpace(c.asText());
        return t.equals(normalized) ? normalized : kept(t);
    }

    private String same(Column role, String t) {
        int r = role.ordinal();
        if (t.equals(lastGiven[r])) return lastKept[r];
        String kept = kept(t);
        lastGiven[r] = t;
        lastKept[r] = kept;
        return kept;
    }

    /** The string held for text equal to {@code t}, so that a text repeated over many rows is one string (up to 65,536 of them). */
    private String kept(String t) {
        String kept = repeated.get(t);
        if (kept == null) {
            kept = t;
            if (repeated.size() < 1 << 16) repeated.put(t, t);
        }
        return kept;
    }

    /** Where a problem with a structural column is reported: its cell, else its column in this row, else the row. */
    String refOf(Column role) {
        CellValue c = cell(role);
        if (c != null) return c.ref();
        ColumnSpec spec = columns.of(role);
        if (spec != null && firstRef != null) return refIn(spec);
        return firstRef;
    }

    /** The reference of this row's cell in a column. */
    String refIn(ColumnSpec spec) {
        return spec.ref().replaceAll("\\d", "") + firstRef.replaceAll("\\D", "");
    }
}
