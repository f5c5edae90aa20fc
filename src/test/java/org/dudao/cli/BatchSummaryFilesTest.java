package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.api.ExitCodes;
import org.dudao.testing.RegionWorkbooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * batch-summary.xlsx and batch-summary.html, read back with POI and jsoup after a batch over good,
 * broken and duplicate workbooks and a second batch after a data change.
 */
class BatchSummaryFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String FORMULA = "=HYPERLINK(\"x\")";

    @TempDir Path tmp;

    /** The sample province (two years), 乙市 (two years), a duplicate, a broken file, and a city with hostile names. */
    private Path incoming() throws IOException {
        Path in = tmp.resolve("incoming");
        Files.createDirectories(in.resolve("示例省"));
        Files.copy(Path.of(org.dudao.testing.Fixture.S2023), in.resolve("示例省/2023.xlsx"));
        Files.copy(Path.of(org.dudao.testing.Fixture.S2024), in.resolve("示例省/2024.xlsx"));
        RegionWorkbooks.city(in.resolve("乙市-2023.xlsx"), 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("乙市-2024.xlsx"), 2024, 120, 90);     // 七县 fails FUND-01
        Files.copy(in.resolve("乙市-2023.xlsx"), in.resolve("乙市-2023（重复提交）.xlsx"));
        Files.write(in.resolve("坏文件.xlsx"), "not a workbook".getBytes(StandardCharsets.UTF_8));
        RegionWorkbooks.city(in.resolve("丙市-2023.xlsx"), "770100", SCRIPT, FORMULA, "九县", 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("丙市-2024.xlsx"), "770100", SCRIPT, FORMULA, "九县", 2024, 90, 120);   // =HYPERLINK fails
        return in;
    }

    @Test
    void the_xlsx_and_html_summaries_show_regions_counts_failures_changes_and_trends() throws IOException {
        Path in = incoming();
        Path out = tmp.resolve("out");
        Cli first = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(first.out()).contains("batch-summary.xlsx").contains("batch-summary.html");

        try (Workbook wb = workbook(out)) {
            assertThat(names(wb)).containsExactly("批次概况", "各地区", "新增与整改", "趋势");
            assertThat(table(wb.getSheet("各地区"))).extracting(r -> r.get("地区代码")).containsExactlyInAnyOrder("990000", "880100", "770100");
            assertThat(table(wb.getSheet("新增与整改"))).isEmpty();   // a first run has nothing to compare with
            assertThat(row(table(wb.getSheet("各地区")), "880100").get("结果")).isEqualTo("已核查");
        }
        assertThat(html(out).select("#changes").text()).contains("没有新增不达标");

        // The corrected returns: in 乙市 六县 now fails and 七县 is fixed; in the hostile city the other way round.
        RegionWorkbooks.city(in.resolve("乙市-2024.xlsx"), 2024, 80, 130);
        RegionWorkbooks.city(in.resolve("丙市-2024.xlsx"), "770100", SCRIPT, FORMULA, "九县", 2024, 130, 80);
        Cli second = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        JsonNode json = JSON.readTree(out.resolve("batch-summary.json").toFile());

        try (Workbook wb = workbook(out)) {
            assertNoFormulas(wb);

            List<Map<String, Object>> facts = pairs(wb.getSheet("批次概况"));
            assertThat(facts).anySatisfy(r -> assertThat(r.get("k")).isEqualTo("退出码")).anySatisfy(r -> {
                assertThat(r.get("k")).isEqualTo("运行");
                assertThat(r.get("v")).isEqualTo(3.0);
            }).anySatisfy(r -> {
                assertThat(r.get("k")).isEqualTo("未变化，已跳过");
                assertThat(r.get("v")).isEqualTo(1.0);
            }).anySatisfy(r -> {
                assertThat((String) r.get("k")).endsWith("坏文件.xlsx");
                assertThat((String) r.get("v")).contains("不是 Excel 工作簿");
            }).anySatisfy(r -> {
                assertThat((String) r.get("k")).endsWith("乙市-2023（重复提交）.xlsx");
                assertThat((String) r.get("v")).endsWith("乙市-2023.xlsx");
            });

            List<Map<String, Object>> regions = table(wb.getSheet("各地区"));
            assertThat(regions).hasSize(3);
            for (Map<String, Object> r : regions) {
                // every count is the one batch-summary.json has
                JsonNode j = region(json, (String) r.get("地区代码"));
                assertThat(r.get("不达标")).isEqualTo(j.path("summary").path("FAIL").asDouble());
                assertThat(r.get("数据不足")).isEqualTo(j.path("summary").path("INSUFFICIENT_DATA").asDouble());
                assertThat(r.get("达标")).isEqualTo(j.path("summary").path("PASS").asDouble());
                assertThat(r.get("新增不达标")).isEqualTo((double) j.path("newFailures").size());
                assertThat(r.get("已整改")).isEqualTo((double) j.path("fixed").size());
            }
            Map<String, Object> city = row(regions, "880100");
            assertThat(city.get("地区")).isEqualTo("乙市");
            assertThat(city.get("结果")).isEqualTo("已核查");
            assertThat(city.get("退出码")).isEqualTo(2.0);
            assertThat(city.get("不达标")).isEqualTo(1.0);
            assertThat((String) city.get("不达标指标")).startsWith("FUND-01 ").contains("六县 880101").doesNotContain("880102");
            assertThat(city.get("新增不达标")).isEqualTo(1.0);
            assertThat(city.get("已整改")).isEqualTo(1.0);
            assertThat((String) city.get("文件夹")).contains("880100");
            Map<String, Object> province = row(regions, "990000");
            assertThat(province.get("结果")).isEqualTo("未变化，已跳过");
            assertThat(province.get("不达标")).isEqualTo(12.0);
            assertThat(row(regions, "770100").get("地区")).isEqualTo(SCRIPT);

            List<Map<String, Object>> changes = table(wb.getSheet("新增与整改"));
            List<String> cityChanges = new ArrayList<>();
            for (Map<String, Object> c : changes) {
                if (c.get("地区代码").equals("880100")) cityChanges.add(c.get("变化") + " " + c.get("指标") + " " + c.get("单位代码") + " " + c.get("单位"));
            }
            assertThat(cityChanges).containsExactly("新增不达标 FUND-01 880101 六县", "已整改 FUND-01 880102 七县");
            Map<String, Object> newFailure = changes.stream().filter(c -> "880101".equals(c.get("单位代码"))).findFirst().orElseThrow();
            assertThat(newFailure.get("上次结论")).isEqualTo("达标");
            assertThat(newFailure.get("本次结论")).isEqualTo("不达标");
            assertThat(newFailure.get("上次观测值")).isEqualTo(120.0);
            assertThat(newFailure.get("本次观测值")).isEqualTo(80.0);
            Map<String, Object> hostileFix = changes.stream().filter(c -> "770101".equals(c.get("单位代码"))).findFirst().orElseThrow();
            assertThat(hostileFix.get("变化")).isEqualTo("已整改");
            assertThat(hostileFix.get("单位")).isEqualTo(FORMULA);

            Map<String, Object> trend = table(wb.getSheet("趋势")).stream()
                    .filter(t -> "880102".equals(t.get("单位代码")) && "FUND-01".equals(t.get("指标"))).findFirst().orElseThrow();
            assertThat(trend.get("第 1 次观测值")).isEqualTo(90.0);
            assertThat(trend.get("第 2 次观测值")).isEqualTo(130.0);
            assertThat(trend.get("最新结论")).isEqualTo("达标");
            assertThat((String) trend.get("运行（评估年度）")).contains("2024年").contains(" → ");

            // Names from a workbook are text, never formulas; one that looks like a formula is quote-prefixed.
            Cell formulaLike = cellWith(wb.getSheet("新增与整改"), FORMULA);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(cellWith(wb.getSheet("趋势"), FORMULA).getCellType()).isEqualTo(CellType.STRING);
            // The header stays in view and can be filtered.
            assertThat(wb.getSheet("各地区").getPaneInformation().isFreezePane()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) wb.getSheet("各地区")).getCTWorksheet().isSetAutoFilter()).isTrue();
        }

        String page = Files.readString(out.resolve("batch-summary.html"));
        assertThat(page).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[src], [href], link")).isEmpty();
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'");

        Element cityRow = doc.selectFirst("#regions-table tr[data-region=880100]");
        Map<String, String> cells = htmlRow(doc, cityRow);
        assertThat(cells.get("地区")).isEqualTo("乙市");
        assertThat(cells.get("结果")).isEqualTo("已核查");
        assertThat(cells.get("不达标")).isEqualTo("1");
        assertThat(cells.get("不达标指标")).startsWith("FUND-01 ").contains("六县 880101");
        assertThat(cells.get("新增不达标")).isEqualTo("1");
        assertThat(cells.get("已整改")).isEqualTo("1");
        Map<String, String> provinceCells = htmlRow(doc, doc.selectFirst("#regions-table tr[data-region=990000]"));
        assertThat(provinceCells.get("结果")).isEqualTo("未变化，已跳过");
        assertThat(provinceCells.get("不达标")).isEqualTo("12");
        assertThat(htmlRow(doc, doc.selectFirst("#regions-table tr[data-region=770100]")).get("地区")).isEqualTo(SCRIPT);

        List<String> htmlChanges = new ArrayList<>();
        for (Element tr : doc.select("#changes-table tr[data-region=880100]")) {
            htmlChanges.add(tr.child(2).text() + " " + tr.child(3).text() + " " + tr.child(6).text() + " " + tr.child(8).text() + " → " + tr.child(9).text());
        }
        assertThat(htmlChanges).containsExactly("新增不达标 FUND-01 六县 达标（2024年，120 万元） → 不达标（2024年，80 万元）",
                "已整改 FUND-01 七县 不达标（2024年，90 万元） → 达标（2024年，130 万元）");
        assertThat(doc.select("#changes-table tr[data-region=770100] td").eachText()).contains(FORMULA);

        Element trendRow = null;
        for (Element tr : doc.select("table.trend[data-region=880100] tbody tr")) {
            if (tr.child(0).text().equals("FUND-01") && tr.child(2).text().equals("880102")) trendRow = tr;
        }
        assertThat(trendRow).isNotNull();
        assertThat(trendRow.children().eachText().subList(4, 6)).containsExactly("90 万元", "130 万元");
        assertThat(trendRow.child(4).hasClass("s-FAIL")).isTrue();
        assertThat(trendRow.child(5).hasClass("s-PASS")).isTrue();

        assertThat(doc.select("#problems-table").text()).contains("坏文件.xlsx").contains("不是 Excel 工作簿");
        assertThat(doc.select("#duplicates-table").text()).contains("乙市-2023（重复提交）.xlsx");
    }

    private static Workbook workbook(Path out) throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("batch-summary.xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }

    private static Document html(Path out) throws IOException {
        return Jsoup.parse(out.resolve("batch-summary.html").toFile(), "UTF-8");
    }

    private static List<String> names(Workbook wb) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) names.add(wb.getSheetName(i));
        return names;
    }

    /** A sheet whose first row is its header: one map per data row, header → value (text or number). */
    private static List<Map<String, Object>> table(Sheet sheet) {
        Row head = sheet.getRow(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (row == null) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            for (Cell h : head) m.put(h.getStringCellValue(), value(row.getCell(h.getColumnIndex())));
            rows.add(m);
        }
        return rows;
    }

    /** The two-column tables of 批次概况: k and v of every row. */
    private static List<Map<String, Object>> pairs(Sheet sheet) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : sheet) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("k", value(row.getCell(0)));
            m.put("v", value(row.getCell(1)));
            rows.add(m);
        }
        return rows;
    }

    private static Object value(Cell c) {
        if (c == null) return null;
        return c.getCellType() == CellType.NUMERIC ? (Object) c.getNumericCellValue() : c.getStringCellValue();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String key) {
        return rows.stream().filter(r -> key.equals(r.get("地区代码"))).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    private static Cell cellWith(Sheet sheet, String text) {
        for (Row row : sheet) for (Cell c : row) if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) return c;
        throw new AssertionError("no cell " + text + " in " + sheet.getSheetName());
    }

    private static void assertNoFormulas(Workbook wb) {
        for (Sheet s : wb) for (Row row : s) for (Cell c : row) assertThat(c.getCellType()).as(s.getSheetName() + " " + c.getAddress()).isNotEqualTo(CellType.FORMULA);
    }

    /** A row of the regions table, header text → cell text. */
    private static Map<String, String> htmlRow(Document doc, Element tr) {
        assertThat(tr).isNotNull();
        List<String> head = doc.select("#regions-table thead th").eachText();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < head.size(); i++) m.put(head.get(i), tr.child(i).text());
        return m;
    }

    private static JsonNode region(JsonNode summary, String key) {
        for (JsonNode r : summary.path("regions")) if (r.path("key").asText().equals(key)) return r;
        throw new AssertionError("no region " + key + " in " + summary.path("regions"));
    }
}
