package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the loader noticed reaches the console's load summary and report.json's load problems. */
class LoadNoticesCliTest {
    @TempDir Path tmp;

    @Test
    void a_hidden_sheet_whose_data_is_used_is_named_in_the_load_summary_and_in_report_json() throws Exception {
        Path f = tmp.resolve("县.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            for (String name : new String[]{"地区", "旧数据"}) {
                Sheet s = wb.createSheet(name);
                Row h = s.createRow(0), r = s.createRow(1);
                h.createCell(0).setCellValue("地区代码");
                h.createCell(1).setCellValue("层级");
                h.createCell(2).setCellValue("年度");
                r.createCell(0).setCellValue(name.equals("地区") ? "330102" : "330103");
                r.createCell(1).setCellValue("县");
                r.createCell(2).setCellValue(2023);
            }
            wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
            wb.write(out);
        }
        Path out = tmp.resolve("out");

        Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", out.toString(), f.toString());

        assertThat(r.out()).as(r.err()).contains("注意：" + f + " 中的工作表“旧数据”是隐藏的，其数据已使用（采用 1 行）");
        JsonNode problems = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("load").path("problems");
        assertThat(problems.findValuesAsText("message")).contains("工作表“旧数据”是隐藏的，其数据已使用（采用 1 行）：请确认这些数据应当计入");
    }
}
