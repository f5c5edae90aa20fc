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
    void the_sample_gives_overview_matrix_one_sheet_per_failed_indicator_rectification_gaps_and_annexes() throws IOException {
        try (XSSFWorkbook wb = write(Reports.sample())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            // every one of the 9 shipped indicators fails for 二县, so each has its sheet
            assertThat(names).hasSize(2 + 9 + 5);
            assertThat(names.subList(0, 2)).containsExactly("总览", "矩阵");
            assertThat(names.subList(11, 16)).containsExactly("整改清单", "补报清单", "参数及其取值", "数据核对", "依据文件");
            assertThat(names.get(2)).isEqualTo("FUND-01 一般公共预算教育支出只增不减");
            assertThat(names).allMatch(n -> n.length() <= 31);

            Sheet overview = wb.getSheet("总览");
            assertThat(valueNextTo(overview, "报告")).isEqualTo("示例省2024年教育督导评估报告");
            assertThat(valueNextTo(overview, "规则 SHA-256")).isEqualTo(Reports.sample().run().rulesSha256());
            assertThat(valueNextTo(overview, "不达标")).isEqualTo("12");
            assertThat(valueNextTo(overview, "sample-2024.xlsx")).hasSize(64);
            assertThat(FMT.formatCellValue(rowOf(overview, "sample-2024.xlsx").getCell(3))).isEqualTo(org.dudao.testing.Fixture.S2024);

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
            assertThat(text(fund, 0, 4)).isEqualTo("观测值（万元）");
            assertThat(text(fund, 0, 7)).isEqualTo("比较值（万元）");
            assertThat(text(fund, 1, 2)).isEqualTo("二县");
            Cell observed = fund.getRow(1).getCell(4);
            assertThat(observed.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(observed.getNumericCellValue()).isEqualTo(44000);
            assertThat(observed.getCellStyle().getDataFormatString()).as("money to two decimals").isEqualTo("0.00");
            assertThat(fund.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(45000);
            assertThat(fund.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(1000);
            assertThat(text(fund, 1, 6)).isEqualTo("不低于上年");
            assertThat(text(fund, 1, 9)).contains("减少 1000 万元");
            assertThat(text(fund, 1, 11)).isEqualTo("sample-2024.xlsx!表1 地区!F8（一般公共预算教育支出 2024年 44000 万元）；"
                    + "sample-2023.xlsx!表1 地区!F7（一般公共预算教育支出 2023年 45000 万元）");

            Sheet todo = wb.getSheet("整改清单");
            assertThat(todo.getLastRowNum()).isEqualTo(12);
            assertThat(text(todo, 0, 8)).isEqualTo("整改要求");
            assertThat(text(todo, 1, 0)).isEqualTo("1");
            assertThat(todo.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            // the requirement says what to do, not the indicator's name and bound again
            for (Row r : todo) {
                if (r.getRowNum() == 0) continue;
                String requirement = FMT.formatCellValue(r.getCell(8));
                assertThat(requirement).isNotEqualTo(FMT.formatCellValue(r.getCell(6))).doesNotContain("（≥").doesNotContain("（= ");
            }
            assertThat(text(todo, 1, 10)).isEqualTo("《××市2022年教育工作要点》第三部分第1条");
            // the school's failures are answered for by its county
            List<String> schoolRows = new ArrayList<>();
            for (Row r : todo) if ("学校".equals(FMT.formatCellValue(r.getCell(2)))) schoolRows.add(FMT.formatCellValue(r.getCell(1)));
            assertThat(schoolRows).containsOnly("二县").hasSize(2);
            assertThat(todo.getPaneInformation().isFreezePane()).isTrue();
            int longestName = 0;
            for (Row r : todo) if (r.getRowNum() > 0) longestName = Math.max(longestName, FMT.formatCellValue(r.getCell(6)).length());
            assertThat(todo.getColumnWidth(6)).as("a Chinese character takes two columns").isGreaterThanOrEqualTo(2 * longestName * 256);

            Sheet gaps = wb.getSheet("补报清单");
            assertThat(rowOf(gaps, "990104").getCell(4).getStringCellValue()).isEqualTo("一般公共预算教育支出(万元)");

            Sheet rec = wb.getSheet("数据核对");
            assertThat(text(rec, 0, 3)).isEqualTo("读取（行）");
            assertThat(text(rec, 1, 0)).isEqualTo("sample-2023.xlsx");
            assertThat(rec.getLastRowNum()).isGreaterThanOrEqualTo(5 + 2);
            assertThat(text(rec, 1, 8)).isEqualTo("平衡");

            assertThat(text(wb.getSheet("依据文件"), 1, 0)).isEqualTo("《省委教育工委组织部2024年工作要点》（一）");
        }
    }

    @Test
    void sheet_names_keep_the_id_and_a_meaningful_name_never_cut_inside_a_bound() {
        java.util.Set<String> used = new java.util.HashSet<>();
        assertThat(XlsxReport.sheetName(indicator("CLASS-04", "大班额（56人及以上）占班级数的比例不超过5%"), used))
                .isEqualTo("CLASS-04 大班额占班级数的比例不超过5%");
        assertThat(XlsxReport.sheetName(indicator("FUND-02-HE", "普通高等学校生均一般公共预算教育经费只增不减"), used))
                .isEqualTo("FUND-02-HE 普通高等学校生均一般公共预算教育经费");
        assertThat(XlsxReport.sheetName(indicator("BAL-CV-3", "每百名学生拥有体育、艺术（美术、音乐）专任教师数的校际差异系数（按学生数加权）"), used))
                .isEqualTo("BAL-CV-3 每百名学生拥有体育、艺术专任教师数的校际差…").hasSizeLessThanOrEqualTo(31);
        assertThat(XlsxReport.shortName("一二三四五六七八九十百分比不超过12345678", 20)).isEqualTo("一二三四五六七八九十百分比");
        assertThat(XlsxReport.shortName("一二三四五六七八九十一二三四五六七12345678", 20)).as("not inside a number").isEqualTo("一二三四五六七八九十一二三四五六七…");
        // a second indicator whose name cuts to the same text stays apart
        assertThat(XlsxReport.sheetName(indicator("CLASS-04", "大班额（56人及以上）占班级数的比例不超过5%"), used)).isEqualTo("CLASS-04 大班额占班级数的比例不超过5%~2");
        assertThat(XlsxReport.sheetName(indicator("PRE-4", "幼儿园专任教师与在园幼儿之比不低于1:15"), used))
                .as("a character Excel refuses is written full width").isEqualTo("PRE-4 幼儿园专任教师与在园幼儿之比不低于1：15");
    }

    private static org.dudao.model.Indicator indicator(String id, String name) {
        return new org.dudao.model.Indicator(id, name, "县", "threshold", ">= 1", "", null, "x.drl", id);
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
            assertThat(((XSSFSheet) fund).getCTWorksheet().getAutoFilter().getRef()).as("data rows only").isEqualTo("A1:M11");

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
