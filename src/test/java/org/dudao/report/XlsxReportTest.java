package org.dudao.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxReportTest {
    private static final DataFormatter FMT = new DataFormatter();

    @TempDir Path dir;

    @Test
    void the_sample_gives_overview_matrix_one_sheet_per_failed_indicator_rectification_and_reconciliation() throws IOException {
        try (XSSFWorkbook wb = write(Reports.sample())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            // every one of the 9 shipped indicators fails for 二县, so each has its sheet
            assertThat(names).hasSize(2 + 9 + 2);
            assertThat(names.subList(0, 2)).containsExactly("总览", "矩阵");
            assertThat(names.subList(11, 13)).containsExactly("整改清单", "数据核对");
            assertThat(names.get(2)).startsWith("FUND-01 ");
            assertThat(names).allMatch(n -> n.length() <= 31);

            Sheet overview = wb.getSheet("总览");
            assertThat(valueNextTo(overview, "规则 SHA-256")).isEqualTo(Reports.sample().run().rulesSha256());
            assertThat(valueNextTo(overview, "不达标")).isEqualTo("12");
            assertThat(valueNextTo(overview, org.dudao.testing.Fixture.S2024)).hasSize(64);

            Sheet matrix = wb.getSheet("矩阵");
            assertThat(text(matrix, 0, 3)).startsWith("FUND-01");
            Row county2 = rowOf(matrix, "990102");
            assertThat(FMT.formatCellValue(county2.getCell(1))).isEqualTo("二县");
            assertThat(FMT.formatCellValue(county2.getCell(3))).isEqualTo("不达标 44000 万元");
            assertThat(FMT.formatCellValue(county2.getCell(3 + 9))).isEqualTo("9");
            assertThat(FMT.formatCellValue(rowOf(matrix, "990104").getCell(3))).isEqualTo("数据不足");
            // hierarchy order: province, city, then the counties
            assertThat(FMT.formatCellValue(matrix.getRow(1).getCell(0))).isEqualTo("990000");
            assertThat(FMT.formatCellValue(matrix.getRow(2).getCell(0))).isEqualTo("990100");
            assertThat(matrix.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(org.dudao.model.Status.values().length);
            assertThat(matrix.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0).getFormula1())
                    .isEqualTo("LEFT(D2,3)=\"不达标\"");
            assertThat(matrix.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((XSSFSheet) matrix).getCTWorksheet().isSetAutoFilter()).isTrue();

            Sheet fund = wb.getSheet(names.get(2));
            assertThat(text(fund, 1, 2)).isEqualTo("二县");
            assertThat(fund.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(44000);
            assertThat(text(fund, 1, 6)).isEqualTo("≥ 上年");
            assertThat(text(fund, 1, 7)).contains("减少 1000 万元");
            assertThat(text(fund, 1, 9)).contains("src/test/resources/fixture/sample-2024.xlsx 表1 地区!F8");

            Sheet todo = wb.getSheet("整改清单");
            assertThat(todo.getLastRowNum()).isEqualTo(12);
            assertThat(text(todo, 1, 0)).isEqualTo("1");
            // the school's failures are answered for by its county
            List<String> schoolRows = new ArrayList<>();
            for (Row r : todo) if ("学校".equals(FMT.formatCellValue(r.getCell(2)))) schoolRows.add(FMT.formatCellValue(r.getCell(1)));
            assertThat(schoolRows).containsOnly("二县").hasSize(2);
            assertThat(todo.getPaneInformation().isFreezePane()).isTrue();
            int longestName = 0;
            for (Row r : todo) if (r.getRowNum() > 0) longestName = Math.max(longestName, FMT.formatCellValue(r.getCell(6)).length());
            assertThat(todo.getColumnWidth(6)).as("a Chinese character takes two columns").isGreaterThanOrEqualTo(2 * longestName * 256);

            Sheet rec = wb.getSheet("数据核对");
            assertThat(text(rec, 0, 3)).isEqualTo("读取行数");
            assertThat(rec.getLastRowNum()).isGreaterThanOrEqualTo(5 + 2);
            assertThat(text(rec, 1, 8)).isEqualTo("平衡");
        }
    }

    @Test
    void text_from_the_input_that_looks_like_a_formula_stays_text() throws IOException {
        try (XSSFWorkbook wb = write(Reports.hostile())) {
            int quoted = 0;
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).as("%s!%s", s.getSheetName(), c.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING && XlsxSheet.looksLikeFormula(c.getStringCellValue())) {
                            assertThat(c.getCellStyle().getQuotePrefixed()).as("%s!%s", s.getSheetName(), c.getAddress()).isTrue();
                            quoted++;
                        }
                    }
                }
            }
            Row county = rowOf(wb.getSheet("矩阵"), "990101");
            assertThat(county.getCell(1).getStringCellValue()).isEqualTo(Reports.FORMULA);
            assertThat(county.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(rowOf(wb.getSheet("矩阵"), "990000").getCell(1).getStringCellValue()).isEqualTo(Reports.SCRIPT);
            assertThat(text(wb.getSheet("数据核对"), 4, 4)).isEqualTo("@SUM(1+1)*cmd|' /C calc'!A0");
            // the county's name on 矩阵, 总览, the FUND-01 sheet and 整改清单, and the problem message
            assertThat(quoted).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void formula_like_text_is_recognised() {
        for (String s : new String[]{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1"}) {
            assertThat(XlsxSheet.looksLikeFormula(s)).as(s).isTrue();
        }
        for (String s : new String[]{"", "一县", "1-2", "a=b"}) assertThat(XlsxSheet.looksLikeFormula(s)).as(s).isFalse();
    }

    @Test
    void a_sheet_stops_short_of_the_row_limit_and_says_how_many_more_there_are() throws IOException {
        Report r = Reports.counties(60); // FUND-01 fails for every third county: 20 failures, the run's only ones
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        XlsxReport.write(r, out, 16);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            Sheet fund = wb.getSheetAt(2);
            assertThat(fund.getSheetName()).startsWith("FUND-01 ");
            // header, 10 failures, the note, then the indicator notes as before: 16 rows in all
            assertThat(fund.getLastRowNum()).isEqualTo(15);
            assertThat(text(fund, 10, 0)).isEqualTo("县");
            assertThat(text(fund, 11, 0)).isEqualTo("说明");
            assertThat(text(fund, 11, 1)).contains("16 行").contains("另有 10 条").contains("report.json");
            assertThat(fund.getRow(12)).isNull();
            assertThat(text(fund, 13, 0)).isEqualTo("指标");
            assertThat(text(fund, 15, 0)).isEqualTo("依据");
            assertThat(((XSSFSheet) fund).getCTWorksheet().getAutoFilter().getRef()).as("data rows only").isEqualTo("A1:K11");

            Sheet todo = wb.getSheet("整改清单");
            assertThat(todo.getLastRowNum()).isEqualTo(15);
            assertThat(text(todo, 14, 0)).isEqualTo("14");
            assertThat(text(todo, 15, 1)).contains("另有 6 条").contains("report.json");
        }
        try (XSSFWorkbook wb = write(r)) {
            assertThat(wb.getSheetAt(2).getLastRowNum()).as("Excel's own limit leaves all 20").isEqualTo(20 + 4);
        }
    }

    @Test
    void the_same_report_gives_the_same_cells() throws IOException {
        try (XSSFWorkbook a = write(Reports.sample()); XSSFWorkbook b = write(Reports.sample())) {
            assertThat(dump(a)).isEqualTo(dump(b)).isNotEmpty();
        }
    }

    private XSSFWorkbook write(Report report) throws IOException {
        Path file = dir.resolve("report-" + System.nanoTime() + ".xlsx");
        XlsxReport.write(report, file);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> dump(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        for (Sheet s : wb) for (Row r : s) for (Cell c : r) out.add(s.getSheetName() + "!" + c.getAddress() + "=" + FMT.formatCellValue(c));
        return out;
    }

    private static String text(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null ? null : FMT.formatCellValue(r.getCell(col));
    }

    private static Row rowOf(Sheet s, String firstCell) {
        for (Row r : s) if (firstCell.equals(FMT.formatCellValue(r.getCell(0)))) return r;
        throw new AssertionError("no row " + firstCell + " in " + s.getSheetName());
    }

    private static String valueNextTo(Sheet s, String label) {
        return FMT.formatCellValue(rowOf(s, label).getCell(1));
    }
}
