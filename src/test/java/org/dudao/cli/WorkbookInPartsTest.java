package org.dudao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.engine.StreamingEvaluator;
import org.dudao.synthetic.NationalDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workbook of three provinces read in parts, as a workbook too large for the heap is read, gives the
 * report of the same workbook read whole: in parts of one county each (its schools and classes, with
 * copies of its city and province), the provinces' and cities' roll-ups added up from their counties'
 * tallies; and in parts of one province each.
 */
class WorkbookInPartsTest {
    @TempDir static Path tmp;
    static Path workbook;

    @BeforeAll
    static void generate() throws Exception {
        workbook = tmp.resolve("one.xlsx");
        NationalDataGenerator.Summary s = new NationalDataGenerator(5, 1.0, 2024).writeOneWorkbook(workbook, 201, 2, 8);
        assertThat(s.counties()).isEqualTo(201);
        assertThat(s.classes()).isEqualTo(201 * 8);
    }

    /** A run with every workbook read in the smallest parts there are: one county each (or one province each). */
    private static Cli inParts(String... args) {
        return inPartsBy("county", args);
    }

    private static Cli inPartsBy(String by, String... args) {
        System.setProperty(StreamingEvaluator.PARTS_ABOVE_PROPERTY, "0");
        System.setProperty(StreamingEvaluator.PART_RECORDS_PROPERTY, "1");
        System.setProperty(StreamingEvaluator.PARTS_BY_PROPERTY, by);
        try {
            return Cli.run(args);
        } finally {
            System.clearProperty(StreamingEvaluator.PARTS_ABOVE_PROPERTY);
            System.clearProperty(StreamingEvaluator.PART_RECORDS_PROPERTY);
            System.clearProperty(StreamingEvaluator.PARTS_BY_PROPERTY);
        }
    }

    @Test
    void a_workbook_read_county_by_county_gives_the_report_of_the_workbook_read_whole() throws Exception {
        Path whole = tmp.resolve("whole-c");
        Path parts = tmp.resolve("counties");
        Cli a = Cli.run("evaluate", "--out", whole.toString(), "--format", "json", workbook.toString());
        Cli b = inParts("evaluate", "--by-workbook", "--progress", "--out", parts.toString(), "--format", "json", workbook.toString());
        // a part per county: the progress says so and names each
        assertThat(b.err()).contains("大工作簿按县分块读取", "的第 1/201 部分", "的第 201/201 部分");
        assertSameReports(a, whole, b, parts);
    }

    @Test
    void a_workbook_read_province_by_province_gives_the_report_of_the_workbook_read_whole() throws Exception {
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        Cli a = Cli.run("evaluate", "--out", whole.toString(), "--format", "json", workbook.toString());
        Cli b = inPartsBy("province", "evaluate", "--by-workbook", "--progress", "--out", parts.toString(), "--format", "json", workbook.toString());
        // three parts, one per province: the progress names each
        assertThat(b.err()).contains("大工作簿按省分块读取", "的第 1/3 部分", "的第 2/3 部分", "的第 3/3 部分");
        assertSameReports(a, whole, b, parts);
    }

    private static void assertSameReports(Cli a, Path whole, Cli b, Path parts) throws Exception {
        assertThat(b.exit()).isEqualTo(a.exit());
        assertThat(b.out().replace(parts.toString(), "OUT")).isEqualTo(a.out().replace(whole.toString(), "OUT"));
        ObjectMapper m = new ObjectMapper();
        ObjectNode ja = (ObjectNode) m.readTree(whole.resolve("report.json").toFile());
        ObjectNode jb = (ObjectNode) m.readTree(parts.resolve("report.json").toFile());
        ((ObjectNode) ja.path("run")).remove("time");
        ((ObjectNode) jb.path("run")).remove("time");
        assertThat(jb.path("verdicts").size()).isGreaterThan(2000);
        assertThat(jb).isEqualTo(ja);
    }

    @Test
    void a_first_province_without_the_latest_year_does_not_decide_the_year_evaluated() throws Exception {
        Path file = tmp.resolve("years.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("地区");
            Object[][] rows = {{"地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)"},
                    {"110000", "省一", null, "省", 2023, 100}, {"120000", "省二", null, "省", 2023, 100}, {"120000", "省二", null, "省", 2024, 90}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof String t) row.createCell(c).setCellValue(t);
                    else if (rows[r][c] instanceof Integer n) row.createCell(c).setCellValue(n);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        Path whole = tmp.resolve("years-whole");
        Path parts = tmp.resolve("years-parts");
        Cli a = Cli.run("evaluate", "--out", whole.toString(), "--format", "json", file.toString());
        Cli b = inParts("evaluate", "--by-workbook", "--progress", "--out", parts.toString(), "--format", "json", file.toString());
        assertThat(b.err()).contains("的第 2/2 部分");
        assertThat(a.out()).contains("评估年度：2024 年");
        assertThat(b.out().replace(parts.toString(), "OUT")).isEqualTo(a.out().replace(whole.toString(), "OUT"));
    }

    @Test
    void the_parts_files_are_removed_once_loaded() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scratch"));
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", dir.toString());
        try {
            Cli r = inParts("evaluate", "--by-workbook", "--out", tmp.resolve("out").toString(), "--format", "json", workbook.toString());
            assertThat(r.err()).isEmpty();
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("dudao-part-") || n.startsWith("dudao-read-"));
        }
    }
}
