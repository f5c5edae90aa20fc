package org.dudao.load;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A hidden sheet's data is used, and the load says so: a person checking the workbook in Excel would not see it. */
class HiddenSheetTest {
    @TempDir Path dir;

    /** Three region sheets: shown, hidden, very hidden; and a hidden sheet with no data (no notice). */
    static Path workbook(Workbook wb, Path file) throws Exception {
        String[] names = {"地区", "隐藏", "深藏", "备用"};
        for (int i = 0; i < names.length; i++) {
            Sheet s = wb.createSheet(names[i]);
            Row h = s.createRow(0);
            String[] header = {"地区代码", "层级", "年度", "在校学生数"};
            for (int c = 0; c < header.length; c++) h.createCell(c).setCellValue(header[c]);
            if (i == 3) continue;
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("33010" + (i + 1));
            r.createCell(1).setCellValue("县");
            r.createCell(2).setCellValue(2023);
            r.createCell(3).setCellValue(100 + i);
        }
        wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
        wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
        wb.setSheetVisibility(3, SheetVisibility.HIDDEN);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    @Test
    void xlsx() throws Exception {
        check(workbook(new XSSFWorkbook(), dir.resolve("hidden.xlsx")));
    }

    @Test
    void xls() throws Exception {
        check(workbook(new HSSFWorkbook(), dir.resolve("hidden.xls")));
    }

    private static void check(Path f) {
        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("101");
        assertThat(l.value("330103", 2023, "在校学生数")).isEqualByComparingTo("102");
        assertThat(l.dataset.sheets()).filteredOn(SheetTally::isHidden).extracting(SheetTally::getSheet).containsExactly("隐藏", "深藏");
        assertThat(l.problems()).filteredOn(p -> p.message().contains("隐藏")).extracting(LoadProblem::sheet, LoadProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("隐藏", "工作表“隐藏”是隐藏的，其数据已使用（采用 1 行）：请确认这些数据应当计入"),
                        org.assertj.core.groups.Tuple.tuple("深藏", "工作表“深藏”是深度隐藏（veryHidden，Excel 中无法直接取消隐藏）的，其数据已使用（采用 1 行）：请确认这些数据应当计入"));
        assertThat(l.problems()).filteredOn(p -> p.message().contains("隐藏")).allMatch(p -> p.severity() == LoadProblem.Severity.WARNING
                && p.file().equals(f.toString()));
    }
}
