package org.dudao.load;

import org.dudao.model.SheetTally;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one sheet row by row, in order, holding no more than its header: finds the header by its
 * columns ({@link HeaderDetector}; title and 填报单位 lines above it are passed over), joins a header
 * spread over two rows ({@link HeaderColumns}), then passes over the rows that are no data
 * ({@link RowClassifier}) and turns each data row into entities and metrics ({@link EntityRows},
 * {@link MetricCells}). Every data row ends up accepted, skipped (合计, 注) or rejected with a
 * problem naming its cell.
 */
final class SheetInterpreter {
    /** Sheets that explain a workbook rather than hold data: passed over without a warning. */
    private static final Set<String> DOCUMENTATION_SHEETS = Set.of("说明", "填表说明", "填报说明", "封面", "目录", "README", "期望结果");
    /** Excel's last column, XFD. */
    private static final int MAX_COLUMN = 16_383;

    private final SheetOutput out;
    private final MetricDictionary dictionary;
    private final HeaderDetector header;
    /** Set once the header is complete (one line, or two). */
    private HeaderColumns columns;
    private DataRow row;
    private EntityRows entities;
    private SheetTally tally;
    /** The first row of headings, while no header is recognised: what an unrecognised sheet is reported with. */
    private final UnrecognisedSheet unrecognised = new UnrecognisedSheet();
    /** Whether Excel hides the sheet (null: shown; true: very hidden). */
    private Boolean hidden;

    SheetInterpreter(String file, String sheet, MetricDictionary dictionary, DatasetBuilder out) {
        this.out = new SheetOutput(file, sheet, out);
        this.dictionary = dictionary;
        this.header = new HeaderDetector(sheet);
    }

    /** True once the sheet was found to be no data sheet: the caller may stop feeding it rows. */
    boolean givenUp() { return header.givenUp(); }

    /** The sheet is hidden in Excel: its data is used, and the load summary says so. */
    void hidden(boolean veryHidden) { hidden = veryHidden; }

    String sheet() { return out.sheet(); }

    /** True once a header was found: the sheet is a region, school, class or parameter sheet. */
    boolean recognised() { return header.found(); }

    /** One row's cells, in column order; the list may be reused by the caller once this returns. */
    void row(List<CellValue> cells) {
        cells = withinSheet(cells);
        if (columns == null && !header.found()) {
            header.look(cells);
            if (!header.found()) unrecognised.look(cells);
            return;
        }
        if (columns == null) {
            if (header.continuedBy(cells)) {
                readColumns(cells);
                return;
            }
            readColumns(List.of());
        }
        data(cells);
    }

    void end() {
        if (header.found() && columns == null) readColumns(List.of());
        if (!header.found()) {
            if (DOCUMENTATION_SHEETS.contains(Text.normalize(out.sheet()))) return;
            out.warning(null, "未识别为数据表（前 " + HeaderDetector.SCAN_ROWS
                    + " 行中没有“地区代码”“学校代码”或“参数名称”表头），已跳过" + unrecognised.describe(dictionary));
            return;
        }
        if (hidden != null && tally.getAccepted() > 0) {
            tally.hidden();
            out.warning(null, HiddenSheets.notice(out.sheet(), hidden, tally.getAccepted()));
        }
        out.facts().sheet(tally);
    }

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
                if (!c.isBlank()) out.warning(null, "单元格引用“" + c.ref() + "”无效（不是 A1 到 XFD1048576 之间的单元格），其值“"
                        + c.asText() + "”未读取");
            } else if (kept != null) {
                kept.add(c);
            }
        }
        return kept == null ? cells : kept;
    }

    /** The header is complete: its columns, and what reads the data rows under it. */
    private void readColumns(List<CellValue> secondLine) {
        SheetKind kind = header.kind();
        columns = new HeaderColumns(kind, header.row(), secondLine, dictionary, out);
        if (columns.of(Column.YEAR) == null && kind != SheetKind.PARAMS) {
            if (header.titleYear() != null) {
                out.warning(null, "没有“年度”列：按标题中的 " + header.titleYear() + "年 读取");
            } else {
                out.error(header.row().get(0).ref(), "没有“年度”列，标题中也没有年份：本表各行无法确定年度");
            }
        }
        tally = new SheetTally(out.file(), out.sheet(), kind.label());
        row = new DataRow(columns);
        entities = new EntityRows(kind, columns, header.titleYear(), dictionary, out, tally);
    }

    private void data(List<CellValue> cells) {
        if (!row.read(cells)) {
            tally.blank();
            return;
        }
        if (RowClassifier.isNoteOrTotal(cells, row.cell(Column.CODE), row.cell(Column.NAME)) || RowClassifier.isColumnNumbering(cells)) {
            tally.skipped();
            return;
        }
        for (CellValue c : row.unheaded()) out.warning(c.ref(), "此列没有表头，值“" + c.asText() + "”未读取");
        entities.read(row);
    }
}
