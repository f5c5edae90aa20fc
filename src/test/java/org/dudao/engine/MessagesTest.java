package org.dudao.engine;

import org.dudao.model.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each sentence template of a verdict, as an inspector writes it (issue 13), and the numbers and standards in them. */
class MessagesTest {
    private static BigDecimal n(String s) { return new BigDecimal(s); }

    private static final Children SCHOOLS = Children.schools(), COUNTIES = Children.children("县");

    @Test
    void year_on_year_says_the_change_the_rate_and_whether_the_standard_was_met() {
        assertThat(Messages.yearOnYear("一般公共预算教育支出", Fmt.value(n("98000"), "万元"), Messages.change(n("-2000"), "万元"),
                Messages.rate(n("98000"), n("100000"), "万元"), false, "只增不减"))
                .isEqualTo("一般公共预算教育支出 98000 万元，比上年减少 2000 万元，同比下降 2.0%，未实现“只增不减”");
        assertThat(Messages.change(n("0.5"), "%")).isEqualTo("比上年提高 0.5 个百分点");
        assertThat(Messages.change(BigDecimal.ZERO, "元")).isEqualTo("与上年持平");
        assertThat(Messages.rate(n("54.92"), n("55"), "%")).as("a share changes by 个百分点, no 同比").isEmpty();
        assertThat(Messages.rate(n("1"), BigDecimal.ZERO, "起")).as("nothing is a rate of 0").isEmpty();
        assertThat(Messages.rate(n("4999.99"), n("5000"), "万元")).as("never 下降 0%").isEqualTo("，同比下降 不足 0.1%");
        assertThat(StandardWords.yearOnYear("义务教育生均公用经费逐步增长（三个增长之三）", Op.GT)).isEqualTo("逐步增长");
        assertThat(StandardWords.yearOnYear("某某支出", Op.LE)).isEqualTo("不反弹");
    }

    private static org.dudao.model.Metric m(String entity, int year, String key, String value, String unit) {
        return new org.dudao.model.Metric(entity, year, key, n(value), null, unit, new org.dudao.model.Origin("f.xlsx", "学校", "C2"));
    }

    @Test
    void the_figures_a_value_rests_on_are_each_said_once_with_the_years_where_a_figure_has_two() {
        var pupils = m("S", 2024, "在校学生数", "300", "人");
        assertThat(Messages.inputs(List.of(m("S", 2024, "公办园在园幼儿数", "13500", "人"), m("S", 2024, "在园幼儿数", "30000", "人"))))
                .isEqualTo("公办园在园幼儿数 13500 人，在园幼儿数 30000 人");
        assertThat(Messages.inputs(List.of(m("S", 2024, "一般公共预算教育支出", "110", "万元"), m("S", 2023, "一般公共预算教育支出", "100", "万元"))))
                .as("a growth rate's two years, the name once").isEqualTo("一般公共预算教育支出 2024年 110 万元、2023年 100 万元");
        assertThat(Messages.inputs(List.of(pupils, m("T", 2024, "在校学生数", "200", "人"))))
                .as("two schools' figures of one name are not two years").isEqualTo("在校学生数 300 人，在校学生数 200 人");
        assertThat(Messages.inputs(List.of(pupils, pupils))).as("one figure twice is said once, without a year").isEqualTo("在校学生数 300 人");
        // more figures than the short path takes: the same sentence
        var many = List.of(m("S", 2024, "a", "1", null), m("S", 2023, "a", "2", null), m("S", 2024, "b", "3", null), m("S", 2024, "c", "4", null),
                m("S", 2024, "d", "5", null));
        assertThat(Messages.inputs(many)).isEqualTo("a 2024年 1、2023年 2，b 3，c 4，d 5");
        assertThat(Messages.inputs(many.subList(0, 4))).isEqualTo("a 2024年 1、2023年 2，b 3，c 4");
    }

    @Test
    void zero_names_what_is_left_with_its_note_after_the_count() {
        assertThat(Messages.notCleared("大班额（56人及以上）", "2 个", "清零", "甲校 三(1)班（班额 58 人）"))
                .isEqualTo("仍有大班额 2 个（56人及以上），未实现清零：甲校 三(1)班（班额 58 人）");
        assertThat(Messages.cleared("义务教育失学辍学", "0 人", "动态清零")).isEqualTo("义务教育失学辍学 0 人，实现动态清零");
    }

    @Test
    void change_ratio_says_last_year_and_the_drop_asked_for() {
        assertThat(Messages.changeRatio("涉校涉生安全事故", "1 起", "0 起", "", false, "下降 10%"))
                .isEqualTo("涉校涉生安全事故 1 起（上年 0 起），未实现下降 10%");
        assertThat(Messages.changeRatio("涉校涉生安全事故", "8 起", "10 起", "同比下降 20.0%", true, "下降 10%"))
                .isEqualTo("涉校涉生安全事故 8 起（上年 10 起），同比下降 20.0%，实现下降 10%");
        assertThat(Messages.counted("涉校涉生安全事故数", "起")).isEqualTo("涉校涉生安全事故");
        assertThat(Messages.counted("义务教育失学辍学人数", "人")).as("人数 keeps its 数").isEqualTo("义务教育失学辍学人数");
    }

    @Test
    void change_by_says_the_change_against_the_standard() {
        assertThat(Messages.changeBy("义务教育生均公用经费", "2900 元", Messages.change(n("-100"), "元"), false, "比上年增加不少于 150 元"))
                .isEqualTo("义务教育生均公用经费 2900 元，比上年减少 100 元，未达到比上年增加不少于 150 元的标准");
        assertThat(Messages.changeBy("义务教育生均公用经费", "1200 元", Messages.change(n("200"), "元"), true, "比上年增加不少于 150 元"))
                .isEqualTo("义务教育生均公用经费 1200 元，比上年增加 200 元，达标（标准为比上年增加不少于 150 元）");
    }

    @Test
    void a_threshold_says_the_value_and_how_far_from_the_standard() {
        String ratio = Messages.subject("专任教师与幼儿比", Fmt.value(n("16"), Fmt.PER_PERSON), "");
        assertThat(Messages.misses(ratio, Op.LE, true, StandardWords.number(n("15"), Fmt.PER_PERSON), "标准", ""))
                .isEqualTo("专任教师与幼儿比 1:16，低于 1:15 的标准");
        String share = Messages.subject("公办幼儿园在园幼儿占比", "45%", "公办园在园幼儿数 13500 人，在园幼儿数 30000 人");
        assertThat(Messages.misses(share, Op.GE, false, "50%", "标准", Messages.gap(n("45"), n("50"), "%")))
                .isEqualTo("公办幼儿园在园幼儿占比 45%（公办园在园幼儿数 13500 人，在园幼儿数 30000 人），低于 50% 的标准，差 5 个百分点");
        assertThat(Messages.misses("持证率 97%", Op.GE, false, "100.0%", "标准", "，差 3 个百分点")).as("100% at any precision is reached")
                .isEqualTo("持证率 97%，未达到 100.0% 的标准，差 3 个百分点");
        assertThat(Messages.misses("持证率 97%", Op.GE, false, "1000%", "标准", "")).isEqualTo("持证率 97%，低于 1000% 的标准");
        assertThat(Messages.misses("超大班额占比 12.5%", Op.LE, false, "2%", "标准", Messages.gap(n("12.5"), n("2"), "%")))
                .isEqualTo("超大班额占比 12.5%，超过 2% 的标准，超出 10.5 个百分点");
        assertThat(Messages.misses("新建改扩建公办幼儿园 40 所", Op.GE, false, "50 所", "目标", "，差 10 所"))
                .isEqualTo("新建改扩建公办幼儿园 40 所，低于 50 所的目标，差 10 所");
        assertThat(Messages.misses("义务教育教师平均工资收入 95000 元", Op.GE, false, "公务员平均工资收入 100000 元", "", "，差 5000 元"))
                .isEqualTo("义务教育教师平均工资收入 95000 元，低于公务员平均工资收入 100000 元，差 5000 元");
        assertThat(Messages.meets("学前三年毛入园率 90%", "不低于 85%")).isEqualTo("学前三年毛入园率 90%，达标（标准为不低于 85%）");
        assertThat(Messages.notYes("资源教室", "否", "为“是”", false)).isEqualTo("资源教室为“否”，标准为“是”");
        assertThat(Messages.notYes("资源教室", "否", "建有资源教室", true)).isEqualTo("资源教室为“否”，未达到“建有资源教室”的标准");
        assertThat(Messages.tolerated(n("1"), "%")).isEqualTo("，在原文“左右”的容差 1 个百分点以内，记为预警");
        assertThat(Messages.warn(Status.WARN, n("2"), "%")).isEqualTo("，但与标准相差不超过预警幅度 2 个百分点");
        assertThat(Messages.tie(Status.WARN, "持平")).isEqualTo("；本指标持平记为预警，不记为不达标");
        assertThat(Messages.soft("力争")).isEqualTo("。原文为“力争”，是努力方向而非硬性要求：未达到记为预警，不记为不达标");
    }

    @Test
    void children_are_counted_in_their_own_measure() {
        assertThat(Messages.counts(6, SCHOOLS, 4, 1, 1)).isEqualTo("共 6 所学校：达到 4 所，未达到 1 所，数据不足 1 所");
        assertThat(Messages.notCovered(1, COUNTIES, "二县", Messages.counts(6, COUNTIES, 4, 1, 1)))
                .isEqualTo("1 个县未达到要求：二县（共 6 个县：达到 4 个，未达到 1 个，数据不足 1 个）");
        assertThat(Messages.covered(3, SCHOOLS)).isEqualTo("全覆盖：3 所学校均达到要求");
        assertThat(Messages.coverageUnknown(2, SCHOOLS, "甲校、乙校")).isEqualTo("没有未达到要求的学校，但 2 所学校数据不足：甲校、乙校");
        assertThat(Messages.share("达到平安校园标准的学校比例", "60.87%", 14, 23, SCHOOLS)).isEqualTo("达到平安校园标准的学校比例 60.87%（14/23 所学校）");
        assertThat(Messages.notApplicable("随班就读学生数 2 人", Messages.condition("随班就读学生数", Bound.parse(">= 5 人"))))
                .isEqualTo("不适用：随班就读学生数 2 人，不满足适用条件（随班就读学生数 5 人及以上）");
        assertThat(Messages.condition("班额", Bound.parse(">= 56"))).isEqualTo("班额 56 人及以上");
        assertThat(Messages.condition("城镇小区配套幼儿园数", Bound.parse("> 0 所"))).isEqualTo("城镇小区配套幼儿园数多于 0 所");
        assertThat(Children.label(List.of("高校", "大学", "学院", "高等学校"))).as("a selector's label, not 高校、大学…学校").isEqualTo("高校、大学等学校");
        assertThat(Children.label(List.of("幼儿园"))).isEqualTo("幼儿园");
        assertThat(Messages.date(LocalDate.of(2024, 6, 30))).isEqualTo("2024年6月30日");
    }

    @Test
    void numbers_are_written_as_bulletins_write_them() {
        assertThat(Fmt.value(n("14666.6666667"), "元")).isEqualTo("14666.67 元");
        assertThat(Fmt.value(n("12301.5"), "元")).as("money to the fen").isEqualTo("12301.50 元");
        assertThat(Fmt.value(n("15000.000"), "元")).isEqualTo("15000 元");
        assertThat(Fmt.value(n("66.666667"), "%")).isEqualTo("66.67%");
        assertThat(Fmt.value(n("3.3170732"), "人")).isEqualTo("3.32 人");
        assertThat(Fmt.value(n("20"), Fmt.PER_PERSON)).isEqualTo("1:20");
        assertThat(Fmt.value(n("4999.99"), "万元")).as("万元 as the source gives them").isEqualTo("4999.99 万元");
        assertThat(Fmt.value(n("123456789"), "元")).as("no thousands separator").isEqualTo("123456789 元");
    }

    @Test
    void a_standard_is_said_in_words_with_the_value_used() {
        assertThat(StandardWords.of(Bound.parse(">= {FUND-03提高额|150} 元"), "change-by", p -> n("150"), null)).isEqualTo("比上年增加不少于 150 元");
        assertThat(StandardWords.of(Bound.parse("<= {SAFE-02上年比例|90}%"), "change-by", p -> n("90"), null)).isEqualTo("比上年下降不少于 10%");
        assertThat(StandardWords.of(Bound.parse("<= {PRE-4生师比|15}"), "threshold", p -> n("15"), Fmt.PER_PERSON)).isEqualTo("不低于 1:15");
        assertThat(StandardWords.of(Bound.parse("小学 <= {BAL-CV小学|0.50}；初中 <= {BAL-CV初中|0.45}"), "dispersion", p -> p.contains("小学") ? n("0.50") : n("0.45"), null))
                .isEqualTo("小学不超过 0.50，初中不超过 0.45");
        assertThat(StandardWords.of(Bound.parse(">= 4.2"), "threshold", p -> null, "人")).isEqualTo("不低于 4.2 人");
        assertThat(StandardWords.of(Bound.parse("= 0"), "zero", p -> null, null)).isEqualTo("清零");
        assertThat(StandardWords.of(Bound.parse("= 100%"), "threshold", p -> null, null)).as("全部办成: a share reaches 100%").isEqualTo("达到 100%");
        assertThat(StandardWords.of(Bound.parse("= 50%"), "threshold", p -> null, null)).isEqualTo("为 50%");
        assertThat(StandardWords.of(Bound.parse(">= {X|1}"), "threshold", p -> null, null)).isEqualTo("不低于（标准值未设置）");
        assertThat(StandardWords.quantity("达到平安校园标准的学校比例不低于60%")).isEqualTo("达到平安校园标准的学校比例");
        assertThat(StandardWords.quantity("普惠性幼儿园覆盖率达到80%")).isEqualTo("普惠性幼儿园覆盖率");
    }
}
