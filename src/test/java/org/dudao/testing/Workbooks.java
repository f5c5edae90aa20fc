package org.dudao.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Builds workbooks for tests and sample data, row by row, as offices lay them out:
 * {@code Workbooks.create().sheet("表1").row("地区代码", "年度").row(330102, "2023年").save(path)}.
 * A cell value is a String, a Number, a Boolean, null (blank), or one of {@link #percent},
 * {@link #formula}, {@link #date}.
 */
public final class Workbooks {
    private final Workbook wb = new XSSFWorkbook();
    private Sheet sheet;
    private CellStyle percentStyle;
    private CellStyle dateStyle;

    private Workbooks() {}

    public static Workbooks create() { return new Workbooks(); }

    /** A number shown as a percentage (0.853 shown as 85.3%). */
    public record Percent(double fraction) {}

    /** A formula; with {@code cached} null it has no cached value, as files saved by some tools. */
    public record Formula(String formula, Double cached) {}

    public record DateValue(LocalDate date) {}

    public static Percent percent(double fraction) { return new Percent(fraction); }

    public static Formula formula(String f, Double cached) { return new Formula(f, cached); }

    public static DateValue date(LocalDate d) { return new DateValue(d); }

    public Workbooks sheet(String name) {
        sheet = wb.createSheet(name);
        return this;
    }

    /** Appends a row after the last one. */
    public Workbooks row(Object... values) {
        int r = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        return rowAt(r, values);
    }

    /** Leaves a blank row. */
    public Workbooks blankRow() {
        int r = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        sheet.createRow(r);
        return this;
    }

    public Workbooks rowAt(int r, Object... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) continue;
            Cell c = row.createCell(i);
            if (v instanceof String s) c.setCellValue(s);
            else if (v instanceof Number n) c.setCellValue(n.doubleValue());
            else if (v instanceof Boolean b) c.setCellValue(b);
            else if (v instanceof Percent p) {
                c.setCellValue(p.fraction());
                c.setCellStyle(percentStyle());
            } else if (v instanceof DateValue d) {
                c.setCellValue(d.date());
                c.setCellStyle(dateStyle());
            } else if (v instanceof Formula f) {
                c.setCellFormula(f.formula());
                if (f.cached() != null) c.setCellValue(f.cached());
            } else throw new IllegalArgumentException("unsupported cell value " + v);
        }
        return this;
    }

    /** Merges a range such as {@code F3:G3}, as a two-line header does. */
    public Workbooks merge(String range) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(range));
        return this;
    }

    private CellStyle percentStyle() {
        if (percentStyle == null) {
            percentStyle = wb.createCellStyle();
            percentStyle.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        }
        return percentStyle;
    }

    private CellStyle dateStyle() {
        if (dateStyle == null) {
            dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }
        return dateStyle;
    }

    public Path save(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.close();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
