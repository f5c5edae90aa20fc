package org.dudao.engine;

import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.Reading;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.ruletest.RuleTests;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reading of a source's words beyond its bound (rules/README.md “读法”): {@code @soft} (鼓励, 力争: a shortfall
 * is 预警, never 不达标), {@code @tie} (逐步增长: a flat year is what it says), {@code @tolerance} (左右), and the
 * precision year-on-year figures are compared at.
 */
class ReadingTest {
    private static final String C = "990101";
    @TempDir static Path dir;
    private static RuleBase rules;

    private static String rule(String id, String pattern, String bound, String extra, String call) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @name(\"" + id + "\") @level(\"县\") @pattern(\"" + pattern
                + "\")\n    @bound(\"" + bound + "\") @source(\"test\") " + extra + "\nwhen\n    $e : Entity(level == \"县\")\nthen\n    insert("
                + call + ");\nend\n\n";
    }

    @BeforeAll
    static void compile() throws Exception {
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"));
        String x = "value(\"初中三年巩固率\")";
        String drl = "package reading;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n"
                + rule("S-THRESHOLD", "threshold", ">= 50", "@soft(\"力争\")", "threshold(kcontext, $e, " + x + ")")
                + rule("S-CONDITIONAL", "conditional", ">= 50", "@soft(\"鼓励\")",
                        "conditional(kcontext, $e, condition(value(\"常住人口\"), \">= 1\"), " + x + ")")
                + rule("S-SHARE", "share-of-children", ">= 60%", "@soft(\"力争\")",
                        "shareOfChildren(kcontext, $e, schools(), meets(value(\"平安校园\"), \"= 是\"))")
                + rule("T-GROW", "no-decrease", "> 上年", "@tie(\"预警\")", "noDecrease(kcontext, $e, " + x + ")")
                + rule("T-GROW-STRICT", "no-decrease", "> 上年", "", "noDecrease(kcontext, $e, " + x + ")")
                + rule("T-KEEP", "no-decrease", ">= 上年", "", "noDecrease(kcontext, $e, " + x + ")")
                + rule("T-CUT", "no-rebound", "< 上年", "@tie(\"预警\")", "noRebound(kcontext, $e, " + x + ")")
                + rule("T-ABOVE", "threshold", "> 50", "@tie(\"预警\")", "threshold(kcontext, $e, " + x + ")")
                + rule("L-THRESHOLD", "threshold", ">= 50", "@tolerance(\"{L左右|1}\")", "threshold(kcontext, $e, " + x + ")")
                + rule("L-SHARE", "share-of-children", ">= 60%", "@tolerance(\"5\")",
                        "shareOfChildren(kcontext, $e, schools(), meets(value(\"平安校园\"), \"= 是\"))")
                + rule("M-MEETS", "share-of-children", ">= 50%", "",
                        "shareOfChildren(kcontext, $e, schools(), meets(value(\"宽带接入带宽\"), \">= {M带宽|1000} Mbps\"))");
        Files.writeString(dir.resolve("test.drl"), drl, StandardCharsets.UTF_8);
        rules = RuleBase.compile(dir);
    }

    private static TestData county() { return TestData.create().entity(C, "一县", EntityKind.COUNTY, null, null).present(C, 2024); }

    private static Verdict run(TestData d, String id) {
        return Rules.verdict(new Evaluator(rules, 1).evaluate(d.build(), 2024).verdicts(), id, C);
    }

    /** A county with this year's (and optionally last year's) 初中三年巩固率. */
    private static TestData rate(String before, String now) {
        TestData d = county().metric(C, 2024, "初中三年巩固率", now).metric(C, 2024, "常住人口", "5");
        if (before != null) d.metric(C, 2023, "初中三年巩固率", before);
        return d;
    }

    /** A county whose schools are 平安校园 as given. */
    private static TestData schools(boolean... safe) {
        TestData d = county();
        for (int i = 0; i < safe.length; i++) {
            d.school("S" + i, "学校" + i, C, "小学").present("S" + i, 2024).yesNo("S" + i, 2024, "平安校园", safe[i])
                    .metric("S" + i, 2024, "宽带接入带宽", i % 2 == 0 ? "1000" : "500");
        }
        return d;
    }

    @Test
    void a_value_no_workbook_reports_is_said_in_the_dictionarys_unit() {
        // no county reports 初中三年巩固率 or 常住人口: the standard and the condition still read as with the data
        Verdict plain = run(county(), "T-ABOVE");
        assertThat(plain.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(plain.getBound()).isEqualTo("高于 50%");
        assertThat(run(county(), "S-CONDITIONAL").getMessage()).contains("常住人口 1 人及以上");
    }

    @Test
    void an_aim_falling_short_warns_saying_the_word_in_every_pattern() {
        for (String id : List.of("S-THRESHOLD", "S-CONDITIONAL")) {
            Verdict v = run(rate(null, "40"), id);
            assertThat(v.getStatus()).as(id + ": " + v.getMessage()).isEqualTo(Status.WARN);
            assertThat(v.getMessage()).contains("原文为“").contains("不记为不达标");
        }
        Verdict share = run(schools(true, false, false), "S-SHARE");
        assertThat(share.getStatus()).isEqualTo(Status.WARN);
        assertThat(share.getMessage()).contains("原文为“力争”");
        assertThat(run(rate(null, "50"), "S-THRESHOLD").getStatus()).isEqualTo(Status.PASS);
        assertThat(run(county(), "S-THRESHOLD").getStatus()).as("missing data stays missing").isEqualTo(Status.INSUFFICIENT_DATA);
    }

    @ParameterizedTest(name = "{0}: {1} → {2} is {3}")
    @CsvSource({
            "T-GROW, 90, 90.5, PASS", "T-GROW, 90, 90, WARN", "T-GROW, 90, 89.9, FAIL",
            "T-GROW-STRICT, 90, 90, FAIL", "T-KEEP, 90, 90, PASS", "T-KEEP, 90, 89.99, FAIL",
            "T-CUT, 20, 19, PASS", "T-CUT, 20, 20, WARN", "T-CUT, 20, 21, FAIL",
    })
    void a_flat_year_of_a_strict_year_on_year_bound_is_what_tie_says(String id, String before, String now, Status expected) {
        Verdict v = run(rate(before, now), id);
        assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(expected);
        if (expected == Status.WARN) assertThat(v.getMessage()).contains("持平").contains("记为预警");
    }

    @Test
    void a_tie_at_a_strict_threshold_is_what_tie_says() {
        Verdict v = run(rate(null, "50"), "T-ABOVE");
        assertThat(v.getStatus()).isEqualTo(Status.WARN);
        assertThat(v.getMessage()).contains("50，未高于 50 的标准；本指标恰好等于标准记为预警");
        assertThat(run(rate(null, "49.99"), "T-ABOVE").getStatus()).isEqualTo(Status.FAIL);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"50, PASS", "49, WARN", "49.5, WARN", "48.99, FAIL"})
    void a_value_short_by_no_more_than_the_tolerance_of_about_warns(String value, Status expected) {
        Verdict v = run(rate(null, value), "L-THRESHOLD");
        assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(expected);
        if (expected == Status.WARN) {
            assertThat(v.getMessage()).contains("在原文“左右”的容差 1 以内，记为预警");
            assertThat(v.getParameters()).contains("L左右");
        }
    }

    @Test
    void a_share_within_the_tolerance_of_about_warns() {
        // 3 of 5 = 60% passes; 11 of 20 = 55% is short by 5 (the tolerance); 2 of 4 = 50% fails
        assertThat(run(schools(true, true, true, false, false), "L-SHARE").getStatus()).isEqualTo(Status.PASS);
        boolean[] eleven = new boolean[20];
        for (int i = 0; i < 11; i++) eleven[i] = true;
        Verdict near = run(schools(eleven), "L-SHARE");
        assertThat(near.getStatus()).as(near.getMessage()).isEqualTo(Status.WARN);
        assertThat(near.getMessage()).contains("差 5 个百分点");
        assertThat(run(schools(true, true, false, false), "L-SHARE").getStatus()).isEqualTo(Status.FAIL);
    }

    @Test
    void a_parameter_in_a_child_condition_is_taken_from_the_workbook() {
        // bandwidths 1000 and 500: with the default 1000, 1 of 2 meets it (50%); with 600 set, still 1 of 2; with 400, both
        Verdict byDefault = run(schools(true, true), "M-MEETS");
        assertThat(byDefault.getStatus()).isEqualTo(Status.PASS);
        assertThat(byDefault.getFormula()).contains("宽带接入带宽不低于 1000 Mbps 的学校 1 / 2");
        assertThat(byDefault.getParameters()).contains("M带宽");
        Verdict set = run(schools(true, true, true).param("M带宽", "1500"), "M-MEETS");
        assertThat(set.getStatus()).as(set.getMessage()).isEqualTo(Status.FAIL);
        assertThat(set.getFormula()).contains("不低于 1500 Mbps");
    }

    // ---- the precision of a comparison --------------------------------------------------------------

    private static Value read(String n, String unit) { return Value.of(new BigDecimal(n), unit, n, List.of()); }

    private static Value computed(String n, String unit) { return Value.quotient(new BigDecimal(n), unit, n, List.of()); }

    @Test
    void two_figures_read_from_cells_compare_exactly() {
        Precision.Pair p = Precision.of(read("5000", "万元"), read("4999.99", "万元"));
        assertThat(p.a()).isEqualByComparingTo("5000");
        assertThat(p.b()).isEqualByComparingTo("4999.99");
        assertThat(p.rounded()).isFalse();
        assertThat(p.said("万元", "甲", "乙")).isEmpty();
    }

    @ParameterizedTest(name = "{0} beside {1} {2} is {3}")
    @CsvSource({
            "23333.3333333, 23333.33, 元, 23333.33", "23333.3333333, 23333.3, 元, 23333.33",
            // a 元 or % cell counts as two decimals even when it shows none (Excel keeps no trailing zeros)
            "13333.3333333, 14500, 元, 13333.33", "66.666666, 70, %, 66.67", "13333.3333333, 14500, 万元, 13333",
            "50.123456, 50.1, %, 50.12", "4.23456, 4.2, 个/百名学生, 4.2",
    })
    void a_quotient_takes_the_decimals_of_the_figure_it_is_compared_with(String quotient, String published, String unit, String expected) {
        Precision.Pair p = Precision.of(computed(quotient, unit), read(published, unit));
        assertThat(p.a()).isEqualByComparingTo(expected);
        assertThat(p.b()).isEqualByComparingTo(published);
        assertThat(p.said(unit, "2024年", "2023年")).startsWith("；按公布精度（").contains("2024年的计算值");
    }

    @Test
    void two_quotients_are_compared_at_two_decimals() {
        Precision.Pair p = Precision.of(computed("10.004", "%"), computed("10.0000", "%"));
        assertThat(p.a()).isEqualByComparingTo("10.00");
        assertThat(p.b()).isEqualByComparingTo("10.00");
        assertThat(p.said("%", "甲", "乙")).as("the unrounded quotient is not shown").isEqualTo("；按公布精度（保留两位小数）比较，甲的计算值记为 10%");
    }

    // ---- metadata ---------------------------------------------------------------------------------------

    @Test
    void the_reading_is_in_the_catalogue_and_in_what_rule_tests_ask() {
        Map<String, Indicator> byId = new java.util.HashMap<>();
        for (Indicator i : rules.catalogue()) byId.put(i.id(), i);
        assertThat(byId.get("S-THRESHOLD").reading()).isEqualTo(new Reading("力争", null, null));
        assertThat(byId.get("T-GROW").reading().tie()).isEqualTo(Status.WARN);
        assertThat(byId.get("L-THRESHOLD").reading().tolerance()).isEqualTo("{L左右|1}");
        assertThat(RuleTests.required(byId.get("S-THRESHOLD"))).isEqualTo(EnumSet.of(Status.PASS, Status.WARN, Status.INSUFFICIENT_DATA));
        assertThat(RuleTests.required(byId.get("T-GROW"))).isEqualTo(EnumSet.of(Status.PASS, Status.FAIL, Status.WARN, Status.INSUFFICIENT_DATA));
        assertThat(RuleTests.required(byId.get("T-KEEP"))).isEqualTo(EnumSet.of(Status.PASS, Status.FAIL, Status.INSUFFICIENT_DATA));
    }

    @Test
    void a_malformed_reading_stops_the_compile_naming_the_rule() throws Exception {
        for (String[] bad : new String[][]{{"@tie(\"算了\")", "@tie 应为 达标、预警 或 不达标"}, {"@tolerance(\"大约\")", "@tolerance 应为数值或参数"},
                {"@soft(\"\")", "@soft 应写原文中"}}) {
            Path d = Files.createTempDirectory(dir, "bad");
            Files.copy(Path.of("rules/metrics.csv"), d.resolve("metrics.csv"));
            Files.writeString(d.resolve("bad.drl"), "package bad;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n"
                    + rule("B-1", "threshold", "> 1", bad[0], "threshold(kcontext, $e, value(\"初中三年巩固率\"))"), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> RuleBase.compile(d)).isInstanceOf(RuleCompileException.class)
                    .satisfies(e -> assertThat(((RuleCompileException) e).messages().toString()).contains("B-1").contains(bad[1]));
        }
    }

    @Test
    void the_lint_flags_a_reading_that_cannot_change_a_verdict() throws Exception {
        Path d = Files.createTempDirectory(dir, "lint");
        Files.copy(Path.of("rules/metrics.csv"), d.resolve("metrics.csv"));
        Files.writeString(d.resolve("lint.drl"), "package lint;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n"
                + rule("X-1", "threshold", ">= 1", "@tie(\"预警\")", "threshold(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("X-2", "threshold", ">= 1", "@soft(\"确保\")", "threshold(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("X-3", "no-decrease", ">= 上年", "@tolerance(\"1\")", "noDecrease(kcontext, $e, value(\"初中三年巩固率\"))"),
                StandardCharsets.UTF_8);
        RuleLint.Result r = RuleLint.check(d, false);
        assertThat(r.compiled()).as(r.errors().toString()).isTrue();
        assertThat(r.findings()).extracting(RuleLint.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("X-1").contains("@tie 只对"))
                .anySatisfy(m -> assertThat(m).contains("X-2").contains("@soft(\"确保\")"))
                .anySatisfy(m -> assertThat(m).contains("X-3").contains("@tolerance"));
        assertThat(RuleLint.KNOWN_META).contains("soft", "tie", "tolerance");
    }
}
