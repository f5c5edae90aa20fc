package org.dudao.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import java.math.BigDecimal;

/**
 * Writes one streamed sheet row by row. A number is a numeric cell with a number format (two decimals
 * for money, see {@link Num}); text is always a string cell, never a formula, with control and bidi
 * characters made visible ({@link Shown#clean}), and text
 * that a spreadsheet would read as a formula when edited (starting with = + - @, tab or CR) gets
 * the quote-prefix style, as Excel's leading apostrophe. Column widths follow the widest cell in
 * display columns, so Chinese text (two columns a character) fits.
 * Public so that the batch summary (org.dudao.batch) writes its sheets the same way.
 */
public final class XlsxSheet {
    private static final int MAX_WIDTH = 60;
    private static final int MAX_TEXT = 32_767;

    private final SXSSFSheet sheet;
    private final XlsxStyles styles;
    private final int[] widths = new int[256];
    private int next;
    private int maxColumn;

    /** A number with its unit, formatted by the unit: money (元, 万元, 亿元) to two decimals. */
    public record Num(BigDecimal value, String unit) {}

    public XlsxSheet(SXSSFSheet sheet, XlsxStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    public int rowIndex() { return next; }

    /** A header row: bold, filled. */
    public XlsxSheet header(Object... cells) { return write(styles.header, cells); }

    public XlsxSheet row(Object... cells) { return write(null, cells); }

    public XlsxSheet blank() {
        next++;
        return this;
    }

    /** Freezes the rows above {@code rows} and the columns left of {@code cols}. */
    public XlsxSheet freeze(int cols, int rows) {
        sheet.createFreezePane(cols, rows);
        return this;
    }

    /** Puts a filter on the header row {@code headerRow} and the data rows under it written so far. */
    public XlsxSheet filter(int headerRow, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns - 1));
        return this;
    }

    /** Sets each column's width to its widest cell (capped); a header's width counts too. */
    public void fitColumns(int minWidth) {
        for (int c = 0; c <= maxColumn; c++) {
            int w = Math.min(MAX_WIDTH, Math.max(minWidth, widths[c] + 2));
            sheet.setColumnWidth(c, w * 256);
        }
    }

    public void width(int column, int chars) { sheet.setColumnWidth(column, chars * 256); }

    public SXSSFSheet sheet() { return sheet; }

    private XlsxSheet write(CellStyle style, Object... cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.length && i < widths.length; i++) {
            Object v = cells[i];
            if (v == null || v instanceof Num n && n.value() == null) continue;
            Cell cell = row.createCell(i);
            String shown;
            if (v instanceof Number || v instanceof Num) {
                String unit = v instanceof Num n ? n.unit() : null;
                BigDecimal d = v instanceof Num n ? n.value() : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(style != null ? style : numberStyle(d, unit));
                shown = d.stripTrailingZeros().toPlainString();
            } else {
                shown = text(cell, v.toString(), style);
            }
            widths[i] = Math.max(widths[i], TextTable.displayWidth(shown.length() > 200 ? shown.substring(0, 200) : shown));
            maxColumn = Math.max(maxColumn, i);
        }
        return this;
    }

    private CellStyle numberStyle(BigDecimal d, String unit) {
        if (unit != null && unit.contains("元")) return styles.money;
        return d.stripTrailingZeros().scale() <= 0 ? styles.integer : styles.decimal;
    }

    private String text(Cell cell, String s, CellStyle style) {
        String c = Shown.clean(s);
        String t = c.length() > MAX_TEXT ? c.substring(0, MAX_TEXT - 1) + "…" : c;
        cell.setCellValue(t);
        if (looksLikeFormula(t)) cell.setCellStyle(style == styles.header ? styles.headerQuoted : styles.quoted);
        else cell.setCellStyle(style != null ? style : styles.plain);
        return t;
    }

    /** True for text a spreadsheet would take as a formula or command if a user re-entered it. */
    static boolean looksLikeFormula(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋' || c == '－' || c == '＠';
    }
}
