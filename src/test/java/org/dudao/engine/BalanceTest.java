package org.dudao.engine;

import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dudao.engine.Rules.evaluate;
import static org.dudao.engine.Rules.status;
import static org.dudao.engine.Rules.verdict;

/** 县域义务教育优质均衡: the seven per-school indicators, the 6-of-7 rule, the weighted coefficients. */
class BalanceTest {
    private static final String C = "990101";

    /** The seven resources, the factor that makes them per-pupil figures, and the 小学 / 初中 bounds. */
    private static final String[][] RESOURCES = {
            {"BAL-1", "高于规定学历教师数", "100", "4.2", "5.3"},
            {"BAL-2", "县级及以上骨干教师数", "100", "1.0", "1.0"},
            {"BAL-3", "体育艺术专任教师数", "100", "0.9", "0.9"},
            {"BAL-4", "教学及辅助用房面积", "1", "4.5", "5.8"},
            {"BAL-5", "体育运动场馆面积", "1", "7.5", "10.2"},
            {"BAL-6", "教学仪器设备值", "1", "2000", "2500"},
            {"BAL-7", "网络多媒体教室数", "100", "2.3", "2.4"},
    };

    private static TestData county() {
        return TestData.create().county(C, "一县").present(C, 2024);
    }

    /** A school of 1000 pupils whose every resource is {@code reach} times its bound. */
    private static TestData school(TestData d, String code, String stage, String pupils, double... reach) {
        d.school(code, code + "校", C, stage).present(code, 2024).metric(code, 2024, "在校学生数", pupils, "人");
        for (int i = 0; i < RESOURCES.length; i++) {
            String[] r = RESOURCES[i];
            BigDecimal bound = new BigDecimal(stage.equals("初中") ? r[4] : r[3]);
            BigDecimal total = bound.multiply(new BigDecimal(pupils)).divide(new BigDecimal(r[2]))
                    .multiply(BigDecimal.valueOf(reach.length == 1 ? reach[0] : reach[i]));
            d.metric(code, 2024, r[1], total.toPlainString(), RegionIndicatorsTest.unit(r[1]));
        }
        return d;
    }

    @ParameterizedTest(name = "{0} {1}: {2} per pupil is {3}")
    @CsvSource({
            "BAL-1, 小学, 1, PASS", "BAL-1, 初中, 1, PASS", "BAL-1, 小学, 0.99, FAIL", "BAL-1, 初中, 0.99, FAIL",
            "BAL-2, 小学, 1, PASS", "BAL-2, 初中, 0.99, FAIL", "BAL-3, 小学, 1, PASS", "BAL-3, 初中, 0.99, FAIL",
            "BAL-4, 小学, 1, PASS", "BAL-4, 初中, 0.99, FAIL", "BAL-5, 初中, 1, PASS", "BAL-5, 小学, 0.99, FAIL",
            "BAL-6, 初中, 1, PASS", "BAL-6, 小学, 0.99, FAIL", "BAL-7, 初中, 1, PASS", "BAL-7, 小学, 0.99, FAIL",
    })
    void per_school_indicator_against_the_bound_of_its_stage(String id, String stage, double reach, Status expected) {
        Verdict v = verdict(evaluate(school(county(), "S", stage, "1000", reach).build(), 2024), id, "S");
        assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(expected);
        // the 学段's own standard, in the resource's unit (人 of teachers and 间 of rooms per hundred pupils, not 个/百名学生)
        String[] r = Arrays.stream(RESOURCES).filter(x -> x[0].equals(id)).findFirst().orElseThrow();
        String unit = Map.of("BAL-4", "平方米", "BAL-5", "平方米", "BAL-6", "元", "BAL-7", "间").getOrDefault(id, "人");
        assertThat(v.getBound()).isEqualTo("不低于 " + new BigDecimal(stage.equals("初中") ? r[4] : r[3]).stripTrailingZeros().toPlainString() + " " + unit);
        assertThat(v.getObservedText()).endsWith(" " + unit);
        assertThat(v.getEvidence()).hasSize(2);
    }

    @Test
    void a_junior_school_is_held_to_the_junior_bound() {
        Verdict v = verdict(evaluate(school(county(), "S", "初中", "1000", 1).build(), 2024), "BAL-1", "S");
        assertThat(v.getLimit()).isEqualByComparingTo("5.3");
    }

    @Test
    void missing_excluded_and_unsplit_schools() {
        TestData d = county().school("M", "缺数校", C, "小学").present("M", 2024).metric("M", 2024, "在校学生数", "800", "人");
        school(d, "T", "小学教学点", "30", 1);
        school(d, "SP", "小学", "200", 1);
        d.school("SP2", "县培智学校", C, "小学").present("SP2", 2024);
        school(d, "N", "九年一贯制", "1500", 1);
        List<Verdict> vs = evaluate(d.build(), 2024);
        Verdict m = verdict(vs, "BAL-3", "M");
        assertThat(m.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(m.getMissing()).containsExactly("2024年“体育艺术专任教师数”");
        assertThat(verdict(vs, "BAL-3", "T").getStatus()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(verdict(vs, "BAL-3", "T").getMessage()).contains("不足50人的教学点");
        assertThat(verdict(vs, "BAL-3", "SP2").getStatus()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(verdict(vs, "BAL-SCHOOL", "SP2").getStatus()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(verdict(vs, "BAL-3", "N").getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(verdict(vs, "BAL-3", "N").getMessage()).contains("九年一贯制小学部").contains("共用一个学校代码");
    }

    @Test
    void six_of_seven_with_the_seventh_at_85_percent_passes_and_at_84_fails() {
        double[] at85 = {1, 1, 1, 1, 1, 1, 0.85};
        double[] at84 = {1, 1, 1, 1, 1, 1, 0.84};
        double[] two = {1, 1, 1, 1, 1, 0.99, 0.99};
        TestData d = county();
        school(d, "A", "小学", "1000", 1);
        school(d, "B", "小学", "1000", at85);
        school(d, "D", "初中", "1000", at84);
        school(d, "E", "初中", "1000", two);
        List<Verdict> vs = evaluate(d.build(), 2024);
        assertThat(status(vs, "BAL-SCHOOL", "A")).isEqualTo(Status.PASS);
        Verdict b = verdict(vs, "BAL-SCHOOL", "B");
        assertThat(b.getStatus()).as(b.getMessage()).isEqualTo(Status.PASS);
        assertThat(b.getMessage()).contains("每百名学生拥有网络多媒体教室数").doesNotContain("BAL-").contains("85%");
        Verdict dd = verdict(vs, "BAL-SCHOOL", "D");
        assertThat(dd.getStatus()).isEqualTo(Status.FAIL);
        assertThat(dd.getMessage()).contains("每百名学生拥有网络多媒体教室数").doesNotContain("BAL-").contains("84%");
        assertThat(status(vs, "BAL-SCHOOL", "E")).isEqualTo(Status.FAIL);
        Verdict county = verdict(vs, "BAL-COUNTY", C);
        assertThat(county.getStatus()).isEqualTo(Status.FAIL);
        assertThat(county.getChildren()).extracting(c -> c.entity()).contains("D", "E").doesNotContain("A", "B");
    }

    /** The rest reaching 84.9975% of its bound is short of 85%: compared exactly, shown with the digits that tell it apart. */
    @Test
    void the_rest_is_compared_exactly_not_rounded_to_85_percent() {
        TestData d = county();
        school(d, "F", "小学", "1000", 1, 1, 1, 1, 1, 1, 0.849975);
        school(d, "G", "小学", "1000", 1, 1, 1, 1, 1, 1, 0.85);
        List<Verdict> vs = evaluate(d.build(), 2024);
        Verdict f = verdict(vs, "BAL-SCHOOL", "F");
        assertThat(f.getStatus()).as(f.getMessage()).isEqualTo(Status.FAIL);
        assertThat(f.getMessage()).contains("为标准的 84.9975%");
        assertThat(status(vs, "BAL-SCHOOL", "G")).isEqualTo(Status.PASS);
        assertThat(Fmt.beside(new BigDecimal("84.999999"), new BigDecimal("85"), "%")).isEqualTo("84.9999%");
        assertThat(Fmt.beside(new BigDecimal("84.9975"), new BigDecimal("85"), "%")).isEqualTo("84.9975%");
        assertThat(Fmt.beside(new BigDecimal("84.9"), new BigDecimal("85"), "%")).isEqualTo("84.9%");
    }

    @Test
    void six_passing_and_one_missing_cannot_be_decided() {
        TestData without = TestData.create().county(C, "一县").present(C, 2024).school("A", "A校", C, "小学").present("A", 2024)
                .metric("A", 2024, "在校学生数", "1000", "人");
        for (int i = 0; i < 6; i++) {
            String[] r = RESOURCES[i];
            without.metric("A", 2024, r[1], new BigDecimal(r[3]).multiply(new BigDecimal("1000")).divide(new BigDecimal(r[2])).toPlainString(),
                    RegionIndicatorsTest.unit(r[1]));
        }
        assertThat(status(evaluate(without.build(), 2024), "BAL-SCHOOL", "A")).isEqualTo(Status.INSUFFICIENT_DATA);
    }

    /** Per-pupil values 10, 10 and 30 for 1000, 1000 and 60 pupils: the weighted CV passes, the plain one would not. */
    @Test
    void weighted_and_plain_coefficients_fall_on_opposite_sides_of_the_bound() {
        double[][] schools = {{1000, 10}, {1000, 10}, {60, 30}};
        TestData d = county();
        for (int i = 0; i < schools.length; i++) {
            String code = "W" + i;
            d.school(code, code, C, "小学").present(code, 2024)
                    .metric(code, 2024, "在校学生数", String.valueOf((int) schools[i][0]), "人")
                    .metric(code, 2024, "教学及辅助用房面积", String.valueOf((int) (schools[i][0] * schools[i][1])), "平方米");
        }
        double pupils = 0, total = 0, plainMean = 0;
        for (double[] s : schools) { pupils += s[0]; total += s[0] * s[1]; plainMean += s[1] / schools.length; }
        double mean = total / pupils, var = 0, plainVar = 0;
        for (double[] s : schools) {
            var += s[0] / pupils * Math.pow(s[1] - mean, 2);
            plainVar += Math.pow(s[1] - plainMean, 2) / schools.length;
        }
        double weighted = Math.sqrt(var) / mean, plain = Math.sqrt(plainVar) / plainMean;
        assertThat(plain).as("the plain coefficient").isGreaterThan(0.50);
        assertThat(weighted).as("the weighted coefficient").isLessThan(0.50);

        List<Verdict> vs = evaluate(d.build(), 2024);
        List<Verdict> cv4 = vs.stream().filter(v -> v.getIndicator().equals("BAL-CV-4") && v.getEntityCode().equals(C)).toList();
        assertThat(cv4).extracting(Verdict::getPart).containsExactlyInAnyOrder("小学", "初中");
        Verdict primary = cv4.stream().filter(v -> "小学".equals(v.getPart())).findFirst().orElseThrow();
        assertThat(primary.getStatus()).as(primary.getMessage()).isEqualTo(Status.PASS);
        assertThat(primary.getObserved().doubleValue()).isCloseTo(weighted, within(1e-9));
        assertThat(primary.getMessage()).startsWith("小学生均教学及辅助用房面积的校际差异系数 ").contains("3 所学校参与计算");
        Verdict junior = cv4.stream().filter(v -> "初中".equals(v.getPart())).findFirst().orElseThrow();
        assertThat(junior.getStatus()).as("no junior school in the county").isEqualTo(Status.NOT_APPLICABLE);
    }

    /**
     * Each coefficient on its own resource: two 小学 of 500 pupils at 0.5 and 1.5 times the bound give
     * CV = 0.5 exactly (a tie, which passes); at 0.4 and 1.6 CV = 0.6 fails; the other resources are equal.
     */
    @ParameterizedTest(name = "BAL-CV-{0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void each_coefficient_ties_at_half_and_fails_above(int n) {
        for (double[] reach : new double[][]{{0.5, 1.5}, {0.4, 1.6}}) {
            TestData d = county();
            for (int s = 0; s < 2; s++) {
                double[] r = {1, 1, 1, 1, 1, 1, 1};
                r[n - 1] = reach[s];
                school(d, "P" + s, "小学", "500", r);
            }
            Verdict v = evaluate(d.build(), 2024).stream()
                    .filter(x -> x.getIndicator().equals("BAL-CV-" + n) && "小学".equals(x.getPart())).findFirst().orElseThrow();
            boolean tie = reach[0] == 0.5;
            assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(tie ? Status.PASS : Status.FAIL);
            assertThat(v.getObserved()).isEqualByComparingTo(tie ? "0.5" : "0.6");
            assertThat(v.getEvidence()).hasSize(4);
        }
    }

    @Test
    void weighted_coefficient_formula() {
        // two schools, resource 100 for 10 pupils and 300 for 30: same per-pupil value, CV 0
        assertThat(WeightedCv.of(List.of(new BigDecimal[]{new BigDecimal("100"), new BigDecimal("10")},
                new BigDecimal[]{new BigDecimal("300"), new BigDecimal("30")}))).isEqualByComparingTo("0");
        // X = 1 (1 pupil) and 3 (3 pupils): mean 10/4 = 2.5; S² = 1/4·2.25 + 3/4·0.25 = 0.75; CV = √0.75 / 2.5
        BigDecimal cv = WeightedCv.of(List.of(new BigDecimal[]{new BigDecimal("1"), new BigDecimal("1")},
                new BigDecimal[]{new BigDecimal("9"), new BigDecimal("3")}));
        assertThat(cv.doubleValue()).isCloseTo(Math.sqrt(0.75) / 2.5, within(1e-12));
        assertThat(WeightedCv.of(List.<BigDecimal[]>of(new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ONE}))).isNull();
    }

    @Test
    void coefficient_fails_above_the_junior_bound_and_names_excluded_schools() {
        TestData d = county();
        // 初中: per-pupil values 5 and 15 for equal enrolment: mean 10, S 5, CV 0.5 > 0.45
        d.school("J1", "一中", C, "初中").present("J1", 2024).metric("J1", 2024, "在校学生数", "500", "人")
                .metric("J1", 2024, "体育运动场馆面积", "2500", "平方米")
                .school("J2", "二中", C, "初级中学").present("J2", 2024).metric("J2", 2024, "在校学生数", "500", "人")
                .metric("J2", 2024, "体育运动场馆面积", "7500", "平方米")
                .school("T", "某初中教学点", C, "初中").present("T", 2024).metric("T", 2024, "在校学生数", "40", "人")
                .school("X", "县特殊教育学校", C, "特殊教育").present("X", 2024).metric("X", 2024, "在校学生数", "90", "人");
        List<Verdict> vs = evaluate(d.build(), 2024);
        Verdict v = vs.stream().filter(x -> x.getIndicator().equals("BAL-CV-5") && "初中".equals(x.getPart())).findFirst().orElseThrow();
        assertThat(v.getStatus()).isEqualTo(Status.FAIL);
        assertThat(v.getObserved()).isEqualByComparingTo("0.5");
        assertThat(v.getMessage()).contains("不计特殊教育学校 1 所、不足50人的教学点 1 个");
        assertThat(v.getBound()).isEqualTo("不超过 0.45");
        Verdict lacking = vs.stream().filter(x -> x.getIndicator().equals("BAL-CV-1") && "初中".equals(x.getPart())).findFirst().orElseThrow();
        assertThat(lacking.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(lacking.getMessage()).contains("一中").contains("二中");
    }

    @Test
    void a_nine_year_school_reported_as_one_row_blocks_both_stages() {
        TestData d = county();
        school(d, "A", "小学", "1000", 1);
        school(d, "N", "九年一贯制", "1000", 1);
        List<Verdict> vs = evaluate(d.build(), 2024);
        assertThat(vs.stream().filter(v -> v.getIndicator().equals("BAL-CV-2"))).hasSize(2)
                .allSatisfy(v -> {
                    assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
                    assertThat(v.getMessage()).contains("N校");
                });
    }

    @Test
    void county_balance_passes_when_every_coefficient_and_school_passes() {
        TestData d = county();
        school(d, "A", "小学", "1000", 1.2);
        school(d, "B", "小学", "500", 1.0);
        school(d, "J", "初中", "800", 1.1);
        List<Verdict> vs = evaluate(d.build(), 2024);
        assertThat(vs.stream().filter(v -> v.getIndicator().startsWith("BAL-CV-"))).hasSize(14)
                .allSatisfy(v -> assertThat(v.getStatus()).as(v.toString()).isEqualTo(Status.PASS));
        Verdict county = verdict(vs, "BAL-COUNTY", C);
        assertThat(county.getStatus()).as(county.getMessage()).isEqualTo(Status.PASS);
        // per-pupil values 1.2 and 1.0 times the bound, 1000 and 500 pupils: every coefficient is the same
        BigDecimal one = WeightedCv.of(List.of(new BigDecimal[]{new BigDecimal("1200"), new BigDecimal("1000")},
                new BigDecimal[]{new BigDecimal("500"), new BigDecimal("500")}));
        assertThat(vs).filteredOn(v -> v.getIndicator().startsWith("BAL-CV-") && "小学".equals(v.getPart()))
                .allSatisfy(v -> assertThat(v.getObserved().doubleValue()).isCloseTo(one.doubleValue(), within(1e-9)));
        assertThat(new Evaluator(Rules.shipped(), 1).evaluate(d.build(), 2024).ruleProblems()).as("one verdict per part").isEmpty();
    }

    /**
     * No verdict carries the 2012 basic-balance name: its 综合差异系数 was computed on eight other indicators with its
     * own bounds, and the mean of the seven 优质均衡 coefficients is not it.
     */
    @Test
    void coefficients_above_the_bound_fail_the_county_and_no_basic_balance_is_claimed() {
        TestData d = county();
        school(d, "A", "小学", "1000", 3);
        school(d, "B", "小学", "1000", 0.3);
        List<Verdict> vs = evaluate(d.build(), 2024);
        assertThat(status(vs, "BAL-COUNTY", C)).isEqualTo(Status.FAIL);
        assertThat(vs).noneMatch(v -> v.getIndicator().equals("BAL-BASIC") || v.getName().contains("基本均衡"));
        assertThat(Rules.shipped().catalogue()).noneMatch(i -> i.name().contains("基本均衡") || i.source().contains("教督〔2012〕3号"));
    }

    @Test
    void a_county_without_any_school_lacks_the_data() {
        List<Verdict> vs = evaluate(TestData.create().entity(C, "一县", EntityKind.COUNTY, null, null).present(C, 2024).build(), 2024);
        assertThat(vs.stream().filter(v -> v.getIndicator().startsWith("BAL-CV-")))
                .allSatisfy(v -> assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA));
        assertThat(status(vs, "BAL-COUNTY", C)).isEqualTo(Status.INSUFFICIENT_DATA);
    }
}
