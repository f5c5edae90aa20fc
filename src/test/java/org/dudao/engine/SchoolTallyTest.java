package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of a region's schools as tallies (issue 17): {@code ForStage.absent} (FUND-02-xx: does the region have a
 * school of the stage?) and {@code phaseOut}'s (CLASS-05: could any school have 普通高中 classes?). A region's tally is
 * the sum of its counties', and the verdicts concluded from it are the rules' (pinned to the text they gave before).
 */
class SchoolTallyTest {
    private static final int YEAR = 2024;
    private static final String P = "990000", A = "990100", B = "990200", C1 = "990101", C2 = "990102", C3 = "990103";
    private static final String CLASS05 = "CLASS-05 普通高中逐步消减大班额";

    private static List<Verdict> verdicts;
    private static Facts facts;
    private static SessionContext session;
    private static final ForStage KINDERGARTEN = Patterns.forStage(Expr.value("幼儿园生均一般公共预算教育经费"), "在园幼儿数", "幼儿园");
    private static final ForStage SENIOR = Patterns.forStage(Expr.value("普通高中生均一般公共预算教育经费"), "普通高中在校生数", "高中", "高级中学",
            "完全中学", "十二年一贯制");
    private static final ClassSizes.Count LARGE_SENIOR = (ClassSizes.Count) Expr.countOf(Children.seniorClasses(), "班额", ">= 56");

    /**
     * Province P: city A with counties C1 and C3, city B with county C2. C1 has the 幼儿园 K1 (reported in 2024 only) and
     * the 小学 S1; C3 the 初中 S3 and the 完全中学 H6, the only school with 普通高中 classes; C2 the 小学 S2 and S5. No
     * funding figures: FUND-02-xx turns on whether the stage exists. 普通高中在校生数 is given for P, and as 0 for B in 2024.
     */
    @BeforeAll
    static void region() {
        TestData d = TestData.create().entity(P, "示例省", EntityKind.PROVINCE, null, null).city(A, "甲市", P).city(B, "乙市", P);
        for (String[] c : new String[][]{{C1, "一县", A}, {C3, "三县", A}, {C2, "二县", B}}) d.entity(c[0], c[1], EntityKind.COUNTY, c[2], null);
        d.school("K1", "学校K1", C1, "幼儿园").present("K1", YEAR);
        for (String[] s : new String[][]{{"S1", C1, "小学"}, {"S3", C3, "初中"}, {"H6", C3, "完全中学"}, {"S2", C2, "小学"}, {"S5", C2, "小学"}}) {
            d.school(s[0], "学校" + s[0], s[1], s[2]);
        }
        for (String e : List.of(P, A, B, C1, C2, C3, "S1", "S3", "H6", "S2", "S5")) d.present(e, YEAR).present(e, YEAR - 1);
        d.metric(P, YEAR, "普通高中在校生数", "1200", "人").metric(P, YEAR - 1, "普通高中在校生数", "1100", "人").metric(B, YEAR, "普通高中在校生数", "0", "人");
        // 班额 56 and over: 1 class in 2024, 3 in 2023, all known
        d.schoolClass("H6", "高一(1)班", YEAR, 58, "高一").schoolClass("H6", "高二(1)班", YEAR, 50, "高二");
        d.schoolClass("H6", "高一(1)班2023", YEAR - 1, 59, "高一").schoolClass("H6", "高二(1)班2023", YEAR - 1, 57, "高二")
                .schoolClass("H6", "高三(1)班2023", YEAR - 1, 60, "高三");
        Dataset data = d.build();
        verdicts = Rules.evaluate(data, YEAR);
        facts = new Facts(data).forSession();
        session = new SessionContext(facts, YEAR, Rules.shipped().rules(), Rules.shipped().params());
    }

    // ---- ForStage.absent (FUND-02-xx) ------------------------------------------------------------

    @Test
    void schools_of_a_stage_in_a_region_are_the_sum_of_its_counties() {
        for (ForStage stage : List.of(KINDERGARTEN, SENIOR)) {
            for (String region : List.of(P, A, B)) {
                for (int y : List.of(YEAR, YEAR - 1)) {
                    SchoolTally sum = sumOverCounties(region, k -> stage.schools(facts, k, y), stage.schools(facts, entity(region), y));
                    assertThat(stage.absent(facts.metric(region, stage.enrolment(), y), sum, y)).as("%s %s %d", stage.label(), region, y)
                            .isEqualTo(stage.absent(facts, entity(region), y));
                }
            }
        }
        assertThat(KINDERGARTEN.schools(facts, entity(P), YEAR)).isEqualTo(new SchoolTally(6, true));
        assertThat(KINDERGARTEN.schools(facts, entity(P), YEAR - 1)).as("K1 not reported in 2023").isEqualTo(new SchoolTally(5, false));
        assertThat(SENIOR.schools(facts, entity(B), YEAR)).isEqualTo(new SchoolTally(2, false));
    }

    @Test
    void a_region_without_the_stage_is_not_applicable_as_the_rule_says() {
        SchoolTally p2023 = sumOverCounties(P, k -> KINDERGARTEN.schools(facts, k, YEAR - 1), KINDERGARTEN.schools(facts, entity(P), YEAR - 1));
        String why = KINDERGARTEN.absent(null, p2023, YEAR - 1);
        assertThat(why).isEqualTo("学校表中2023年本地区的 5 所学校均不是幼儿园，也未填报“在园幼儿数”");
        assertNotApplicable("FUND-02-KG", P, "不适用：本地区2023年没有幼儿园（" + why + "），无法与上年比较");
        assertNotApplicable("FUND-02-KG", A, "不适用：本地区2023年没有幼儿园（学校表中2023年本地区的 3 所学校均不是幼儿园，也未填报“在园幼儿数”），无法与上年比较");
        String b = KINDERGARTEN.absent(null, sumOverCounties(B, k -> KINDERGARTEN.schools(facts, k, YEAR), KINDERGARTEN.schools(facts, entity(B), YEAR)), YEAR);
        assertNotApplicable("FUND-02-KG", B, "不适用：本地区2024年没有幼儿园（" + b + "）");
        assertThat(b).isEqualTo("学校表中2024年本地区的 2 所学校均不是幼儿园，也未填报“在园幼儿数”");
        // an enrolment figure decides whatever the schools: 0 is no stage, a number is a stage (the schools of P have none)
        assertThat(SENIOR.absent(facts.metric(B, SENIOR.enrolment(), YEAR), new SchoolTally(2, true), YEAR)).isEqualTo("2024年“普通高中在校生数”为 0");
        assertThat(SENIOR.absent(facts.metric(P, SENIOR.enrolment(), YEAR), new SchoolTally(6, false), YEAR)).isNull();
        assertNotApplicable("FUND-02-SS", B, "不适用：本地区2024年没有高中（2024年“普通高中在校生数”为 0）");
        assertThat(Rules.status(verdicts, "FUND-02-SS", P)).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(Rules.status(verdicts, "FUND-02-SS", A)).as("H6 is a 完全中学").isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(Rules.status(verdicts, "FUND-02-KG", C3)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(Rules.verdict(verdicts, "FUND-02-KG", P).getEvidence()).isEmpty();
    }

    // ---- phaseOut (CLASS-05) ---------------------------------------------------------------------

    @Test
    void schools_that_could_have_senior_classes_are_the_sum_of_the_counties() {
        for (String region : List.of(P, A, B)) {
            SchoolTally schools = sumOverCounties(region, k -> LARGE_SENIOR.schools(facts, k, YEAR), LARGE_SENIOR.schools(facts, entity(region), YEAR));
            ClassCountTally now = sumOverCounties(region, k -> LARGE_SENIOR.range(facts, k, YEAR), ClassCountTally.NONE, ClassCountTally::plus);
            ClassCountTally before = sumOverCounties(region, k -> LARGE_SENIOR.range(facts, k, YEAR - 1), ClassCountTally.NONE, ClassCountTally::plus);
            Verdict v = ClassPatterns.phaseOut(RollUpTallyTest.call(session, CLASS05, region), LARGE_SENIOR, now, before, schools);
            assertThat(RollUpTallyTest.json(v)).as(region).isEqualTo(RollUpTallyTest.json(Rules.verdict(verdicts, "CLASS-05", region)));
        }
        assertThat(LARGE_SENIOR.schools(facts, entity(B), YEAR)).as("two 小学: no 普通高中 class possible").isEqualTo(new SchoolTally(2, false));
        assertThat(LARGE_SENIOR.schools(facts, entity(A), YEAR)).isEqualTo(new SchoolTally(4, true));
        Verdict b = Rules.verdict(verdicts, "CLASS-05", B);
        assertThat(b.getStatus()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(b.getMessage()).isEqualTo("不适用：本地区2024年的学校中没有可能设有普通高中班级的学校");
        Verdict p = Rules.verdict(verdicts, "CLASS-05", P);
        assertThat(p.getStatus()).isEqualTo(Status.PASS);
        assertThat(p.getMessage()).isEqualTo("班额 56 人及以上的普通高中班级 1 个，比上年减少 2 个，同比下降 66.7%，实现“逐步消减”");
        assertThat(p.getFormula()).isEqualTo("2024年 班额 56 人及以上的普通高中班级数 < 2023年：班额 56 人及以上的普通高中班级 1 个（2024年）；"
                + "班额 56 人及以上的普通高中班级 3 个（2023年）");
        assertThat(p.getEvidence()).hasSize(4);
    }

    @Test
    void a_school_of_unknown_stage_could_have_any_class() {
        TestData d = TestData.create().county(C1, "一县").present(C1, YEAR).school("X1", "学校X1", C1, null).present("X1", YEAR);
        Facts f = new Facts(d.build()).forSession();
        assertThat(LARGE_SENIOR.schools(f, f.entity(C1), YEAR)).isEqualTo(new SchoolTally(1, true));
        assertThat(LARGE_SENIOR.schools(f, f.entity(C1), YEAR - 1)).as("no school reported").isEqualTo(SchoolTally.NONE);
        assertThat(SchoolTally.NONE.noneOfKind()).as("no school is not a school of another kind").isFalse();
    }

    @Test
    void exact_counts_are_compared_from_the_tallies_in_hand_not_counted_again() {
        // this year's tally handed in as last year's too: a tie (@tie 预警), where the classes in the facts would give 1 < 3
        ClassCountTally now = LARGE_SENIOR.range(facts, entity(P), YEAR);
        Verdict v = ClassPatterns.phaseOut(RollUpTallyTest.call(session, CLASS05, P), LARGE_SENIOR, now, now, LARGE_SENIOR.schools(facts, entity(P), YEAR));
        assertThat(v.getStatus()).isEqualTo(Status.WARN);
        assertThat(v.getLimit()).isEqualByComparingTo("1");
        assertThat(v.getFormula()).endsWith("班额 56 人及以上的普通高中班级 1 个（2024年）；班额 56 人及以上的普通高中班级 1 个（2023年）");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static SchoolTally sumOverCounties(String region, Function<Entity, SchoolTally> tally, SchoolTally whole) {
        SchoolTally sum = sumOverCounties(region, tally, SchoolTally.NONE, SchoolTally::plus);
        assertThat(sum).isEqualTo(whole);
        assertThat(sum.plus(SchoolTally.NONE)).isEqualTo(sum);
        assertThat(SchoolTally.NONE.plus(sum)).isEqualTo(sum);
        return sum;
    }

    /** The tallies of the region's counties, in the order the hierarchy is walked, added up. */
    private static <T> T sumOverCounties(String region, Function<Entity, T> tally, T none, BinaryOperator<T> plus) {
        List<Entity> counties = facts.descendants(entity(region), "县");
        assertThat(counties).isNotEmpty();
        T sum = none;
        for (Entity k : counties) sum = plus.apply(sum, tally.apply(k));
        return sum;
    }

    private static void assertNotApplicable(String indicator, String entity, String message) {
        Verdict v = Rules.verdict(verdicts, indicator, entity);
        assertThat(v.getStatus()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(v.getMessage()).isEqualTo(message);
    }

    private static Entity entity(String code) { return facts.entity(code); }
}
