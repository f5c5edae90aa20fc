package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.EntityKind;
import org.dudao.testing.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @Test
    void the_first_screen_says_what_failed_where_and_by_how_much_ranked() throws Exception {
        Document doc = Jsoup.parse(html(Reports.sample()));
        assertThat(doc.title()).isEqualTo("示例省2024年教育督导评估报告");
        assertThat(doc.selectFirst("h1").text()).isEqualTo(doc.title());
        assertThat(doc.select("#summary .figure.s-FAIL b").text()).isEqualTo("12");
        Elements rows = doc.select("#problems table.rank tbody tr");
        assertThat(rows).hasSize(9);
        // most units first: SPED-02, KG-01 and CLASS-01 failed for two units each, the others for one
        assertThat(rows.eachAttr("data-indicator").subList(0, 3)).containsExactlyInAnyOrder("SPED-02", "KG-01", "CLASS-01");
        Element kg = doc.selectFirst("#problems tr[data-indicator=KG-01]");
        assertThat(kg.text()).contains("标准：不低于 50%");
        // the unit that misses by most comes first
        assertThat(kg.child(2).text()).isEqualTo("二县 40%（差 10 个百分点）；甲市 45%（差 5 个百分点）");
        assertThat(doc.selectFirst("#problems tr[data-indicator=FUND-01]").child(2).text()).isEqualTo("二县 44000 万元（比上年减少 1000 万元）");
        Elements regions = doc.select("#problems ol.regions li");
        assertThat(regions.first().attr("data-region")).isEqualTo("990102");
        assertThat(regions.first().text()).isEqualTo("二县 11");
    }

    @Test
    void the_matrix_has_indicators_as_rows_grouped_by_area_and_regions_as_columns() throws Exception {
        Document doc = Jsoup.parse(html(Reports.sample()));
        assertThat(doc.select("#matrix thead th[data-region]").eachAttr("data-region"))
                .containsExactly("990000", "990100", "990101", "990102", "990103", "990104", "990105");
        assertThat(doc.select("#matrix tbody tr[data-indicator]")).hasSize(9);
        assertThat(doc.select("#matrix tr.area th").eachText()).containsExactly("经费", "学前教育", "班额", "特殊教育", "规范办学");
        Element fund = doc.selectFirst("#matrix tr[data-indicator=FUND-01] td[data-region=990102]");
        assertThat(fund.attr("data-status")).isEqualTo("FAIL");
        assertThat(fund.hasClass("s-FAIL")).isTrue();
        assertThat(fund.text()).isEqualTo("✗ 44000 万元");
        assertThat(doc.selectFirst("#matrix tr[data-indicator=FUND-01] td[data-region=990104]").text()).isEqualTo("缺数据");
    }

    @Test
    void data_gaps_are_a_list_of_what_each_unit_must_supply() throws Exception {
        Document doc = Jsoup.parse(html(Reports.sample()));
        Elements gaps = doc.select("#gaps table.gaps tbody tr");
        assertThat(gaps).isNotEmpty();
        assertThat(gaps.first().children().eachText())
                .containsExactly("四县（990104）", "地区表", "一般公共预算教育支出(万元)", "2024", "FUND-01");
        assertThat(doc.select("#gaps").text()).contains("数据不足 13 条");
    }

    @Test
    void every_verdict_shows_its_evidence_by_workbook_name_and_its_source_by_document() throws Exception {
        Document doc = Jsoup.parse(html(Reports.sample()));
        Elements details = doc.select("#details details");
        assertThat(details).hasSize(66);
        assertThat(details.first().attr("data-status")).as("worst first").isEqualTo("FAIL");
        Element fundFail = doc.selectFirst("#details details[data-indicator=FUND-01][data-status=FAIL]");
        assertThat(fundFail.attr("data-region")).isEqualTo("990102");
        assertThat(fundFail.select("td").eachText()).contains("sample-2024.xlsx!表1 地区!F8").noneMatch(t -> t.contains("/"));
        assertThat(fundFail.text()).contains("依据：《省委教育工委组织部2024年工作要点》（一）第21条、《省委教育工委组织部2024年工作要点》（二）第27条；")
                .contains("整改要求：确保一般公共预算教育支出不低于上年（2024年 44000 万元，上年 45000 万元）");
        // a school's verdict is filed under its county, so the region filter finds it
        Element school = doc.selectFirst("#details details[data-indicator=SPED-02][data-status=FAIL]:contains(城关小学)");
        assertThat(school.attr("data-region")).isEqualTo("990102");
        assertThat(doc.select("#f-region option")).hasSize(8);
        assertThat(doc.select("#f-indicator option")).hasSize(10);
        assertThat(doc.select("#reconciliation tr").first().nextElementSibling().child(0).text()).isEqualTo("sample-2023.xlsx");
        assertThat(doc.select("#inputs td.path").eachText()).contains(org.dudao.testing.Fixture.S2023);
    }

    @Test
    void the_page_needs_nothing_from_the_network_and_runs_only_its_own_script() throws Exception {
        String html = html(Reports.sample());
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("[src], link, iframe, object, embed, img")).isEmpty();
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import").doesNotContain("url(");
        Elements scripts = doc.select("script");
        assertThat(scripts).hasSize(1);
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).contains("default-src 'none'");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(scripts.get(0).data().getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("script-src 'sha256-" + hash + "'");
    }

    @Test
    void the_page_has_a_print_layout() throws Exception {
        String css = HtmlReport.css();
        assertThat(css).contains("@media print").contains("@page").contains("print-color-adjust: exact");
        assertThat(css.substring(css.indexOf("@media print"))).contains(".filters, #details { display: none; }");
    }

    @Test
    void names_from_the_input_show_as_text_and_never_as_markup() throws Exception {
        String html = html(Reports.hostile());
        assertThat(html).doesNotContain(Reports.SCRIPT).doesNotContain("<img");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.selectFirst("#matrix th[data-region=990000]").ownText()).isEqualTo(Reports.SCRIPT);
        assertThat(doc.selectFirst("#matrix th[data-region=990101]").ownText()).isEqualTo(Reports.FORMULA);
        assertThat(doc.title()).startsWith(Reports.SCRIPT);
        assertThat(doc.select("#f-region option").eachText()).contains(Reports.SCRIPT + "（990000）");
        assertThat(doc.select("#reconciliation td").eachText()).contains("in<b>.xlsx!<img src=x onerror=alert(2)>!C3");
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as(e.tagName()).doesNotStartWith("on"));
        }
    }

    @Test
    void a_large_run_keeps_the_matrix_to_the_top_levels_and_the_list_to_its_limit_saying_so() throws IOException {
        Report big = Reports.counties(HtmlReport.MATRIX_COLUMNS + 20);
        Document doc = Jsoup.parse(html(big));
        Elements columns = doc.select("#matrix thead th[data-region]");
        assertThat(columns).hasSize(HtmlReport.MATRIX_COLUMNS);
        assertThat(columns.first().attr("data-region")).as("the province before its counties").isEqualTo("980000");
        int regions = new ReportView(big).regions().size();
        assertThat(doc.select("#matrix .note").text()).contains("共 " + regions + " 个地区").contains("report.xlsx");
        assertThat(doc.select("#problems ol.regions li")).hasSize(HtmlReport.TOP_REGIONS);
        assertThat(doc.select("#problems").text()).contains("全部见 report.xlsx");
    }

    @Test
    void the_same_report_gives_the_same_page() throws IOException {
        assertThat(html(Reports.sample())).isEqualTo(html(Reports.sample()));
    }

    @Test
    void text_and_attributes_keep_quotes_and_brackets_as_text_and_show_control_characters() throws Exception {
        String hostile = "县'\"&<>\u202E\u0007";
        Dataset d = TestData.create()
                .entity("990000", "一省", EntityKind.PROVINCE, null, null)
                .entity("990101", hostile, EntityKind.COUNTY, "990000", null)
                .entity("9901'\"<>&", "二县", EntityKind.COUNTY, "990000", null)
                .metric("990101", 2023, "一般公共预算教育支出", "100", "万元")
                .metric("990101", 2024, "一般公共预算教育支出", "90", "万元")
                .build();
        String html = html(Reports.of(d, 2024));
        String shown = "县'\"&<>\\u202E\\u0007";
        assertThat(html).doesNotContain("\u202E").doesNotContain("\u0007").doesNotContain(hostile.substring(0, 6));
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("#matrix th[data-region=990101]").ownText()).isEqualTo(shown);
        assertThat(doc.selectFirst("#f-region option[value=990101]").text()).isEqualTo(shown + "（990101）");
        assertThat(doc.select("#matrix th[data-region]").eachAttr("data-region")).contains("9901'\"<>&");
        assertThat(doc.select("#f-region option").eachAttr("value")).contains("9901'\"<>&");
        assertThat(doc.select("script")).hasSize(1);
    }

    static String html(Report report) throws IOException {
        return ReportText.html(new ReportView(report));
    }
}
