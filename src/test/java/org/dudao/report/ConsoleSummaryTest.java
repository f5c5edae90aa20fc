package org.dudao.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
