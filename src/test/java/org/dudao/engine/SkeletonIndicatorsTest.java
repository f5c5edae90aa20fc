package org.dudao.engine;

import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.engine.Rules.evaluate;
import static org.dudao.engine.Rules.status;
import static org.dudao.engine.Rules.verdict;

/** Each indicator of the walking skeleton: pass, fail, a tie at the bound, missing data (and not applicable). */
class SkeletonIndicatorsTest {
    private static final String C = "990101";

    private static TestData county() {
        return TestData.create().county(C, "一县");
    }

    @Nested
    class Fund01 {
        private Verdict run(String before, String now) {
            TestData d = county();
            if (before != null) d.metric(C, 2023, "一般公共预算教育支出", before, "万元");
            if (now != null) d.metric(C, 2024, "一般公共预算教育支出", now, "万元");
            d.present(C, 2024);
            return verdict(evaluate(d.build(), 2024), "FUND-01", C);
        }

        @Test void increase_passes() { assertThat(run("50000", "52000").getStatus()).isEqualTo(Status.PASS); }

        @Test void decrease_fails_with_both_years_as_evidence() {
            Verdict v = run("45000", "44000");
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getMessage()).contains("比上年减少 1000 万元").contains("未实现“只增不减”");
            assertThat(v.getEvidence()).extracting(m -> m.getYear()).containsExactly(2024, 2023);
            assertThat(v.getEvidence()).allSatisfy(m -> assertThat(m.getOrigin().getCell()).isNotBlank());
        }

        @Test void equal_values_written_differently_are_a_tie_and_pass() {
            assertThat(run("33000.0", "33000").getStatus()).isEqualTo(Status.PASS);
        }

        @Test void decrease_by_a_tiny_amount_still_fails() {
            assertThat(run("33000", "32999.99").getStatus()).isEqualTo(Status.FAIL);
        }

        @Test void missing_year_is_insufficient_data_naming_it() {
            Verdict v = run("45000", null);
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMissing()).containsExactly("2024年“一般公共预算教育支出”");
            assertThat(run(null, "45000").getMissing()).containsExactly("2023年“一般公共预算教育支出”");
        }
    }

    @Nested
    class Fund02 {
        private List<Verdict> run(TestData d) { return evaluate(d.present(C, 2024).build(), 2024); }

        @Test void computed_from_total_and_students_in_yuan() {
            TestData d = county().metric(C, 2023, "一般公共预算教育支出", "50000", "万元").metric(C, 2023, "在校学生数", "40000", "人")
                    .metric(C, 2024, "一般公共预算教育支出", "52000", "万元").metric(C, 2024, "在校学生数", "40500", "人");
            Verdict v = verdict(run(d), "FUND-02", C);
            assertThat(v.getStatus()).isEqualTo(Status.PASS);
            assertThat(v.getMessage()).contains("生均一般公共预算教育经费 12839.51 元，比上年增加 339.51 元");
        }

        @Test void a_ratio_tie_from_different_inputs_passes() {
            TestData d = county().metric(C, 2023, "一般公共预算教育支出", "30000").metric(C, 2023, "在校学生数", "10000")
                    .metric(C, 2024, "一般公共预算教育支出", "36000").metric(C, 2024, "在校学生数", "12000");
            assertThat(status(run(d), "FUND-02", C)).isEqualTo(Status.PASS);
        }

        @Test void a_repeating_decimal_tie_passes() {
            TestData d = county().metric(C, 2023, "一般公共预算教育支出", "10000").metric(C, 2023, "在校学生数", "3")
                    .metric(C, 2024, "一般公共预算教育支出", "20000").metric(C, 2024, "在校学生数", "6");
            assertThat(status(run(d), "FUND-02", C)).isEqualTo(Status.PASS);
        }

        @Test void per_student_figure_supplied_directly_is_used_first() {
            TestData d = county().metric(C, 2023, "生均一般公共预算教育经费", "15000", "元")
                    .metric(C, 2024, "生均一般公共预算教育经费", "14999", "元")
                    .metric(C, 2024, "一般公共预算教育支出", "99999").metric(C, 2024, "在校学生数", "1");
            Verdict v = verdict(run(d), "FUND-02", C);
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getEvidence()).extracting(m -> m.getKey()).containsOnly("生均一般公共预算教育经费");
        }

        @Test void decrease_fails() {
            TestData d = county().metric(C, 2023, "一般公共预算教育支出", "45000").metric(C, 2023, "在校学生数", "30000")
                    .metric(C, 2024, "一般公共预算教育支出", "44000").metric(C, 2024, "在校学生数", "30000");
            assertThat(status(run(d), "FUND-02", C)).isEqualTo(Status.FAIL);
        }

        @Test void zero_students_cannot_be_divided_and_is_insufficient() {
            TestData d = county().metric(C, 2023, "一般公共预算教育支出", "45000").metric(C, 2023, "在校学生数", "0")
                    .metric(C, 2024, "一般公共预算教育支出", "44000").metric(C, 2024, "在校学生数", "30000");
            Verdict v = verdict(run(d), "FUND-02", C);
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMessage()).contains("也无法由 一般公共预算教育支出 / 在校学生数 计算").contains("为 0");
        }

        @Test void missing_students_names_both_ways_of_getting_the_figure() {
            TestData d = county().metric(C, 2023, "一般公共预算教育支出", "45000").metric(C, 2023, "在校学生数", "30000")
                    .metric(C, 2024, "一般公共预算教育支出", "44000");
            Verdict v = verdict(run(d), "FUND-02", C);
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMessage()).contains("2024年“生均一般公共预算教育经费”").contains("2024年“在校学生数”");
        }
    }

    @Nested
    class Teach01 {
        private Verdict run(String teacher, String civil) {
            TestData d = county().present(C, 2024);
            if (teacher != null) d.metric(C, 2024, "义务教育教师平均工资收入", teacher, "元");
            if (civil != null) d.metric(C, 2024, "公务员平均工资收入", civil, "元");
            return verdict(evaluate(d.build(), 2024), "TEACH-01", C);
        }

        @Test void higher_passes() { assertThat(run("105000", "100000").getStatus()).isEqualTo(Status.PASS); }

        @Test void lower_fails_with_the_gap() {
            Verdict v = run("95000", "100000");
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getMessage()).contains("差 5000 元");
            assertThat(v.getEvidence()).hasSize(2);
        }

        @Test void equal_to_the_cent_is_a_tie() { assertThat(run("100000.30", "100000.3").getStatus()).isEqualTo(Status.PASS); }

        @Test void missing_either_side_is_insufficient() {
            assertThat(run(null, "100000").getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(run("100000", null).getMissing()).containsExactly("2024年“公务员平均工资收入”");
        }
    }

    @Nested
    class Kg01 {
        private Verdict run(String publicKids, String allKids) {
            TestData d = county().present(C, 2024);
            if (publicKids != null) d.metric(C, 2024, "公办园在园幼儿数", publicKids);
            if (allKids != null) d.metric(C, 2024, "在园幼儿数", allKids);
            return verdict(evaluate(d.build(), 2024), "KG-01", C);
        }

        @Test void sixty_percent_passes() { assertThat(run("1800", "3000").getStatus()).isEqualTo(Status.PASS); }

        @Test void forty_percent_fails_by_ten_points() {
            Verdict v = run("1200", "3000");
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getObserved()).isEqualByComparingTo("40");
            assertThat(v.getMessage()).contains("10 个百分点");
        }

        @Test void exactly_half_passes() { assertThat(run("1500", "3000").getStatus()).isEqualTo(Status.PASS); }

        @Test void a_hair_below_half_fails() { assertThat(run("1499", "2999").getStatus()).isEqualTo(Status.FAIL); }

        @Test void missing_total_is_insufficient() { assertThat(run("1500", null).getStatus()).isEqualTo(Status.INSUFFICIENT_DATA); }
    }

    @Nested
    class Priv01 {
        private Verdict run(String privBefore, String allBefore, String privNow, String allNow) {
            TestData d = county().metric(C, 2023, "民办义务教育在校生数", privBefore).metric(C, 2023, "义务教育在校生数", allBefore)
                    .metric(C, 2024, "义务教育在校生数", allNow);
            if (privNow != null) d.metric(C, 2024, "民办义务教育在校生数", privNow);
            return verdict(evaluate(d.build(), 2024), "PRIV-01", C);
        }

        @Test void falling_share_passes() { assertThat(run("3000", "30000", "2700", "30000").getStatus()).isEqualTo(Status.PASS); }

        @Test void rising_share_fails() { assertThat(run("2000", "20000", "2400", "20000").getStatus()).isEqualTo(Status.FAIL); }

        @Test void same_share_from_different_counts_is_a_tie() {
            assertThat(run("1000", "10000", "1100", "11000").getStatus()).isEqualTo(Status.PASS);
        }

        @Test void missing_is_insufficient() { assertThat(run("1000", "10000", null, "11000").getStatus()).isEqualTo(Status.INSUFFICIENT_DATA); }
    }

    @Nested
    class Drop01 {
        private Verdict run(String dropouts) {
            TestData d = county().present(C, 2024);
            if (dropouts != null) d.metric(C, 2024, "义务教育失学辍学人数", dropouts, "人");
            return verdict(evaluate(d.build(), 2024), "DROP-01", C);
        }

        @Test void zero_passes() { assertThat(run("0").getStatus()).isEqualTo(Status.PASS); }

        @Test void any_dropout_fails() { assertThat(run("1").getStatus()).isEqualTo(Status.FAIL); }

        @Test void blank_is_missing_not_zero() { assertThat(run(null).getStatus()).isEqualTo(Status.INSUFFICIENT_DATA); }
    }

    @Nested
    class Sped01 {
        private Verdict run(String population, String schools) {
            TestData d = county().present(C, 2024);
            if (population != null) d.metric(C, 2024, "常住人口", population, "人");
            if (schools != null) d.metric(C, 2024, "特殊教育学校数", schools, "所");
            return verdict(evaluate(d.build(), 2024), "SPED-01", C);
        }

        @Test void large_county_with_a_school_passes() { assertThat(run("350000", "1").getStatus()).isEqualTo(Status.PASS); }

        /** “鼓励20万人口以上县市区建立特殊教育学校”: encouraged, not required, so never 不达标. */
        @Test void large_county_without_one_warns_as_the_plan_only_encourages_it() {
            Verdict v = run("250000", "0");
            assertThat(v.getStatus()).isEqualTo(Status.WARN);
            assertThat(v.getMessage()).contains("原文为“鼓励”").contains("不记为不达标");
        }

        @Test void exactly_two_hundred_thousand_applies() { assertThat(run("200000", "0").getStatus()).isEqualTo(Status.WARN); }

        @Test void small_county_is_not_applicable_saying_why() {
            Verdict v = run("199999", "0");
            assertThat(v.getStatus()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(v.getMessage()).contains("常住人口 199999 人，不满足适用条件（常住人口 200000 人及以上）");
        }

        @Test void unknown_population_is_insufficient() { assertThat(run(null, "1").getStatus()).isEqualTo(Status.INSUFFICIENT_DATA); }

        @Test void missing_school_count_in_a_large_county_is_insufficient() {
            assertThat(run("300000", null).getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        }
    }

    @Nested
    class Sped02 {
        private static final String S1 = "9901010001";
        private static final String S2 = "9901010002";

        private TestData schools() {
            return county().school(S1, "实验小学", C, "小学").school(S2, "第一中学", C, "初中");
        }

        @Test void school_with_resource_room_passes_and_county_passes() {
            List<Verdict> vs = evaluate(schools().metric(S1, 2024, "随班就读学生数", "6").yesNo(S1, 2024, "资源教室", true)
                    .metric(S2, 2024, "随班就读学生数", "2").build(), 2024);
            assertThat(status(vs, "SPED-02", S1)).isEqualTo(Status.PASS);
            assertThat(status(vs, "SPED-02", S2)).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(status(vs, "SPED-02", C)).isEqualTo(Status.PASS);
        }

        @Test void exactly_five_pupils_applies() {
            List<Verdict> vs = evaluate(schools().metric(S1, 2024, "随班就读学生数", "5").yesNo(S1, 2024, "资源教室", false).build(), 2024);
            assertThat(status(vs, "SPED-02", S1)).isEqualTo(Status.FAIL);
        }

        @Test void county_fails_when_a_school_fails_and_names_it_with_its_cells() {
            List<Verdict> vs = evaluate(schools().metric(S1, 2024, "随班就读学生数", "8").yesNo(S1, 2024, "资源教室", false)
                    .metric(S2, 2024, "随班就读学生数", "5").yesNo(S2, 2024, "资源教室", true).build(), 2024);
            Verdict county = verdict(vs, "SPED-02", C);
            assertThat(county.getStatus()).isEqualTo(Status.FAIL);
            assertThat(county.getMessage()).contains("实验小学");
            assertThat(county.getChildren()).singleElement().satisfies(c -> {
                assertThat(c.entity()).isEqualTo(S1);
                assertThat(c.cells()).hasSize(2);
            });
        }

        @Test void missing_answer_is_insufficient_at_school_and_county() {
            List<Verdict> vs = evaluate(schools().metric(S1, 2024, "随班就读学生数", "7").metric(S2, 2024, "随班就读学生数", "1").build(), 2024);
            assertThat(status(vs, "SPED-02", S1)).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(status(vs, "SPED-02", C)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test void county_without_schools_is_insufficient() {
            List<Verdict> vs = evaluate(county().present(C, 2024).build(), 2024);
            assertThat(status(vs, "SPED-02", C)).isEqualTo(Status.INSUFFICIENT_DATA);
        }
    }

    @Nested
    class Class01 {
        private static final String S = "9901010001";

        private TestData school() { return county().present(C, 2024).school(S, "实验小学", C, "小学").present(S, 2024); }

        @Test void classes_of_55_or_fewer_pass() {
            List<Verdict> vs = evaluate(school().schoolClass(S, "一(1)班", 2024, 45).schoolClass(S, "一(2)班", 2024, 55).build(), 2024);
            assertThat(status(vs, "CLASS-01", S)).isEqualTo(Status.PASS);
            assertThat(status(vs, "CLASS-01", C)).isEqualTo(Status.PASS);
        }

        @Test void a_class_of_56_fails_at_school_and_county_naming_the_class() {
            List<Verdict> vs = evaluate(school().schoolClass(S, "三(1)班", 2024, 56).schoolClass(S, "三(2)班", 2024, 67).build(), 2024);
            Verdict school = verdict(vs, "CLASS-01", S);
            assertThat(school.getStatus()).isEqualTo(Status.FAIL);
            assertThat(school.getObserved()).isEqualByComparingTo("2");
            Verdict county = verdict(vs, "CLASS-01", C);
            assertThat(county.getStatus()).isEqualTo(Status.FAIL);
            assertThat(county.getMessage()).contains("三(1)班").contains("三(2)班");
            assertThat(county.getEvidence()).hasSize(2);
        }

        @Test void a_class_with_blank_size_makes_the_school_insufficient() {
            List<Verdict> vs = evaluate(school().schoolClass(S, "八(1)班", 2024, null).schoolClass(S, "八(2)班", 2024, 40).build(), 2024);
            Verdict v = verdict(vs, "CLASS-01", S);
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMessage()).contains("八(1)班");
        }

        @Test void a_large_class_fails_even_if_another_size_is_blank() {
            List<Verdict> vs = evaluate(school().schoolClass(S, "八(1)班", 2024, null).schoolClass(S, "八(2)班", 2024, 60).build(), 2024);
            assertThat(status(vs, "CLASS-01", S)).isEqualTo(Status.FAIL);
        }

        @Test void a_school_without_class_data_is_insufficient() {
            assertThat(status(evaluate(school().build(), 2024), "CLASS-01", S)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test void kindergartens_are_not_checked() {
            List<Verdict> vs = evaluate(county().school("K1", "幼儿园", C, "幼儿园").present("K1", 2024).build(), 2024);
            assertThat(Rules.find(vs, "CLASS-01", "K1")).isEmpty();
        }
    }

    @Test
    void every_applicable_indicator_gives_exactly_one_verdict_per_entity() {
        TestData d = county().present(C, 2024).school("S", "学校", C, "小学").present("S", 2024);
        List<Verdict> vs = evaluate(d.build(), 2024);
        assertThat(vs).extracting(v -> v.getIndicator() + "/" + v.getEntityCode() + "/" + v.getPart()).doesNotHaveDuplicates();
        java.util.Set<String> countyIndicators = Rules.shipped().catalogue().stream()
                .filter(i -> java.util.Arrays.asList(i.level().split(",")).contains("县")).map(i -> i.id())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(vs.stream().filter(v -> v.getEntityCode().equals(C)).map(Verdict::getIndicator).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(countyIndicators);
        // with no figures at all, nothing passes: a level of education the school table shows the county lacks (it lists
        // one primary school) and a stage without schools do not apply, everything else lacks data
        assertThat(vs).filteredOn(v -> v.getEntityCode().equals(C)).allSatisfy(v -> {
            boolean notApplicable = v.getIndicator().matches("FUND-02-(KG|JS|SS|VS|HE)")
                    || (v.getIndicator().startsWith("BAL-") && "初中".equals(v.getPart())) || v.getIndicator().equals("CLASS-05");
            assertThat(v.getStatus()).as(v.toString()).isEqualTo(notApplicable ? Status.NOT_APPLICABLE : Status.INSUFFICIENT_DATA);
        });
        assertThat(vs).filteredOn(v -> v.getIndicator().startsWith("BAL-CV-") && v.getEntityCode().equals(C)).hasSize(14);
    }
}
