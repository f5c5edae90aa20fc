package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.api.ExitCodes;
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

    @Test
    void a_word_document_alone_is_named_as_one_and_the_run_cannot_be_done() throws Exception {
        Path f = tmp.resolve("情况说明.xlsx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             OutputStream out = Files.newOutputStream(f)) {
            doc.createParagraph().createRun().setText("说明");
            doc.write(out);
        }

        Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", tmp.resolve("out").toString(), f.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("无法读取工作簿 " + f + "：这是 Word 文档（.docx），不是统计报表工作簿").doesNotContain("\tat ");
    }

    @Test
    void a_workbook_with_english_headers_lists_its_sheets_and_the_headers_seen() throws Exception {
        Path f = org.dudao.testing.Workbooks.create().sheet("Data").row("Region code", "Year", "Students").row("330102", 2023, 4000)
                .save(tmp.resolve("english.xlsx"));

        Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", tmp.resolve("out").toString(), f.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("所给工作簿中没有可评估的数据（未找到带年度的地区表、学校表或班级表）。读到的内容：")
                .contains(f + " Data：未识别为数据表").contains("第 1 行的表头：Region code、Year、Students")
                .contains(f + "：工作簿中没有可识别的数据表").contains("其中的工作表：Data");
    }
}
