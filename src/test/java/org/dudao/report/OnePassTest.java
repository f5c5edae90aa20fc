package org.dudao.report;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report writers over verdicts that may wait on disk: each reads them in one pass, never by
 * index, and keeps only what it shows, with totals from the counts.
 */
class OnePassTest {
    /** 1 province, 10 cities, 100 counties, 4,500 schools: 41,499 verdicts, 12,450 failures. */
    static Report big;

    @TempDir Path dir;

    @BeforeAll
    static void build() {
        big = Reports.synthetic(10, 10, 45);
    }

    @Test
    void each_writer_reads_the_verdicts_in_one_pass_and_shows_the_first_items_with_the_full_totals() throws IOException {
        CountingVerdicts verdicts = Reports.counting(big);
        int before = verdicts.passes();
        Path xlsx = dir.resolve("report.xlsx");
        XlsxReport.write(big, xlsx);
        assertThat(verdicts.passes() - before).as("xlsx").isEqualTo(1);
        Path html = dir.resolve("report.html");
        HtmlReport.write(big, html);
        assertThat(verdicts.passes() - before).as("html").isEqualTo(2);
        Path docx = dir.resolve(DocxReport.FILE);
        DocxReport.write(big, docx);
        assertThat(verdicts.passes() - before).as("docx").isEqualTo(3);
        JsonReport.write(big, dir.resolve("report.json"));
        assertThat(verdicts.passes() - before).as("json").isEqualTo(4);

        int fails = big.counts().get(Status.FAIL);
        int syn1 = big.counts("SYN-1").get(Status.FAIL);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> text = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(text).contains("另有" + (syn1 - DocxReport.FINDINGS_LIMIT) + "条未列出，详见 report.xlsx 中该指标的工作表。")
                    .contains("另有" + (fails - DocxReport.TABLE_LIMIT) + "项未列出，见 report.xlsx 的“整改清单”。");
            assertThat(String.join("\n", text)).contains("未达标" + syn1 + "个单位：").contains("共得出评估结论" + verdicts.size() + "条")
                    .contains("省1个、市10个、县100个、学校4500所");
            assertThat(doc.getTables().get(0).getRows()).hasSize(1 + DocxReport.TABLE_LIMIT);
        }

        Document page = Jsoup.parse(html.toFile());
        assertThat(page.select("#details details")).hasSize(HtmlReport.DETAIL_LIMIT);
        assertThat(page.select("#details details[data-status=FAIL]")).hasSize(HtmlReport.DETAIL_LIMIT);
        assertThat(page.selectFirst("#details details:contains(970101第1校)").attr("data-region")).isEqualTo("970101");

        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("整改清单").getLastRowNum()).as("every failure listed").isEqualTo(fails);
            Sheet syn = wb.getSheetAt(2);
            assertThat(syn.getSheetName()).startsWith("SYN-1 ");
            assertThat(syn.getLastRowNum()).isEqualTo(syn1 + 4);
        }
    }

    @Test
    void the_view_keeps_the_first_of_each_list_and_takes_the_totals_from_the_counts() {
        ReportView view = new ReportView(big);
        int fails = view.counts().get(Status.FAIL);
        int syn1 = view.countsOfIndicator("SYN-1").get(Status.FAIL);
        assertThat(syn1).isGreaterThan(DocxReport.FINDINGS_LIMIT);
        assertThat(fails).isGreaterThan(DocxReport.TABLE_LIMIT);
        assertThat(view.total()).isEqualTo(big.verdicts().size());
        assertThat(view.firstFailures("SYN-1")).hasSize(DocxReport.FINDINGS_LIMIT).allMatch(Verdict::isFail)
                .allMatch(v -> v.getIndicator().equals("SYN-1"));
        assertThat(view.firstFailures()).hasSize(DocxReport.TABLE_LIMIT).allMatch(Verdict::isFail);
        assertThat(view.firstWarnings()).hasSize(DocxReport.WARNINGS_LIMIT);
        assertThat(view.worst()).hasSize(HtmlReport.DETAIL_LIMIT).allMatch(Verdict::isFail);
        // in hierarchy order: the province's failures first
        assertThat(view.firstFailures().get(0).getEntityCode()).isEqualTo("970000");
        assertThat(view.regions()).hasSize(1 + 10 + 100).startsWith("970000", "970100", "970101");
        assertThat(view.entityKinds().values()).containsExactly(1, 10, 100, 4500);
        assertThat(view.cell("970101", "SYN-1")).isNotNull();
    }

    @Test
    void each_region_view_is_handed_on_as_soon_as_the_verdicts_leave_the_region() throws IOException {
        Report small = Reports.synthetic(2, 3, 4);
        CountingVerdicts verdicts = Reports.counting(small);
        // where each region's stretch of verdicts ends: 9 verdicts an entity, a county with its 4 schools
        Map<String, Integer> end = new HashMap<>();
        int county = 9 * (1 + 4);
        int city = 9 + 3 * county;
        for (int c = 1; c <= 2; c++) {
            int cityStart = 9 + (c - 1) * city;
            end.put(String.format("97%02d00", c), cityStart + city);
            for (int k = 1; k <= 3; k++) end.put(String.format("97%02d%02d", c, k), cityStart + 9 + k * county);
        }
        end.put("970000", verdicts.size());

        List<String> handed = new ArrayList<>();
        Map<String, Integer> totals = new HashMap<>();
        int before = verdicts.passes();
        List<String> regions = ReportView.byRegion(small, (region, view) -> {
            // read no further than the first verdict after the region's stretch
            assertThat(verdicts.handedOut()).as(region).isEqualTo(Math.min(end.get(region) + 1, verdicts.size()));
            handed.add(region);
            totals.put(region, view.total());
        });
        assertThat(verdicts.passes() - before).isEqualTo(1);
        assertThat(handed).startsWith("970101", "970102", "970103", "970100", "970201").endsWith("970200", "970000");
        assertThat(regions).startsWith("970000", "970100", "970101").hasSize(1 + 2 + 6);
        assertThat(totals.get("970101")).isEqualTo(county);
        assertThat(totals.get("970100")).isEqualTo(city);
        assertThat(totals.get("970000")).isEqualTo(verdicts.size());
    }

    @Test
    void per_region_documents_come_from_one_pass_in_hierarchy_order() throws IOException {
        Report small = Reports.synthetic(2, 3, 4);
        CountingVerdicts verdicts = Reports.counting(small);
        int before = verdicts.passes();
        List<Path> files = DocxReport.writePerRegion(small, dir);
        assertThat(verdicts.passes() - before).isEqualTo(1);
        assertThat(files).hasSize(9);
        assertThat(files.get(0).getFileName().toString()).isEqualTo("督导报告-合成省-970000.docx");
        assertThat(files.get(1).getFileName().toString()).isEqualTo("督导报告-第1市-970100.docx");
        assertThat(files.get(2).getFileName().toString()).isEqualTo("督导报告-第1市第1县-970101.docx");
    }

    @Test
    void per_region_views_refuse_verdicts_out_of_hierarchy_order() {
        Report small = Reports.synthetic(2, 3, 4);
        List<Verdict> moved = new ArrayList<>(small.verdicts().stream().toList());
        // a school of the first county after everything else
        moved.add(moved.remove(9 * 3));
        Report shuffled = Reports.withVerdicts(small.data(), small.catalogue(), moved);
        assertThatThrownBy(() -> ReportView.byRegion(shuffled, (region, view) -> {}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("地区层级");
    }
}
