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
 * those one generator writes (indented up to {@link JsonReport#PRETTY_LIMIT} verdicts, compact above),
 * whatever the number of chunks and threads; evidence refers to the values table by index.
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
    void the_verdicts_of_many_chunks_read_as_one_compact_document_whatever_the_threads() throws IOException {
        Report many = Reports.counties(1500); // over 3,000 verdicts: several chunks, above the limit for indenting
        assertThat(many.verdicts().size()).isGreaterThan(3000);
        String text = json(many);
        assertThat(text).isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(text)) + "\n").doesNotContain("\n  ");
        assertThat(text).contains("\"verdicts\":[{").contains("},{").contains("}],\"files\":[");
        assertThat(written(many, 1)).isEqualTo(written(many, 3));
        assertEvidenceIsTheVerdicts(many, MAPPER.readTree(text));
    }

    @Test
    void the_sample_report_keeps_each_cited_value_once_and_its_evidence_refers_to_them() throws IOException {
        Report sample = Reports.sample();
        JsonNode tree = MAPPER.readTree(json(sample));
        assertThat(tree.path("schema").asText()).isEqualTo("dudao.report/2");
        java.util.Set<JsonNode> distinct = new java.util.HashSet<>();
        tree.path("values").forEach(distinct::add);
        assertThat(distinct).hasSize(tree.path("values").size()).isNotEmpty();
        java.util.Set<String> files = new java.util.HashSet<>();
        tree.path("files").forEach(f -> files.add(f.asText()));
        assertThat(files).hasSize(tree.path("files").size()).isNotEmpty();
        assertThat(assertEvidenceIsTheVerdicts(sample, tree)).isGreaterThan(distinct.size()); // cited more than once, kept once
        // what every verdict of an indicator repeats is said once: its name and source in indicators, the labels in statusLabels
        assertThat(tree.path("statusLabels").path("FAIL").asText()).isEqualTo("不达标");
        for (JsonNode v : tree.path("verdicts")) assertThat(v.has("name") || v.has("source") || v.has("statusLabel")).as(v.toString()).isFalse();
    }

    /** Resolving each verdict's evidence through values and files gives back the verdict's own cited values. */
    private static int assertEvidenceIsTheVerdicts(Report report, JsonNode tree) {
        JsonNode values = tree.path("values"), files = tree.path("files");
        int i = 0, cited = 0;
        for (org.dudao.model.Verdict v : report.verdicts()) {
            JsonNode evidence = tree.path("verdicts").get(i++).path("evidence");
            assertThat(evidence).hasSize(v.getEvidence().size());
            for (int k = 0; k < evidence.size(); k++) {
                org.dudao.model.Metric m = v.getEvidence().get(k);
                JsonNode row = values.get(evidence.get(k).asInt());
                assertThat(files.get(row.path("file").asInt()).asText()).isEqualTo(m.getOrigin().getFile());
                assertThat(row.path("sheet").asText() + "!" + row.path("cell").asText()).isEqualTo(m.getOrigin().getSheet() + "!" + m.getOrigin().getCell());
                assertThat(row.path("metric").asText() + row.path("entity").asText() + row.path("year").asInt())
                        .isEqualTo(m.getKey() + m.getEntityCode() + m.getYear());
                if (m.getValue() != null) assertThat(row.path("value").decimalValue()).isEqualByComparingTo(m.getValue());
                cited++;
            }
        }
        return cited;
    }

    @Test
    void a_roll_up_lists_as_many_children_as_the_html_report_and_counts_them_all() throws IOException {
        org.dudao.model.Dataset data = org.dudao.testing.TestData.create().county("990101", "一县").build();
        java.util.List<org.dudao.model.ChildFinding> kids = new java.util.ArrayList<>();
        for (int k = 0; k < HtmlReport.CHILD_LIMIT + 7; k++) {
            kids.add(new org.dudao.model.ChildFinding("99010100" + k, "第" + k + "校", org.dudao.model.Status.FAIL, "不达标",
                    java.util.List.of(new org.dudao.model.Origin("in/县.xlsx", "表2 学校", "C" + (k + 2)))));
        }
        org.dudao.model.Verdict v = org.dudao.model.Verdict.restore("SCH-01", org.dudao.model.EntityKind.COUNTY, "990101", "一县", null, 2024)
                .name("学校指标").status(org.dudao.model.Status.FAIL).children(kids).build();
        JsonNode tree = MAPPER.readTree(json(Reports.withVerdicts(data, java.util.List.of(), java.util.List.of(v))));
        JsonNode verdict = tree.path("verdicts").get(0);
        assertThat(verdict.path("name").asText()).as("not in the catalogue: its own name is kept").isEqualTo("学校指标");
        assertThat(verdict.path("childrenCount").asInt()).isEqualTo(HtmlReport.CHILD_LIMIT + 7);
        assertThat(verdict.path("children")).hasSize(HtmlReport.CHILD_LIMIT);
        JsonNode cell = verdict.path("children").get(3).path("cells").get(0);
        assertThat(tree.path("files").get(cell.path("file").asInt()).asText()).isEqualTo("in/县.xlsx");
        assertThat(cell.path("cell").asText()).isEqualTo("C5");
    }

    @Test
    void the_writer_remembers_a_bounded_number_of_cited_values_however_many_the_run_cites() throws IOException {
        int remembered = 500;
        try (CitedValues cited = new CitedValues(HtmlReport.CHILD_LIMIT, java.util.List.of(), JsonReport.FACTORY, false, remembered)) {
            int[] retained = new int[20];
            for (int block = 0; block < retained.length; block++) {
                cited.add(countyBlock(block, 300)); // a county's verdicts, each citing two values no other block cites
                retained[block] = cited.retained();
            }
            assertThat(cited.count()).isEqualTo(20 * 300 * 2);
            assertThat(retained[retained.length - 1]).as("held after 20 blocks as after 2").isEqualTo(retained[1]).isEqualTo(remembered);
        }
    }

    @Test
    void equal_values_held_in_different_objects_get_one_row_as_the_same_object_cited_twice_does() throws IOException {
        java.util.function.Supplier<org.dudao.model.Metric> value = () -> new org.dudao.model.Metric("990101", 2024, "在校学生数",
                new java.math.BigDecimal("1200"), null, "人", new org.dudao.model.Origin("in/县.xlsx", "学校", "F7"));
        org.dudao.model.Metric first = value.get(), equal = value.get();
        org.dudao.model.Metric other = new org.dudao.model.Metric("990101", 2024, "在校学生数", new java.math.BigDecimal("1200.0"), null, "人",
                new org.dudao.model.Origin("in/县.xlsx", "学校", "F7"));
        java.util.List<org.dudao.model.Verdict> chunk = new java.util.ArrayList<>();
        for (java.util.List<org.dudao.model.Metric> cites : java.util.List.of(java.util.List.of(first, first), java.util.List.of(equal, other, first))) {
            chunk.add(org.dudao.model.Verdict.restore("SCH-01", org.dudao.model.EntityKind.COUNTY, "990101", "一县", null, 2024)
                    .status(org.dudao.model.Status.PASS).evidence(cites).build());
        }
        try (CitedValues cited = new CitedValues(HtmlReport.CHILD_LIMIT, java.util.List.of(), JsonReport.FACTORY, false, 10)) {
            org.dudao.engine.VerdictJson.Refs refs = cited.add(chunk);
            assertThat(cited.count()).as("1200 and 1200.0 are written apart, as the report shows them").isEqualTo(2);
            assertThat(refs.value(equal)).isEqualTo(refs.value(first)).isZero();
            assertThat(refs.value(other)).isEqualTo(1);
            org.dudao.engine.VerdictJson.Refs next = cited.add(java.util.List.of(chunk.get(1)));
            assertThat(cited.count()).as("remembered from the chunk before").isEqualTo(2);
            assertThat(next.value(equal)).isZero();
            assertThat(next.value(other)).isEqualTo(1);
        }
    }

    /** {@code n} verdicts of one county, each citing its own 2023 and 2024 values. */
    private static java.util.List<org.dudao.model.Verdict> countyBlock(int block, int n) {
        java.util.List<org.dudao.model.Verdict> out = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            String entity = String.format("98%02d%04d", block, k);
            java.util.List<org.dudao.model.Metric> cited = new java.util.ArrayList<>();
            for (int year = 2023; year <= 2024; year++) {
                cited.add(new org.dudao.model.Metric(entity, year, "在校学生数", java.math.BigDecimal.valueOf(k), null, "人",
                        new org.dudao.model.Origin("in/省.xlsx", "学校", "F" + (k + 2))));
            }
            out.add(org.dudao.model.Verdict.restore("SCH-01", org.dudao.model.EntityKind.SCHOOL, entity, "第" + k + "校", null, 2024)
                    .status(org.dudao.model.Status.PASS).evidence(cited).build());
        }
        return out;
    }

    @Test
    void a_value_cited_again_after_the_writer_forgot_it_gets_an_equal_row_and_the_evidence_still_resolves() throws IOException {
        java.util.List<org.dudao.model.Verdict> verdicts = new java.util.ArrayList<>();
        for (int chunk = 0; chunk < 3; chunk++) verdicts.addAll(countyBlock(0, 2000)); // three chunks citing the same 4,000 values
        Report report = Reports.withVerdicts(org.dudao.testing.TestData.create().build(), java.util.List.of(), verdicts);
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        JsonReport.write(report, small, 2, 10);
        JsonNode forgetful = MAPPER.readTree(small.toString(StandardCharsets.UTF_8));
        JsonNode usual = MAPPER.readTree(json(report));
        assertThat(usual.path("values")).hasSize(4000);
        assertThat(forgetful.path("values").size()).isGreaterThan(3 * 3990);
        assertEvidenceIsTheVerdicts(report, forgetful);
        java.util.Set<JsonNode> distinct = new java.util.HashSet<>();
        forgetful.path("values").forEach(distinct::add);
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(usual.path("values"));
    }

    @Test
    void the_gzip_form_is_the_same_document_compressed_chunk_by_chunk() throws IOException {
        Report many = Reports.counties(1500);
        java.nio.file.Path gz = java.nio.file.Files.createTempFile("report", ".json.gz");
        try {
            JsonReport.writeGzip(many, gz, 2);
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(gz))) {
                assertThat(in.readAllBytes()).isEqualTo(written(many, 2));
            }
            assertThat(java.nio.file.Files.size(gz)).isLessThan(written(many, 2).length / 5);
            byte[] bytes = java.nio.file.Files.readAllBytes(gz);
            int members = 0;
            for (int i = 0; i + 2 < bytes.length; i++) if (bytes[i] == 0x1f && (bytes[i + 1] & 0xff) == 0x8b && bytes[i + 2] == 8) members++;
            assertThat(members).as("the verdicts' chunks compressed apart, as members of their own").isGreaterThan(2);
        } finally {
            java.nio.file.Files.deleteIfExists(gz);
        }
    }

    @Test
    void what_a_verdict_does_not_have_is_left_out_rather_than_written_empty() throws IOException {
        JsonNode tree = MAPPER.readTree(json(Reports.sample()));
        int withChildren = 0;
        for (JsonNode v : tree.path("verdicts")) {
            for (String field : new String[]{"waiver", "formula", "missing", "evidence", "children"}) {
                if (v.has(field)) assertThat(v.get(field).isNull() || v.get(field).isEmpty() && !v.get(field).isObject() && !v.get(field).isTextual())
                        .as(field + " in " + v).isFalse();
            }
            assertThat(v.has("childrenCount")).isEqualTo(v.has("children"));
            if (v.has("children")) withChildren++;
        }
        assertThat(withChildren).isPositive();
    }

    private static byte[] written(Report r, int threads) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".json");
        try {
            JsonReport.write(r, file, threads);
            return java.nio.file.Files.readAllBytes(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void a_report_without_verdicts_has_an_empty_array() throws IOException {
        Report none = Reports.of(org.dudao.testing.TestData.create().build(), 2024);
        String text = json(none);
        assertThat(none.verdicts()).isEmpty();
        assertThat(text).contains("\"verdicts\" : [ ]").isEqualTo(reprinted(text));
    }

    @Test
    void a_small_report_needs_no_temporary_folder() throws IOException {
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", before + "/no-such-folder-" + System.nanoTime());
        try {
            String text = json(Reports.sample()); // its cited values stay in memory: the file is never made
            assertThat(text).isEqualTo(reprinted(text));
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
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
