package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSummaryTest {

    @Test
    void the_summary_is_short_names_failing_indicators_and_regions_and_leaves_quiet_indicators_out() {
        String out = print(Reports.golden(), false);
        assertThat(out).contains("数据：收到工作簿 3 个（1 个无法读取），数据表 5 张；读取 42 行")
                .contains("评估年度：2024 年（数据中的年度：2023、2024），指标 9 项，结论 66 条：不达标 12、已豁免 0、预警 0、数据不足 13、达标 37、不适用 4")
                .contains("有不达标、豁免或预警的指标（9 项）：")
                .contains("不达标最多的地区（学校计入所在县）：二县 11 条、甲市 1 条")
                .contains("数据不足 13 条：3 个单位须补报 11 项数据");
        // the verdict list and the 达标/不适用 columns wait for --verbose
        assertThat(out).doesNotContain("不达标（12 条）").doesNotContain("不适用  ");
        assertThat(out.lines().filter(l -> !l.isBlank()).count()).isLessThan(25);
    }

    @Test
    void indicators_without_a_failure_a_waiver_or_a_warning_are_left_out_unless_verbose() {
        Report none = Reports.counties(3); // FUND-01 fails for one county; the other eight indicators give no failure
        String quiet = print(none, false);
        assertThat(quiet).contains("FUND-01").doesNotContain("KG-01").contains("8 项指标没有不达标、豁免或预警，未列出（--verbose 列出全部指标）");
        String verbose = print(none, true);
        assertThat(verbose).contains("FUND-01").contains("KG-01").contains("合计").contains("不达标（1 条）：");
    }

    @Test
    void the_heading_counts_apart_the_indicators_that_failed_when_some_only_warned() {
        Dataset data = TestData.create().entity("990100", "甲市", EntityKind.CITY, null, null).build();
        Entity city = data.entities().get("990100");
        List<Indicator> catalogue = List.of(new Indicator("KG-01", "公办幼儿园在园幼儿占比达到50%", "市", "threshold", ">= 50%", "", null, "x.drl", "KG-01"),
                new Indicator("KG-02", "优质幼儿园在园幼儿占比力争达到78%", "市", "threshold", ">= 78%", "", null, "x.drl", "KG-02"));
        Report r = Reports.withVerdicts(data, catalogue, List.of(Verdict.builder("KG-01", city, 2024).status(Status.FAIL).build(),
                Verdict.builder("KG-02", city, 2024).status(Status.WARN).build()));
        assertThat(print(r, false)).contains("有不达标、豁免或预警的指标（2 项，其中有不达标的 1 项）：");
    }

    @Test
    void every_line_is_chinese() {
        for (String line : print(Reports.golden(), true).lines().toList()) {
            if (line.isBlank() || line.matches("[-\\s]+")) continue;
            assertThat(line).as(line).containsPattern("\\p{IsHan}");
        }
    }

    private static String print(Report r, boolean verbose) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSummary.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8), verbose);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
