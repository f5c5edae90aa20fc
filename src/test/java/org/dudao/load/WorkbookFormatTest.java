package org.dudao.load;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.model.LoadProblem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@link org.dudao.testing.Workbooks} helper cannot build: the old .xls format (read with
 * HSSF rather than streamed) and cells holding an Excel error value. Built with POI directly.
 */
class WorkbookFormatTest {
    @TempDir Path dir;

    private static Path write(Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    /** The same messy sheet in either format: title, two-line merged header, numeric code, text number, %, 合计. */
    private static void fill(Workbook wb) {
        Sheet s = wb.createSheet("表1");
        CellStyle pct = wb.createCellStyle();
        pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        s.createRow(0).createCell(0).setCellValue("2023年示例县教育统计表");
        Row h1 = s.createRow(1);
        String[] top = {"地区代码", "地区名称", "层级", "年度", "经费", null, "体质健康合格率(%)"};
        for (int i = 0; i < top.length; i++) if (top[i] != null) h1.createCell(i).setCellValue(top[i]);
        Row h2 = s.createRow(2);
        h2.createCell(4).setCellValue("一般公共预算教育支出（亿元）");
        h2.createCell(5).setCellValue("生均一般公共预算教育经费(元)");
        for (int c : new int[]{0, 1, 2, 3, 6}) s.addMergedRegion(new CellRangeAddress(1, 2, c, c));
        s.addMergedRegion(new CellRangeAddress(1, 1, 4, 5));
        Row d = s.createRow(3);
        d.createCell(0).setCellValue(339911);
        d.createCell(1).setCellValue("一县");
        d.createCell(2).setCellValue("县");
        d.createCell(3).setCellValue("2023年");
        d.createCell(4).setCellValue(3.3);
        d.createCell(5).setCellValue(" 12,345.6 ");
        d.createCell(6).setCellValue(0.853);
        d.getCell(6).setCellStyle(pct);
        Row t = s.createRow(4);
        t.createCell(1).setCellValue("合计");
        t.createCell(4).setCellValue(3.3);
    }

    @Test
    void anOldXlsWorkbookLoadsExactlyLikeAnXlsx() throws IOException {
        HSSFWorkbook xls = new HSSFWorkbook();
        fill(xls);
        XSSFWorkbook xlsx = new XSSFWorkbook();
        fill(xlsx);
        Path a = write(xls, dir.resolve("old.xls"));
        Path b = write(xlsx, dir.resolve("new.xlsx"));

        for (Path f : new Path[]{a, b}) {
            Loaded l = Loaded.load(f);
            assertThat(l.result.unreadable()).isEmpty();
            assertThat(l.dataset.entities()).containsOnlyKeys("339911");
            assertThat(l.value("339911", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
            assertThat(l.value("339911", 2023, "生均一般公共预算教育经费")).isEqualByComparingTo("12345.6");
            assertThat(l.value("339911", 2023, "体质健康合格率")).isEqualByComparingTo("85.3");
            assertThat(l.metric("339911", 2023, "体质健康合格率").getOrigin().ref()).isEqualTo("表1!G4");
            assertThat(l.metric("339911", 2023, "体质健康合格率").getOrigin().getFile()).isEqualTo(f.toString());
            l.assertTally("表1", 2, 1, 1, 0);
            assertThat(l.problems()).as(l.problemsText()).isEmpty();
        }
        // and the two together agree: no conflict
        Loaded both = Loaded.load(a, b);
        assertThat(both.value("339911", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
        assertThat(both.problems()).as(both.problemsText()).isEmpty();
    }

    @Test
    void anExcelErrorValueIsAProblemOnItsCell() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("表1");
        Row h = s.createRow(0);
        String[] header = {"地区代码", "层级", "年度", "生均一般公共预算教育经费(元)", "在校学生数(人)"};
        for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
        Row d = s.createRow(1);
        d.createCell(0).setCellValue(330102);
        d.createCell(1).setCellValue("县");
        d.createCell(2).setCellValue(2023);
        d.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
        d.createCell(4).setCellValue(0);
        Path f = write(wb, dir.resolve("error.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "生均一般公共预算教育经费")).isEmpty();
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("0");
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("错误值").contains("#DIV/0!");
        });
        l.assertTally("表1", 1, 1, 0, 0);
    }
}
