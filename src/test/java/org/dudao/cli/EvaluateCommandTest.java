package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dudao.api.ExitCodes;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dudao evaluate} end to end: console, report.json and exit codes. */
class EvaluateCommandTest {
    private static final String S2023 = "sample-data/sample-2023.xlsx";
    private static final String S2024 = "sample-data/sample-2024.xlsx";

    @TempDir Path tmp;

    @Test
    void sample_data_prints_a_chinese_summary_writes_the_report_and_exits_2() throws IOException {
        Cli r = Cli.run("evaluate", "--out", tmp.toString(), S2023, S2024);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("评估年度：2024 年").contains("FUND-01").contains("不达标").contains("报告已写入");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(json.path("schema").asText()).isEqualTo("dudao.report/2");
        assertThat(json.path("run").path("inputs")).hasSize(2);
        assertThat(json.path("run").path("inputs").get(0).path("sha256").asText()).hasSize(64);
        assertThat(json.path("run").path("rules").path("sha256").asText()).hasSize(64);
        // 2023: 地区, 学校, 地区（续）, 普通高中班额分段; 2024: 地区, 学校, 班级, 地区（续）, 学校（续）, 参数, 普通高中班额分段, and the task sheets
        assertThat(json.path("load").path("sheets").size()).isEqualTo(13);
        JsonNode cv = null;
        for (JsonNode n : json.path("verdicts")) if (n.path("indicator").asText().equals("BAL-CV-1")) { cv = n; break; }
        assertThat(cv).isNotNull();
        assertThat(cv.path("part").asText()).isIn("小学", "初中");
        assertThat(cv.has("limit")).isTrue();
        JsonNode v = json.path("verdicts").get(0);
        for (String field : new String[]{"indicator", "entity", "entityName", "year", "status", "observed", "bound", "message"}) {
            assertThat(v.has(field)).as(field).isTrue();
        }
        JsonNode evidence = null;
        for (JsonNode n : json.path("verdicts")) if (n.path("evidence").size() > 0) { evidence = n.path("evidence").get(0); break; }
        assertThat(evidence).isNotNull();
        assertThat(evidence.isInt()).as("evidence refers to values by index").isTrue();
        JsonNode value = json.path("values").get(evidence.asInt());
        for (String field : new String[]{"metric", "entity", "year", "value", "unit", "file", "sheet", "cell"}) {
            assertThat(value.has(field)).as(field).isTrue();
        }
        assertThat(json.path("files").get(value.path("file").asInt()).asText()).endsWith(".xlsx");
    }

    @Test
    void verbose_lists_every_indicator_and_the_first_failures() {
        Cli quiet = Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--out", tmp.resolve("q").toString(),
                org.dudao.testing.Fixture.S2023, org.dudao.testing.Fixture.S2024);
        Cli verbose = Cli.run("evaluate", "--verbose", "--rules", org.dudao.testing.Fixture.RULES, "--out", tmp.resolve("v").toString(),
                org.dudao.testing.Fixture.S2023, org.dudao.testing.Fixture.S2024);
        assertThat(verbose.exit()).isEqualTo(quiet.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(quiet.out()).contains("有不达标、豁免或预警的指标（9 项）").doesNotContain("不达标（12 条）：");
        assertThat(verbose.out()).contains("合计").contains("不适用").contains("不达标（12 条）：");
    }

    @Test
    void progress_goes_to_standard_error_only_when_asked_for() throws IOException {
        Cli quiet = Cli.run("evaluate", "--format", "json", "--out", tmp.resolve("q").toString(), S2023, S2024);
        assertThat(quiet.err()).isEmpty();
        Cli told = Cli.run("evaluate", "--progress", "--format", "json,html", "--out", tmp.resolve("p").toString(), S2023, S2024);
        assertThat(told.exit()).isEqualTo(quiet.exit());
        Path p = tmp.resolve("p");
        assertThat(told.out()).isEqualTo(quiet.out().replace(tmp.resolve("q").toString(), p.toString())
                .replace("请打开：" + p.resolve("report.json"), "请打开：" + p.resolve("report.html"))
                .replace("报告已写入：" + p.resolve("report.json"), "报告已写入：" + p.resolve("report.json") + "、" + p.resolve("report.html")));
        assertThat(told.err()).contains("已读取 2 个工作簿").contains("已评估：").contains("已写入 " + tmp.resolve("p").resolve("report.json"))
                .contains("已写入 " + tmp.resolve("p").resolve("report.html")).contains("秒");
        Cli byWorkbook = Cli.run("evaluate", "--progress", "--by-workbook", "--out", tmp.resolve("w").toString(), S2024);
        assertThat(byWorkbook.err()).contains("已评估 1/1 个工作簿：" + S2024);
    }

    @Test
    void the_same_input_gives_the_same_json_apart_from_the_run_time() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Cli.run("evaluate", "--out", a.toString(), "--threads", "1", S2023, S2024);
        Cli.run("evaluate", "--out", b.toString(), "--threads", "2", S2023, S2024);
        ObjectMapper m = new ObjectMapper();
        ObjectNode ja = (ObjectNode) m.readTree(a.resolve("report.json").toFile());
        ObjectNode jb = (ObjectNode) m.readTree(b.resolve("report.json").toFile());
        ((ObjectNode) ja.path("run")).remove("time");
        ((ObjectNode) jb.path("run")).remove("time");
        assertThat(ja).isEqualTo(jb);
        String ra = Files.readString(a.resolve("report.json")).replaceAll("\"time\" ?: ?\"[^\"]*\"", "");
        String rb = Files.readString(b.resolve("report.json")).replaceAll("\"time\" ?: ?\"[^\"]*\"", "");
        assertThat(ra).isEqualTo(rb);
    }

    @Test
    void year_option_evaluates_an_earlier_year() throws IOException {
        Cli r = Cli.run("evaluate", "--out", tmp.toString(), "--year", "2023", S2023, S2024);
        assertThat(r.out()).contains("评估年度：2023 年");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(json.path("run").path("year").asInt()).isEqualTo(2023);
    }

    @Test
    void a_year_without_data_cannot_run() {
        Cli r = Cli.run("evaluate", "--out", tmp.toString(), "--year", "2019", S2024);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("2019");
    }

    @Test
    void all_passing_data_exits_0_and_insufficient_data_exits_1() {
        Path good = Workbooks.create().sheet("表1")
                .row("地区代码", "地区名称", "层级", "年度", "一般公共预算教育支出(万元)")
                .row("990101", "一县", "县", 2023, 100)
                .row("990101", "一县", "县", 2024, 120)
                .save(tmp.resolve("good.xlsx"));
        Path rules = tmp.resolve("rules");
        writeRule(rules, "only.drl", """
                package only;
                import org.dudao.model.Entity;
                import function org.dudao.engine.Patterns.*;
                rule "FUND-01"
                    @id("FUND-01") @name("一般公共预算教育支出只增不减") @level("县") @pattern("no-decrease")
                    @bound(">= 上年") @source("测试")
                when
                    $e : Entity(level == "县")
                then
                    insert(noDecrease(kcontext, $e, value("一般公共预算教育支出")));
                end
                """);
        copyDictionary(rules);
        assertThat(Cli.run("evaluate", "--rules", rules.toString(), "--out", tmp.toString(), good.toString()).exit())
                .isEqualTo(ExitCodes.ALL_PASS);
        assertThat(Cli.run("evaluate", "--rules", rules.toString(), "--out", tmp.toString(), "--year", "2023", good.toString()).exit())
                .isEqualTo(ExitCodes.WARNINGS);
    }

    @Test
    void a_broken_rule_file_is_reported_as_file_line_column_without_a_stack_trace() {
        Path rules = tmp.resolve("rules");
        writeRule(rules, "broken.drl", """
                package broken;
                import org.dudao.model.Entity;

                rule "half written"
                when
                    $e : Entity(level == )
                then
                end
                """);
        Cli r = Cli.run("evaluate", "--rules", rules.toString(), "--out", tmp.toString(), S2024);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).containsPattern("broken\\.drl:6:\\d+: ");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("report.json")).doesNotExist();
    }

    @Test
    void a_rule_without_its_metadata_is_refused_with_its_line() {
        Path rules = tmp.resolve("rules");
        writeRule(rules, "nometa.drl", """
                package nometa;
                import org.dudao.model.Entity;
                import function org.dudao.engine.Patterns.*;

                rule "X-01"
                    @id("X-01")
                when
                    $e : Entity(level == "县")
                then
                    insert(zero(kcontext, $e, value("义务教育失学辍学人数")));
                end
                """);
        Cli r = Cli.run("evaluate", "--rules", rules.toString(), "--out", tmp.toString(), S2024);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("nometa.drl:5:1:").contains("@name").contains("@bound");
    }

    @Test
    void a_corrupt_workbook_is_named_and_the_others_are_still_evaluated() throws IOException {
        Path bad = tmp.resolve("坏文件.xlsx");
        Files.write(bad, "this is not a workbook".getBytes(StandardCharsets.UTF_8));
        Cli r = Cli.run("evaluate", "--out", tmp.toString(), S2023, bad.toString(), S2024);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("坏文件.xlsx").contains("不是 Excel 工作簿").doesNotContain("\tat ");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(json.path("verdicts").size()).isGreaterThan(0);
        assertThat(json.path("runProblems").get(0).asText()).contains("坏文件.xlsx");
    }

    @Test
    void usage_errors_exit_3_not_2() {
        assertThat(Cli.run("evaluate").exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(Cli.run("evaluate", "--format", "pdf", S2024).exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(Cli.run("no-such-command").exit()).isEqualTo(ExitCodes.CANNOT_RUN);
    }

    @Test
    void rules_list_prints_the_catalogue_as_table_json_and_csv() {
        Cli table = Cli.run("rules", "list");
        assertThat(table.exit()).isZero();
        int shipped;
        try {
            shipped = org.dudao.engine.RuleBase.compile(Path.of("rules")).catalogue().size();
        } catch (org.dudao.engine.RuleCompileException e) {
            throw new AssertionError(e.messages());
        }
        assertThat(table.out()).contains("FUND-01").contains("一般公共预算教育支出只增不减").contains("共 " + shipped + " 项指标");
        assertThat(Cli.run("rules", "list", "--format", "json").out()).contains("\"id\" : \"SPED-02\"").contains("\"level\" : \"学校,县\"");
        assertThat(Cli.run("rules", "list", "--format", "csv").out()).startsWith("id,name,level,pattern,bound,source");
    }

    @Test
    void waivers_are_applied_counted_apart_and_shown_in_the_report() throws IOException {
        Path waivers = tmp.resolve("豁免.csv");
        Files.writeString(waivers, "指标,单位代码,年度,理由,批准人,有效期至\nFUND-01,990102,2024,受灾重建,省督导室,2030-12-31\n");
        Cli r = Cli.run("evaluate", "--out", tmp.toString(), "--waivers", waivers.toString(), "--as-of", "2025-01-01", S2023, S2024);
        assertThat(r.out()).contains("已豁免（1 项").contains("受灾重建");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        assertThat(json.path("summary").path("WAIVED").asInt()).isEqualTo(1);
        JsonNode waived = null;
        for (JsonNode v : json.path("verdicts")) if (v.path("status").asText().equals("WAIVED")) waived = v;
        assertThat(waived.path("indicator").asText()).isEqualTo("FUND-01");
        assertThat(waived.path("waiver").path("approver").asText()).isEqualTo("省督导室");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED); // the other failures of 二县 still count
    }

    @Test
    void a_broken_waiver_file_cannot_run() throws IOException {
        Path waivers = tmp.resolve("w.csv");
        Files.writeString(waivers, "指标,单位代码,年度,理由,批准人,有效期至\nFUND-01,990102,2024,理由,某,不是日期\n");
        Cli r = Cli.run("evaluate", "--out", tmp.toString(), "--waivers", waivers.toString(), S2024);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("w.csv:2:");
    }

    private static void writeRule(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyDictionary(Path dir) {
        try {
            Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
