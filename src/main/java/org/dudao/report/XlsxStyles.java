package org.dudao.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles report.xlsx uses, created once per workbook (a workbook has a limited number).
 * Public so that the batch summary's workbook uses the same styles.
 */
public final class XlsxStyles {
    /**
     * The workbook's default style (index 0), given to a cell that has no other: a cell without a style
     * makes SXSSF look for its column's style through XMLBeans as the row is written (7 % of the
     * sample's report.xlsx), and index 0 is written as no style at all, so the file is the same.
     */
    final CellStyle plain;
    final CellStyle header;
    final CellStyle headerQuoted;
    final CellStyle quoted;
    final CellStyle title;
    /** Number formats: a whole number, money (two decimals), any other decimal (up to four places). */
    final CellStyle integer;
    final CellStyle money;
    final CellStyle decimal;

    public XlsxStyles(Workbook wb) {
        plain = wb.getCellStyleAt(0);
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        headerQuoted = wb.createCellStyle();
        headerQuoted.cloneStyleFrom(header);
        headerQuoted.setQuotePrefixed(true);
        quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        integer = number(wb, "0");
        money = number(wb, "0.00");
        decimal = number(wb, "0.0###");
    }

    private static CellStyle number(Workbook wb, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }
}
