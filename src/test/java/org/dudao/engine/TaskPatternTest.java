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

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The task pattern: a plan's countable target by its deadline, pro-rated before it (时间过半、任务过半). */
class TaskPatternTest {
    private static final String C = "990100";
    @TempDir static Path dir;
    private static RuleBase rules;

    private static String rule(String id, String pattern, String bound, String call, String extra) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @name(\"" + id + "\") @level(\"市\") @pattern(\"" + pattern + "\")\n    @bound(\""
                + bound + "\") @source(\"test\")" + extra + "\nwhen\n    $e : Entity(level == \"市\")\nthen\n    insert(" + call + ");\nend\n\n";
    }

    private static String call(String fn, String metric, String id) {
        return fn + "(kcontext, $e, value(\"" + metric + "\"), \"{任务评估日期|12-31}\", \"{" + id + "期限|12-31}\")";
    }

    @BeforeAll
    static void compile() throws Exception {
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"));
        String drl = "package tasktest;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n"
                + rule("T-COUNT", "task", ">= {T-COUNT目标数|230} 所", call("task", "新建智安校园数", "T-COUNT"), "")
                + rule("T-CEILING", "task", "= 0 所", call("task", "新审批民办义务教育学校数", "T-CEILING"), "")
                + rule("T-CLEAR", "task", "= 0 所", call("stockTask", "无证幼儿园数", "T-CLEAR"), "")
                + rule("T-AIM", "task", ">= {T-AIM目标数|160} 所", call("stockTask", "省现代化学校数", "T-AIM"), " @soft(\"力争\")")
                + rule("T-AIMCOUNT", "task", ">= 10 个", call("task", "新创省级以上劳动研学实践基地数", "T-AIMCOUNT"), " @soft(\"争创\")")
                + rule("T-WARN", "task", ">= 100 门", call("task", "开发清廉教育校本课程数", "T-WARN"), " @warn(\"2\")");
        Files.writeString(dir.resolve("tasks.drl"), drl, StandardCharsets.UTF_8);
        rules = RuleBase.compile(dir);
    }

    private static TestData city() { return TestData.create().entity(C, "甲市", EntityKind.CITY, null, null).present(C, 2024); }

    private static Verdict run(TestData d, String id) {
        return Rules.verdict(new Evaluator(rules, 1).evaluate(d.build(), 2024).verdicts(), id, C);
    }

    private static Verdict midYear(TestData d, String id) { return run(d.param("任务评估日期", "06-30"), id); }

    @Test
    void at_the_year_end_the_target_as_written_decides() {
        Verdict tie = run(city().metric(C, 2024, "新建智安校园数", "230"), "T-COUNT");
        assertThat(tie.getStatus()).as(tie.getMessage()).isEqualTo(Status.PASS);
        assertThat(tie.getLimit()).isEqualByComparingTo("230");
        assertThat(tie.getBound()).isEqualTo("不低于 230 所，任务期限 2024年（至2024年12月31日）");
        assertThat(tie.getParameters()).containsExactly("T-COUNT目标数", "任务评估日期", "T-COUNT期限");
        Verdict short1 = run(city().metric(C, 2024, "新建智安校园数", "229"), "T-COUNT");
        assertThat(short1.getStatus()).isEqualTo(Status.FAIL);
        assertThat(short1.getMessage()).isEqualTo("截至2024年12月31日，新建智安校园 229 所，未完成 230 所的目标，差 1 所");
        Verdict none = run(city().metric(C, 2024, "新审批民办义务教育学校数", "0"), "T-COUNT");
        assertThat(none.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(none.getMissing()).singleElement().asString().contains("2024年“新建智安校园数”");
    }

    @Test
    void before_the_deadline_a_count_is_held_to_the_share_of_the_year_gone() {
        // 2024 is a leap year: 30 June is day 182 of 366; 230 × 182 / 366 = 114.37…
        BigDecimal required = new BigDecimal("230").multiply(new BigDecimal("182").divide(new BigDecimal("366"), MathContext.DECIMAL128), MathContext.DECIMAL128);
        Verdict ahead = midYear(city().metric(C, 2024, "新建智安校园数", "115"), "T-COUNT");
        assertThat(ahead.getStatus()).as(ahead.getMessage()).isEqualTo(Status.PASS);
        assertThat(ahead.getLimit()).isEqualByComparingTo(required);
        assertThat(ahead.getBound()).contains("应至少 115 所（时间进度 49.73%（182/366 天，截至2024年6月30日）");
        assertThat(ahead.getEvidence()).anySatisfy(m -> assertThat(m.getKey()).isEqualTo("任务评估日期"));
        Verdict behind = midYear(city().metric(C, 2024, "新建智安校园数", "114"), "T-COUNT");
        assertThat(behind.getStatus()).isEqualTo(Status.FAIL);
        // at least 114.3716 所 is at least 115 所: the comparison stays exact, the words whole
        assertThat(behind.getMessage()).contains("未达到“时间过半、任务过半”的进度要求（应至少 115 所").contains("差 1 所");
        // the year-end count would fail at 114: the interim check is not the year's
        assertThat(run(city().metric(C, 2024, "新建智安校园数", "115"), "T-COUNT").getStatus()).isEqualTo(Status.FAIL);
    }

    @Test
    void a_ceiling_holds_on_every_day_and_is_not_pro_rated() {
        Verdict one = midYear(city().metric(C, 2024, "新审批民办义务教育学校数", "1"), "T-CEILING");
        assertThat(one.getStatus()).isEqualTo(Status.FAIL);
        assertThat(one.getMessage()).isEqualTo("截至2024年6月30日，新审批民办义务教育学校 1 所，目标为 0 所，超出 1 所");
        assertThat(one.getFormula()).contains("不按时间进度折算");
        assertThat(midYear(city().metric(C, 2024, "新审批民办义务教育学校数", "0"), "T-CEILING").getStatus()).isEqualTo(Status.PASS);
    }

    @Test
    void a_stock_to_clear_moves_from_last_years_end_by_the_share_of_the_year() {
        // 10 at the end of 2023: on 30 June at most 10 × (1 − 182/366) = 5.027…
        Verdict onTrack = midYear(city().metric(C, 2023, "无证幼儿园数", "10").metric(C, 2024, "无证幼儿园数", "5"), "T-CLEAR");
        assertThat(onTrack.getStatus()).as(onTrack.getMessage()).isEqualTo(Status.PASS);
        assertThat(onTrack.getBound()).contains("应至多 5 所").contains("2023年末 10 所 向目标 0 所 推进 49.73%");
        assertThat(onTrack.getEvidence()).anySatisfy(m -> assertThat(m.getYear()).isEqualTo(2023));
        assertThat(midYear(city().metric(C, 2023, "无证幼儿园数", "10").metric(C, 2024, "无证幼儿园数", "6"), "T-CLEAR").getStatus())
                .isEqualTo(Status.FAIL);
        Verdict noStart = midYear(city().metric(C, 2024, "无证幼儿园数", "3"), "T-CLEAR");
        assertThat(noStart.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(noStart.getMessage()).contains("2023年“无证幼儿园数”").contains("2023年末的起点");
        assertThat(midYear(city().metric(C, 2024, "无证幼儿园数", "0"), "T-CLEAR").getStatus()).as("already cleared").isEqualTo(Status.PASS);
        Verdict yearEnd = run(city().metric(C, 2024, "无证幼儿园数", "1"), "T-CLEAR");
        assertThat(yearEnd.getStatus()).isEqualTo(Status.FAIL);
        assertThat(yearEnd.getMessage()).contains("超出 1 所");
    }

    @Test
    void a_target_the_plan_strives_for_warns_and_never_fails() {
        Verdict shortYear = run(city().metric(C, 2024, "省现代化学校数", "159"), "T-AIM");
        assertThat(shortYear.getStatus()).isEqualTo(Status.WARN);
        assertThat(shortYear.getMessage()).contains("差 1 所").contains("原文为“力争”").contains("不记为不达标");
        assertThat(run(city().metric(C, 2024, "省现代化学校数", "160"), "T-AIM").getStatus()).isEqualTo(Status.PASS);
        // from 100 at the end of 2023 towards 160: on 30 June at least 100 + 60 × 182/366 = 129.8…
        assertThat(midYear(city().metric(C, 2023, "省现代化学校数", "100").metric(C, 2024, "省现代化学校数", "130"), "T-AIM").getStatus())
                .isEqualTo(Status.PASS);
        assertThat(midYear(city().metric(C, 2023, "省现代化学校数", "100").metric(C, 2024, "省现代化学校数", "129"), "T-AIM").getStatus())
                .isEqualTo(Status.WARN);
        Verdict strive = run(city().metric(C, 2024, "新创省级以上劳动研学实践基地数", "9"), "T-AIMCOUNT");
        assertThat(strive.getStatus()).isEqualTo(Status.WARN);
        assertThat(strive.getMessage()).contains("原文为“争创”");
    }

    @Test
    void a_target_of_several_years_sums_its_years_and_does_not_fail_a_year_on_track() {
        // 2023—2025: by the end of 2024, 731 of 1096 days are gone; 230 × 731 / 1096 = 153.4…
        TestData onTrack = city().param("T-COUNT期限", "2023—2025年").metric(C, 2023, "新建智安校园数", "100", "所")
                .metric(C, 2024, "新建智安校园数", "54", "所");
        Verdict v = run(onTrack, "T-COUNT");
        assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(Status.PASS);
        assertThat(v.getObserved()).isEqualByComparingTo("154");
        assertThat(v.getFormula()).contains("2023年 新建智安校园数 100 所 + 2024年 新建智安校园数 54 所 = 154 所").contains("731/1096 天");
        TestData behind = city().param("T-COUNT期限", "2023—2025年").metric(C, 2023, "新建智安校园数", "100").metric(C, 2024, "新建智安校园数", "53");
        assertThat(run(behind, "T-COUNT").getStatus()).isEqualTo(Status.FAIL);
        Verdict gap = run(city().param("T-COUNT期限", "2023—2025年").metric(C, 2024, "新建智安校园数", "200"), "T-COUNT");
        assertThat(gap.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(gap.getMissing()).singleElement().asString().contains("2023年“新建智安校园数”");
    }

    @Test
    void a_year_outside_the_period_is_not_applicable() {
        Verdict v = run(city().param("T-COUNT期限", "2025-01-01至2027-12-31").metric(C, 2024, "新建智安校园数", "0"), "T-COUNT");
        assertThat(v.getStatus()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(v.getMessage()).contains("任务期限 2025—2027年").contains("不在任务期限内");
        assertThat(run(city().param("T-COUNT期限", "2023-12-31").metric(C, 2024, "新建智安校园数", "0"), "T-COUNT").getStatus())
                .as("a deadline of last year").isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void rules_test_asks_a_target_the_plan_strives_for_to_warn_not_to_fail() {
        Indicator aim = new Indicator("T-AIM", "n", "市", "task", ">= 160", "s", null, "t.drl", "T-AIM", new Reading("力争", null, null));
        assertThat(RuleTests.required(aim)).containsExactlyInAnyOrder(Status.PASS, Status.WARN, Status.INSUFFICIENT_DATA);
        Indicator firm = new Indicator("T-COUNT", "n", "市", "task", ">= 230", "s", null, "t.drl", "T-COUNT");
        assertThat(RuleTests.required(firm)).containsExactlyInAnyOrder(Status.PASS, Status.FAIL, Status.INSUFFICIENT_DATA);
    }

    @Test
    void settings_that_cannot_be_read_say_how_to_write_them() {
        Verdict date = run(city().param("任务评估日期", "下半年").metric(C, 2024, "新建智安校园数", "230"), "T-COUNT");
        assertThat(date.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(date.getMessage()).contains("评估日期“下半年”无法识别").contains("06-30");
        Verdict period = run(city().param("T-COUNT期限", "明年").metric(C, 2024, "新建智安校园数", "230"), "T-COUNT");
        assertThat(period.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(period.getMessage()).contains("任务期限“明年”无法识别").contains("2024—2026年");
    }

    @Test
    void a_target_set_in_the_workbook_is_used_and_named() {
        Verdict v = run(city().param("T-COUNT目标数", "200").metric(C, 2024, "新建智安校园数", "200"), "T-COUNT");
        assertThat(v.getStatus()).isEqualTo(Status.PASS);
        assertThat(v.getBound()).startsWith("不低于 200 所，");
        assertThat(v.getParameters()).contains("T-COUNT目标数");
        assertThat(v.getEvidence()).anySatisfy(m -> assertThat(m.getOrigin().getFile()).endsWith("test.xlsx"));
    }

    @Test
    void a_narrow_pass_within_the_margin_warns() {
        assertThat(run(city().metric(C, 2024, "开发清廉教育校本课程数", "101"), "T-WARN").getStatus()).isEqualTo(Status.WARN);
        assertThat(run(city().metric(C, 2024, "开发清廉教育校本课程数", "103"), "T-WARN").getStatus()).isEqualTo(Status.PASS);
    }

    @Test
    void periods_are_read_in_every_documented_form() {
        assertThat(TaskPeriod.parse("12-31", 2024)).isEqualTo(new TaskPeriod(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 12, 31)));
        assertThat(TaskPeriod.parse("当年", 2024).describe()).isEqualTo("2024年");
        assertThat(TaskPeriod.parse("6月30日", 2024).end()).hasToString("2024-06-30");
        assertThat(TaskPeriod.parse("2023-12-31", 2024).describe()).isEqualTo("2023年");
        assertThat(TaskPeriod.parse("2024—2026年", 2024).describe()).isEqualTo("2024—2026年");
        assertThat(TaskPeriod.parse("2024-2026", 2024).end()).hasToString("2026-12-31");
        assertThat(TaskPeriod.parse("2024年至2026年底", 2024).describe()).isEqualTo("2024—2026年");
        assertThat(TaskPeriod.parse("2024-03-01至2024-09-30", 2024).describe()).isEqualTo("2024-03-01至2024-09-30");
        assertThat(TaskPeriod.parse("2026—2024年", 2024)).as("start after end").isNull();
        assertThat(TaskPeriod.parse("明年", 2024)).isNull();
        TaskPeriod p = TaskPeriod.parse("2024", 2024);
        assertThat(p).as("a bare year is not a deadline").isNull();
        TaskPeriod y = TaskPeriod.parse("12-31", 2024);
        assertThat(y.share(java.time.LocalDate.of(2024, 12, 31))).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(y.share(java.time.LocalDate.of(2025, 3, 1))).as("after the deadline").isEqualByComparingTo(BigDecimal.ONE);
        assertThat(y.daysGone(java.time.LocalDate.of(2024, 6, 30))).isEqualTo(182);
    }
}
