package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.api.ExitCodes;
import org.dudao.testing.RegionWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dudao batch} and {@code dudao history} end to end, on the embedded SQLite history. */
class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    /** incoming/: the sample province (two years), 乙市 (two years), a copy of one workbook and a broken file. */
    private Path incoming() throws IOException {
        Path in = tmp.resolve("incoming");
        Files.createDirectories(in.resolve("示例省"));
        Files.copy(Path.of(org.dudao.testing.Fixture.S2023), in.resolve("示例省/2023.xlsx"));
        Files.copy(Path.of(org.dudao.testing.Fixture.S2024), in.resolve("示例省/2024.xlsx"));
        RegionWorkbooks.city(in.resolve("乙市-2023.xlsx"), 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("乙市-2024.xlsx"), 2024, 120, 90);
        Files.copy(in.resolve("乙市-2023.xlsx"), in.resolve("乙市-2023（重复提交）.xlsx"));
        Files.write(in.resolve("坏文件.xlsx"), "not a workbook".getBytes(StandardCharsets.UTF_8));
        Files.writeString(in.resolve("readme.txt"), "not an input");
        return in;
    }

    @Test
    void a_folder_with_good_broken_and_duplicate_workbooks_is_grouped_by_region_and_ends_with_3() throws IOException {
        Path in = incoming();
        Path out = tmp.resolve("out");
        Cli r = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.out()).contains("990000").contains("示例省").contains("880100").contains("乙市")
                .contains("坏文件.xlsx").contains("重复");
        assertThat(r.err()).contains("[1/2]").contains("[2/2]").doesNotContain("\tat ");

        JsonNode s = JSON.readTree(out.resolve("batch-summary.json").toFile());
        assertThat(s.path("schema").asText()).isEqualTo("dudao.batch/1");
        assertThat(s.path("exitCode").asInt()).isEqualTo(3);
        JsonNode regions = s.path("regions");
        assertThat(regions).hasSize(2);
        JsonNode city = region(s, "880100");
        JsonNode province = region(s, "990000");
        assertThat(city.path("outcome").asText()).isEqualTo("EVALUATED");
        assertThat(city.path("inputs")).hasSize(2);
        assertThat(province.path("inputs")).hasSize(2);
        assertThat(province.path("yearsPresent").toString()).isEqualTo("[2023,2024]");
        assertThat(province.path("summary").path("FAIL").asInt()).isEqualTo(12);
        assertThat(city.path("failingIndicators").get(0).path("indicator").asText()).isEqualTo("FUND-01");
        assertThat(city.path("failingIndicators").get(0).path("entities").toString()).isEqualTo("[\"880102\"]");

        assertThat(s.path("problems")).hasSize(1);
        assertThat(s.path("problems").get(0).path("file").asText()).endsWith("坏文件.xlsx");
        assertThat(s.path("problems").get(0).path("reason").asText()).contains("不是 Excel 工作簿");
        assertThat(s.path("duplicates")).hasSize(1);
        assertThat(s.path("duplicates").get(0).path("file").asText()).endsWith("乙市-2023（重复提交）.xlsx");
        assertThat(s.path("duplicates").get(0).path("sameAs").asText()).endsWith("乙市-2023.xlsx");

        // Each run has its own folder with its report; the report is the one evaluate would write.
        Path cityReport = Path.of(city.path("reports").get(0).asText());
        assertThat(cityReport).exists().hasFileName("report.json");
        assertThat(cityReport.getParent().getParent()).isEqualTo(out.resolve("regions").toAbsolutePath().normalize());
        JsonNode report = JSON.readTree(cityReport.toFile());
        assertThat(report.path("schema").asText()).isEqualTo("dudao.report/2");
        assertThat(report.path("run").path("year").asInt()).isEqualTo(2024);
        assertThat(out.resolve("history.db")).exists();
    }

    @Test
    void a_rerun_on_unchanged_inputs_skips_them_and_force_runs_them_again() throws IOException {
        Path in = incoming();
        Path out = tmp.resolve("out");
        Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());

        Cli again = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        JsonNode s = JSON.readTree(out.resolve("batch-summary.json").toFile());
        assertThat(region(s, "880100").path("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(region(s, "990000").path("outcome").asText()).isEqualTo("SKIPPED");
        // The results that still stand keep counting: the province still fails, the broken file is still there.
        assertThat(region(s, "990000").path("summary").path("FAIL").asInt()).isEqualTo(12);
        assertThat(again.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(again.out()).contains("未变化，已跳过");
        assertThat(Cli.run("history", "list", "--out", out.toString()).out()).contains("共 2 次运行");

        // Without the broken file the batch ends with 2: an indicator failed.
        Files.delete(in.resolve("坏文件.xlsx"));
        assertThat(Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString()).exit()).isEqualTo(ExitCodes.FAILED);

        // A deleted report is written again rather than skipped.
        Path cityReport = Path.of(region(s, "880100").path("reports").get(0).asText());
        Files.delete(cityReport);
        Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        assertThat(cityReport).exists();
        s = JSON.readTree(out.resolve("batch-summary.json").toFile());
        assertThat(region(s, "880100").path("outcome").asText()).isEqualTo("EVALUATED");
        assertThat(region(s, "990000").path("outcome").asText()).isEqualTo("SKIPPED");

        Cli forced = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), "--force", in.toString());
        s = JSON.readTree(out.resolve("batch-summary.json").toFile());
        assertThat(region(s, "880100").path("outcome").asText()).isEqualTo("EVALUATED");
        assertThat(region(s, "990000").path("outcome").asText()).isEqualTo("EVALUATED");
        assertThat(forced.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(Cli.run("history", "list", "--out", out.toString()).out()).contains("共 5 次运行");
    }

    @Test
    void a_run_after_a_data_change_reports_new_failures_fixes_and_the_trend() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        RegionWorkbooks.city(in.resolve("2023.xlsx"), 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, 120, 90);   // 六县 passes, 七县 fails FUND-01
        Path out = tmp.resolve("out");
        Cli first = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(ExitCodes.FAILED);

        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, 80, 130);   // corrected return: 六县 now fails, 七县 fixed
        Cli second = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        assertThat(second.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(second.out()).contains("新增不达标（1 项）").contains("FUND-01 六县（880101）：达标 → 不达标")
                .contains("已整改（1 项）").contains("FUND-01 七县（880102）：不达标 → 达标")
                .contains("FUND-01 六县：2024年 120 万元 → 2024年 80 万元")
                .contains("另有 1 项观测值与上次相同，未列出")      // 乙市's total stayed 210 万元: not news
                .doesNotContain("FUND-01 乙市：");

        JsonNode city = region(JSON.readTree(out.resolve("batch-summary.json").toFile()), "880100");
        assertThat(city.path("outcome").asText()).isEqualTo("EVALUATED");
        assertThat(city.path("previousRun").asLong()).isEqualTo(1);
        assertThat(city.path("run").asLong()).isEqualTo(2);
        assertThat(entities(city.path("newFailures"))).containsExactly("FUND-01 880101");
        assertThat(entities(city.path("fixed"))).containsExactly("FUND-01 880102");
        assertThat(city.path("newFailures").get(0).path("observedBefore").decimalValue()).isEqualByComparingTo("120");
        assertThat(city.path("newFailures").get(0).path("observedNow").decimalValue()).isEqualByComparingTo("80");
        JsonNode trend = null;
        for (JsonNode t : city.path("trend")) {
            if (t.path("indicator").asText().equals("FUND-01") && t.path("entity").asText().equals("880102")) trend = t;
        }
        assertThat(trend).isNotNull();
        assertThat(trend.path("points")).hasSize(2);
        assertThat(trend.path("points").get(0).path("observed").decimalValue()).isEqualByComparingTo("90");
        assertThat(trend.path("points").get(0).path("status").asText()).isEqualTo("FAIL");
        assertThat(trend.path("points").get(1).path("observed").decimalValue()).isEqualByComparingTo("130");
        assertThat(trend.path("points").get(1).path("status").asText()).isEqualTo("PASS");

        Cli diff = Cli.run("history", "diff", "1", "2", "--out", out.toString());
        assertThat(diff.exit()).isZero();
        assertThat(diff.out()).contains("新增不达标 1 项，已整改 1 项").contains("六县").contains("七县");
        Cli show = Cli.run("history", "show", "2", "--out", out.toString());
        assertThat(show.out()).contains("880100 乙市").contains("2024.xlsx").contains("FUND-01").contains("80 万元");
        Cli list = Cli.run("history", "list", "--out", out.toString(), "--region", "880100");
        assertThat(list.out()).contains("#1").contains("#2").contains("共 2 次运行");
    }

    @Test
    void a_failure_that_becomes_waived_is_counted_as_waived_not_fixed() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        RegionWorkbooks.city(in.resolve("2023.xlsx"), 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, 120, 90);   // 七县 fails FUND-01
        Path out = tmp.resolve("out");
        Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        Path waivers = tmp.resolve("豁免.csv");
        Files.writeString(waivers, "指标,单位代码,年度,理由,批准人,有效期至\nFUND-01,880102,2024,受灾重建,省督导室,2030-12-31\n");
        Cli second = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), "--force",
                "--waivers", waivers.toString(), "--as-of", "2025-01-01", in.toString());
        assertThat(second.out()).contains("新增豁免（1 项）").contains("FUND-01 七县（880102）：不达标 → 已豁免").doesNotContain("已整改（");
        JsonNode city = region(JSON.readTree(out.resolve("batch-summary.json").toFile()), "880100");
        assertThat(entities(city.path("waived"))).containsExactly("FUND-01 880102");
        assertThat(city.path("fixed")).isEmpty();
        Cli show = Cli.run("history", "show", "2", "--out", out.toString());
        assertThat(show.out()).contains("已豁免 1").contains("不达标和已豁免（1 项）");
        Cli diff = Cli.run("history", "diff", "1", "2", "--out", out.toString());
        assertThat(diff.out()).contains("已豁免：0 → 1").contains("新增豁免 1 项").contains("新增豁免：");
    }

    @Test
    void a_diff_of_two_regions_runs_is_refused_in_plain_words() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        RegionWorkbooks.city(in.resolve("乙市.xlsx"), 2024, 120, 90);
        RegionWorkbooks.city(in.resolve("丁市.xlsx"), "770100", "丁市", "八县", "九县", 2024, 120, 90);
        Path out = tmp.resolve("out");
        Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), in.toString());
        Cli diff = Cli.run("history", "diff", "1", "2", "--out", out.toString());
        assertThat(diff.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(diff.err()).contains("无法比较").contains("不是同一地区").contains("乙市（880100）").contains("丁市（770100）");
        assertThat(diff.out()).doesNotContain("新增不达标");
    }

    @Test
    void per_file_runs_each_workbook_alone_and_quiet_prints_no_progress() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        RegionWorkbooks.city(in.resolve("2023.xlsx"), 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, 120, 90);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), "--per-file", "--quiet", in.resolve("*.xlsx").toString());
        assertThat(r.err()).doesNotContain("[1/2]");
        assertThat(r.out()).isEmpty();
        JsonNode s = JSON.readTree(out.resolve("batch-summary.json").toFile());
        assertThat(s.path("regions")).hasSize(2);
        for (JsonNode reg : s.path("regions")) {
            assertThat(reg.path("inputs")).hasSize(1);
            assertThat(Path.of(reg.path("folder").asText()).getParent()).isEqualTo(out.resolve("files").toAbsolutePath().normalize());
        }
        // 2023 alone has no earlier year to compare with; 2024 alone neither: FUND-01 lacks data, no failure.
        assertThat(r.exit()).isEqualTo(ExitCodes.WARNINGS);
    }

    @Test
    void no_input_found_and_an_unknown_format_exit_3() {
        Path out = tmp.resolve("out");
        Cli none = Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), tmp.resolve("nothing-here").toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(none.out()).contains("输入不存在");
        assertThat(Cli.run("batch", "--rules", org.dudao.testing.Fixture.RULES, "--out", out.toString(), "--format", "pdf", "sample-data").exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        Cli noHistory = Cli.run("history", "list", "--out", tmp.resolve("empty").toString());
        assertThat(noHistory.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(noHistory.err()).contains("未找到结果历史库");
        assertThat(tmp.resolve("empty/history.db")).doesNotExist();
    }

    private static JsonNode region(JsonNode summary, String key) {
        for (JsonNode r : summary.path("regions")) if (r.path("key").asText().equals(key)) return r;
        throw new AssertionError("no region " + key + " in " + summary.path("regions"));
    }

    private static List<String> entities(JsonNode changes) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : changes) out.add(c.path("indicator").asText() + " " + c.path("entity").asText());
        return out;
    }
}
