package org.dudao.cli;

import org.dudao.testing.Fixture;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dudao rules test}: expectations met and not met, coverage, fixtures that cannot be used, and the shipped fixtures. */
class RulesTestCommandTest {
    @TempDir Path tmp;

    /** Two counties on the frozen skeleton rules: KG-01 at exactly 50% (passes) and at 49.9% (fails). */
    private Workbooks twoCounties() {
        return Workbooks.create().sheet("地区")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "公办园在园幼儿数(人)", "在园幼儿数(人)")
                .row("990101", "一县", null, "县", 2024, 500, 1000)
                .row("990102", "二县", null, "县", 2024, 499, 1000);
    }

    private Cli test(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "rules"; args[1] = "test"; args[2] = "--rules"; args[3] = Fixture.RULES;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void a_wrong_expectation_fails_with_expected_actual_message_and_cells() {
        twoCounties().sheet("期望结果").row("指标", "单位代码", "状态")
                .row("KG-01", "990101", "达标").row("KG-01", 990102, "达标").save(tmp.resolve("kg.xlsx"));
        Cli r = test("--tests", tmp.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out()).contains("kg.xlsx（评估 2024年）：2 项期望，符合 1，不符 1")
                .contains("不符：KG-01 单位 990102（期望结果!C3）")
                .contains("期望：达标")
                .contains("实际：不达标 — ")
                .contains("标准：不低于 50%")
                .contains("依据：地区!F3（公办园在园幼儿数 499 人）、地区!G3（在园幼儿数 1000 人）")
                .doesNotContain("单位 990101");
        assertThat(r.out().strip()).endsWith("合计：期望 2 项，符合 1 项，不符 1 项，规则测试未通过\n1 passed, 1 failed");
    }

    @Test
    void coverage_counts_required_statuses_and_min_coverage_fails_below_it() {
        twoCounties().sheet("期望结果").row("指标", "单位代码", "年度", "状态")
                .row("KG-01", "990101", "2024年", "PASS").row("KG-01", "990102", 2024, "不达标").save(tmp.resolve("kg.xlsx"));
        Cli ok = test("--tests", tmp.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        // nine indicators: 3 statuses each, plus 不适用 for the two conditional ones (SPED-01, SPED-02) = 29 pairs; 2 exercised
        assertThat(ok.out()).contains("有测试的指标 1/9；须检验的（指标，状态）组合 29 个，已覆盖 2 个，覆盖率 6.8%")
                .contains("没有任何测试的指标（8）：FUND-01、FUND-02、TEACH-01、CLASS-01、SPED-01、SPED-02、PRIV-01、DROP-01")
                .contains("KG-01 未检验：数据不足");
        assertThat(ok.out().strip()).endsWith("合计：期望 2 项，全部符合，规则测试通过\n2 passed, 0 failed");

        Cli below = test("--tests", tmp.toString(), "--min-coverage", "10");
        assertThat(below.exit()).isEqualTo(2);
        assertThat(below.err()).contains("覆盖率 6.8% 低于要求的 10%");
        assertThat(test("--tests", tmp.toString(), "--min-coverage", "6.8").exit()).as("2/29 = 6.896…% reaches 6.8").isZero();
    }

    @Test
    void expectations_in_a_csv_beside_the_workbook_and_a_year_the_fixture_lacks() throws IOException {
        twoCounties().save(tmp.resolve("kg.xlsx"));
        Files.writeString(tmp.resolve("kg.期望结果.csv"), "\uFEFF指标,单位代码,年度,状态,说明\nKG-01,990101,,达标,恰好 50%\nKG-01,990102,2022,不达标,\nSPED-01,990101,,不适用,\n");
        Cli r = test("--tests", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("不符：KG-01 单位 990102 2022年（第3行第4列）")
                .contains("实际：夹具数据中没有 2022 年（有：[2024]）")
                .contains("不符：SPED-01 单位 990101（第4行第4列）")
                .contains("实际：数据不足 — ");
        assertThat(r.out().strip()).endsWith("1 passed, 2 failed");
    }

    @Test
    void an_unknown_indicator_or_unit_is_a_mismatch_not_a_pass() {
        twoCounties().sheet("期望结果").row("指标", "单位代码", "状态")
                .row("KG-99", "990101", "达标").row("KG-01", "990199", "达标").save(tmp.resolve("kg.xlsx"));
        Cli r = test("--tests", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("规则中没有指标“KG-99”").contains("没有结论：该指标对此单位没有作出结论");
        assertThat(r.out().strip()).endsWith("0 passed, 2 failed");
    }

    @Test
    void a_fixture_that_cannot_be_used_ends_with_3_naming_the_cell() throws IOException {
        twoCounties().sheet("期望结果").row("说明：本表列出期望结论").row("指标", "单位代码", "状态")
                .row("KG-01", "990101", "通过").save(tmp.resolve("bad-status.xlsx"));
        twoCounties().save(tmp.resolve("no-expectations.xlsx"));
        Cli r = test("--tests", tmp.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("bad-status.xlsx 期望结果!C3：状态“通过”无法识别")
                .contains("no-expectations.xlsx：没有“期望结果”表，旁边也没有 no-expectations.期望结果.csv");
        Files.delete(tmp.resolve("bad-status.xlsx"));
        Files.delete(tmp.resolve("no-expectations.xlsx"));
        Cli none = test("--tests", tmp.toString());
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.err()).contains("没有找到测试夹具");
    }

    /** What {@code mvn verify} asks of the shipped rules: every fixture passes and every required status of every indicator is exercised. */
    @Test
    void the_shipped_fixtures_pass_with_full_coverage() {
        Cli r = Cli.run("rules", "test", "--min-coverage", "100");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("有测试的指标 123/123").contains("覆盖率 100.0%").doesNotContain("不符");
        assertThat(r.out().strip()).matches("(?s).*\\n\\d{3} passed, 0 failed");
    }

    /** Raising one balance bound in the thresholds table is caught by the shipped fixtures: the school that sat on the bound now fails. */
    @Test
    void the_shipped_fixtures_catch_a_changed_threshold() throws IOException {
        Path rules = tmp.resolve("rules");
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值").row("BAL-1", "小学", 4.3).save(rules.resolve("thresholds.xlsx"));
        Cli r = Cli.run("rules", "test", "--rules", rules.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).contains("35-balance.xlsx").contains("不符：BAL-1 单位 ")
                .contains("期望：达标").contains("实际：不达标 — ").contains("标准：不低于 4.3 人（取自界值表 thresholds.xlsx!界值!C2）");
        assertThat(r.out().strip()).matches("(?s).*\\n\\d+ passed, [1-9]\\d* failed");
    }
}
