package org.dudao.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @Test
    void the_sample_page_has_figures_matrix_and_evidence_on_demand() throws Exception {
        Document doc = Jsoup.parse(html(Reports.sample()));
        assertThat(doc.title()).isEqualTo("教育督导评估报告（2024年）");
        assertThat(doc.select("#summary .figure.s-FAIL b").text()).isEqualTo("12");
        Elements rows = doc.select("#matrix tbody tr");
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).attr("data-region")).isEqualTo("990000");
        Element county2 = doc.selectFirst("#matrix tr[data-region=990102]");
        Element fund = county2.selectFirst("td[data-indicator=FUND-01]");
        assertThat(fund.attr("data-status")).isEqualTo("FAIL");
        assertThat(fund.hasClass("s-FAIL")).isTrue();
        assertThat(fund.ownText()).isEqualTo("不达标");
        assertThat(fund.selectFirst("small").text()).isEqualTo("44000 万元");
        assertThat(doc.select("#matrix thead th.ind")).hasSize(9);

        Elements details = doc.select("#details details");
        assertThat(details).hasSize(66);
        assertThat(details.first().attr("data-status")).as("worst first").isEqualTo("FAIL");
        Element fundFail = doc.selectFirst("#details details[data-indicator=FUND-01][data-status=FAIL]");
        assertThat(fundFail.attr("data-region")).isEqualTo("990102");
        assertThat(fundFail.select("td").eachText()).contains("表1 地区!F8", org.dudao.testing.Fixture.S2024);
        assertThat(fundFail.text()).contains("依据：").contains(Reports.sample().catalogue().get(0).source());
        // a school's verdict is filed under its county, so the region filter finds it
        Element school = doc.selectFirst("#details details[data-indicator=SPED-02][data-status=FAIL]:contains(城关小学)");
        assertThat(school.attr("data-region")).isEqualTo("990102");

        assertThat(doc.select("#f-status option")).hasSize(1 + org.dudao.model.Status.values().length);
        assertThat(doc.select("#f-region option")).hasSize(8);
        assertThat(doc.select("#f-indicator option")).hasSize(10);
        assertThat(doc.select("#reconciliation tr")).hasSize(6);
        JsonNode chart = new ObjectMapper().readTree(doc.selectFirst("#chart-data").data());
        assertThat(chart.path("byIndicator")).hasSize(9);
        assertThat(chart.path("byRegion")).hasSize(7);
        assertThat(chart.path("byRegion").get(3).path("label").asText()).isEqualTo("二县（990102）");
        assertThat(chart.path("byRegion").get(3).path("counts").get(0).asInt()).isEqualTo(9);
    }

    @Test
    void the_page_needs_nothing_from_the_network_and_runs_only_its_own_script() throws Exception {
        String html = html(Reports.sample());
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("[src], link, iframe, object, embed, img")).isEmpty();
        // the one address in the page is the SVG namespace name, which is never fetched
        assertThat(html.replace("'http://www.w3.org/2000/svg'", "")).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import").doesNotContain("url(");
        Elements scripts = doc.select("script");
        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0).attr("type")).isEqualTo("application/json");
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).contains("default-src 'none'");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(scripts.get(1).data().getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("script-src 'sha256-" + hash + "'");
    }

    @Test
    void names_from_the_input_show_as_text_and_never_as_markup() throws Exception {
        String html = html(Reports.hostile());
        assertThat(html).doesNotContain(Reports.SCRIPT).doesNotContain("<img");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(2);
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.selectFirst("#matrix tr[data-region=990000] th").ownText()).isEqualTo(Reports.SCRIPT);
        assertThat(doc.selectFirst("#matrix tr[data-region=990101] th").ownText()).isEqualTo(Reports.FORMULA);
        assertThat(doc.select("#f-region option").eachText()).contains(Reports.SCRIPT + "（990000）");
        assertThat(doc.select("#reconciliation td").eachText()).contains("in<b>.xlsx <img src=x onerror=alert(2)>!C3");
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as(e.tagName()).doesNotStartWith("on"));
        }
        // in the JSON the chart reads, no tag can close the script element
        String json = doc.selectFirst("#chart-data").data();
        assertThat(json).doesNotContain("<").doesNotContain(">");
        assertThat(new ObjectMapper().readTree(json).path("byRegion").get(0).path("label").asText()).isEqualTo(Reports.SCRIPT + "（990000）");
    }

    @Test
    void a_large_run_keeps_summaries_and_caps_the_rows_saying_so() throws IOException {
        Report big = Reports.counties(HtmlReport.MATRIX_LIMIT + 20);
        Document doc = Jsoup.parse(html(big));
        assertThat(doc.select("#matrix tbody tr")).hasSize(HtmlReport.MATRIX_LIMIT);
        int regions = new ReportView(big).regions().size();
        assertThat(regions).isGreaterThan(HtmlReport.MATRIX_LIMIT);
        assertThat(doc.select("#matrix .note").text()).contains("共 " + regions + " 个地区").contains("report.xlsx");
        assertThat(doc.select("#details details")).hasSize(HtmlReport.DETAIL_LIMIT);
        assertThat(doc.select("#details .note").text()).contains("report.json");
        assertThat(doc.select("#details details").first().attr("data-status")).isEqualTo("FAIL");
        JsonNode chart = new ObjectMapper().readTree(doc.selectFirst("#chart-data").data());
        assertThat(chart.path("byRegion")).hasSize(HtmlReport.CHART_REGIONS);
        assertThat(chart.path("byRegion").get(0).path("counts").get(0).asInt()).as("most failures first").isGreaterThan(0);
    }

    @Test
    void the_same_report_gives_the_same_page() throws IOException {
        assertThat(html(Reports.sample())).isEqualTo(html(Reports.sample()));
    }

    @Test
    void the_chart_data_has_its_keys_in_a_fixed_order() {
        // the same bytes in every run, not only within one JVM
        assertThat(HtmlReport.chartData(new ReportView(Reports.sample())))
                .startsWith("{\"statuses\":[{\"key\":\"FAIL\",\"label\":\"不达标\",\"color\":\"#d9534f\"},");
    }

    @Test
    void escaping_replaces_every_character_that_can_end_text_or_an_attribute() {
        assertThat(Html.esc("<a href=\"x\" title='y'>&amp;</a>")).isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.esc("二县")).isEqualTo("二县");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.scriptJson("{\"a\":\"</script><!--&\"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\"}");
    }

    static String html(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(new ReportView(report), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
