package org.dudao.load;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a sheet's header among its first rows by the columns it names (地区代码, 学校代码 with 班级, 参数名称
 * …), passing over the title and 填报单位 lines above it, from which it keeps a year ({@code 2024年…统计表})
 * for a sheet without a 年度 column; and tells a second header line under it from the first data row.
 */
final class HeaderDetector {
    /** How far down a header is looked for before the sheet is taken as not a data sheet. */
    static final int SCAN_ROWS = 30;

    private int rowsBefore;
    private Integer titleYear;
    private SheetKind kind;
    private List<CellValue> row;

    HeaderDetector(String sheet) {
        Values.yearInTitle(sheet).ifPresent(y -> titleYear = y);
    }

    boolean found() { return kind != null; }

    /** True once the sheet was found to be no data sheet: the caller may stop feeding it rows. */
    boolean givenUp() { return kind == null && rowsBefore > SCAN_ROWS; }

    SheetKind kind() { return kind; }

    /** The header row's cells (the first line of a header over two). */
    List<CellValue> row() { return row; }

    /** The year a title above the header, or the sheet's name, gives; null when none does. */
    Integer titleYear() { return titleYear; }

    /** A row above the header: it is the header when it names the key columns of a kind of sheet, else a title may give the year. */
    void look(List<CellValue> cells) {
        rowsBefore++;
        Set<String> names = new HashSet<>();
        for (CellValue c : cells) {
            if (c.kind() == CellValue.Kind.TEXT) names.add(Text.Header.parse(c.text()).name());
        }
        SheetKind k = Column.kindOf(names);
        if (k == null) {
            if (titleYear == null) {
                for (CellValue c : cells) {
                    if (c.kind() == CellValue.Kind.TEXT) Values.yearInTitle(c.text()).ifPresent(y -> titleYear = y);
                }
            }
            return;
        }
        kind = k;
        row = List.copyOf(cells); // the reader reuses its list for the next row
    }

    /** A second header line: no code in the key column, and only words (no numbers) in the rest. */
    boolean continuedBy(List<CellValue> cells) {
        int keyColumn = -1;
        for (CellValue c : row) {
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
        return any && !RowClassifier.isNoteOrTotal(cells, null, null);
    }
}
