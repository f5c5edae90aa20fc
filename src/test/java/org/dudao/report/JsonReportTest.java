package org.dudao.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.json's verdicts are turned into text chunk by chunk on several threads: the bytes must be
 * those one pretty-printing generator writes, whatever the number of chunks.
 */
class JsonReportTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static String json(Report r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The same document as one default pretty printer writes it, from the parsed tree. */
    private static String reprinted(String json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    @Test
    void the_verdicts_of_many_chunks_read_as_one_pretty_printed_document() throws IOException {
        Report many = Reports.counties(1500); // over 3,000 verdicts: several chunks
        assertThat(many.verdicts().size()).isGreaterThan(3000);
        String text = json(many);
        assertThat(text).isEqualTo(reprinted(text));
        assertThat(text).contains("\"verdicts\" : [ {").contains("}, {").contains("} ],\n  \"runProblems\"");
    }

    @Test
    void a_report_without_verdicts_has_an_empty_array() throws IOException {
        Report none = Reports.of(org.dudao.testing.TestData.create().build(), 2024);
        String text = json(none);
        assertThat(none.verdicts()).isEmpty();
        assertThat(text).contains("\"verdicts\" : [ ]").isEqualTo(reprinted(text));
    }

    @Test
    void the_sample_report_reads_as_one_pretty_printed_document() throws IOException {
        String text = json(Reports.sample());
        assertThat(text).isEqualTo(reprinted(text));
    }

    @Test
    void the_workbooks_that_could_not_be_read_and_the_parameters_used_are_fields_of_their_own() throws IOException {
        JsonNode golden = MAPPER.readTree(json(Reports.golden()));
        assertThat(golden.path("run").path("unreadable")).hasSize(1);
        assertThat(golden.path("run").path("unreadable").get(0).path("file").asText()).isEqualTo(Reports.UNREADABLE);
        assertThat(golden.path("parameters")).isEmpty();

        org.dudao.model.Dataset data = org.dudao.testing.TestData.create().county("990101", "一县").param("FUND-03提高额", "200").build();
        java.util.List<org.dudao.model.Indicator> catalogue = java.util.List.of(new org.dudao.model.Indicator("FUND-03", "义务教育生均公用经费比上年提高150元",
                "县", "change-by", ">= {FUND-03提高额|150} 元", "", null, "10-funding.drl", "FUND-03"));
        JsonNode withParameter = MAPPER.readTree(json(Reports.withVerdicts(data, catalogue, java.util.List.of())));
        JsonNode p = withParameter.path("parameters").get(0);
        assertThat(p.path("name").asText()).isEqualTo("FUND-03提高额");
        assertThat(p.path("indicators").get(0).asText()).isEqualTo("FUND-03");
        assertThat(p.path("value").decimalValue()).isEqualByComparingTo("200");
        assertThat(p.path("unit").asText()).isEqualTo("元");
        assertThat(p.path("from").asText()).isEqualTo("WORKBOOK");
        assertThat(p.path("origin").asText()).isEqualTo("test.xlsx!参数!B2");
    }
}
