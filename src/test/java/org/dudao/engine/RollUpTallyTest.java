package org.dudao.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.dudao.model.ClassBand;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups over children and classes as tallies (issue 17): a province's tally is the sum of its counties'
 * tallies, each made with the province's call, and the verdict concluded from the sum is the verdict the rule
 * gives. School codes interleave across counties (S2 is in the third county walked, S3 in the second), so
 * named children must be merged by code, while classes follow the walk of the hierarchy.
 */
class RollUpTallyTest {
    private static final int YEAR = 2024;
    private static final String P = "990000", A = "990100", B = "990200", C1 = "990101", C2 = "990102", C3 = "990103";

    private static Dataset data;
    private static List<Verdict> verdicts;
    private static Facts facts;
    private static SessionContext session;

    /**
     * Province P: city A with counties C1 and C3, city B with county C2, so the counties are walked C1, C3, C2.
     * Schools S1, S4 in C1; S3, S6 in C3; S2, S5 in C2.
     */
    @BeforeAll
    static void region() {
        TestData d = TestData.create().entity(P, "示例省", EntityKind.PROVINCE, null, null).present(P, YEAR).present(P, YEAR - 1)
                .city(A, "甲市", P).present(A, YEAR).city(B, "乙市", P).present(B, YEAR);
        for (String[] c : new String[][]{{C1, "一县", A}, {C3, "三县", A}, {C2, "二县", B}}) {
            d.entity(c[0], c[1], EntityKind.COUNTY, c[2], null).present(c[0], YEAR).present(c[0], YEAR - 1);
        }
        school(d, "S1", C1, "小学");
        school(d, "S4", C1, "初中");
        school(d, "S3", C3, "初中");
        school(d, "S6", C3, "完全中学");
        school(d, "S2", C2, "小学");
        school(d, "S5", C2, "小学");
        // 免试就近入学 (coverage): S2 and S3 fail, S4 and S6 lack it
        d.yesNo("S1", YEAR, "免试就近入学", true).yesNo("S2", YEAR, "免试就近入学", false).yesNo("S3", YEAR, "免试就近入学", false)
                .yesNo("S5", YEAR, "免试就近入学", true);
        // 平安校园 (share of children, >= 60%): 3 of 6 meet it, S2 and S3 do not, S4 lacks it: 50% to 66.7%
        d.yesNo("S1", YEAR, "平安校园", true).yesNo("S2", YEAR, "平安校园", false).yesNo("S3", YEAR, "平安校园", false)
                .yesNo("S5", YEAR, "平安校园", true).yesNo("S6", YEAR, "平安校园", true);
        // 宽带接入带宽 (coverage in Mbps): S3 short of 1000, S5 lacks it; the last school with a value is S2 as walked, S6 by code
        for (String[] s : new String[][]{{"S1", "1000"}, {"S2", "2000"}, {"S3", "100"}, {"S4", "1000"}, {"S6", "1500"}}) {
            d.metric(s[0], YEAR, "宽带接入带宽", s[1], "Mbps");
        }
        // classes: oversized, over the 学段's standard, blank, a class of a 完全中学 without 年级, and size bands with and without their count
        d.schoolClass("S1", "一(1)班", YEAR, 70).schoolClass("S1", "一(2)班", YEAR, 40).schoolClass("S1", "一(3)班", YEAR, null);
        d.schoolClass("S4", "七(1)班", YEAR, 58).schoolClass("S4", "七(2)班", YEAR, 45);
        band(d, "S3", "56-60人", "3");
        band(d, "S3", "66人及以上", null);
        d.schoolClass("S6", "七(1)班", YEAR, 44, "七年级").schoolClass("S6", "高一(1)班", YEAR, 58, "高一").schoolClass("S6", "无年级班", YEAR, 60);
        d.schoolClass("S6", "高一(1)班2023", YEAR - 1, 59, "高一").schoolClass("S6", "高二(1)班2023", YEAR - 1, 57, "高二");
        d.schoolClass("S2", "一(1)班", YEAR, 67).schoolClass("S2", "二(1)班", YEAR, 50);
        d.schoolClass("S5", "一(1)班", YEAR, 30);
        d.param("GUAR-04小学班额", "45");
        data = d.build();
        verdicts = Rules.evaluate(data, YEAR);
        facts = new Facts(data).forSession();
        session = new SessionContext(facts, YEAR, Rules.shipped().rules(), Rules.shipped().params());
    }

    private static void school(TestData d, String code, String county, String stage) {
        d.school(code, "学校" + code, county, stage).present(code, YEAR).present(code, YEAR - 1);
    }

    private static void band(TestData d, String school, String label, String count) {
        ClassBand b = ClassBand.parse(label).orElseThrow();
        String code = ClassBand.code(school, null, b);
        d.entity(code, ClassBand.name(null, b), EntityKind.CLASS, school, null).present(code, YEAR);
        if (count != null) d.metric(code, YEAR, ClassBand.COUNT, count);
    }

    // ---- coverage -------------------------------------------------------------------------------

    @Test
    void coverage_of_a_province_is_the_sum_of_its_counties() {
        Children kids = Children.schools("小学", "初中", "初级中学", "一贯制", "完全中学");
        Expr x = Expr.value("免试就近入学");
        Call c = call("TASK-ADM-01 义务教育学校免试就近入学全覆盖", P);
        CoverageTally sum = sumOverCounties(k -> CoverageTally.of(c, kids.of(facts, k, YEAR), x), CoverageTally.NONE, CoverageTally::plus,
                CoverageTally.of(call("TASK-ADM-01 义务教育学校免试就近入学全覆盖", P), kids.of(facts, entity(P), YEAR), x));
        assertThat(codes(sum.failed())).as("merged by code, not in the order of the counties").containsExactly("S2", "S3");
        assertThat(codes(sum.lacking())).containsExactly("S4", "S6");
        assertRulesVerdict(sum.conclude(c, kids, x), Status.FAIL, "TASK-ADM-01", P);
    }

    @Test
    void coverage_in_a_unit_keeps_the_unit_of_the_last_child_by_code() {
        Children kids = Children.primaryAndSecondary();
        Expr x = Expr.value("宽带接入带宽");
        String rule = "IT-01 中小学宽带接入1000M及以上";
        Call c = call(rule, P);
        CoverageTally sum = sumOverCounties(k -> CoverageTally.of(c, kids.of(facts, k, YEAR), x), CoverageTally.NONE, CoverageTally::plus,
                CoverageTally.of(call(rule, P), kids.of(facts, entity(P), YEAR), x));
        assertThat(sum.unitFrom()).isEqualTo("S6");
        assertThat(sum.unit()).isEqualTo("Mbps");
        assertThat(codes(sum.failed())).containsExactly("S3");
        // IT-01 is a county's: the county C3 from its schools, one school at a time
        Call county = call(rule, C3);
        CoverageTally c3 = CoverageTally.NONE;
        for (Entity s : kids.of(facts, entity(C3), YEAR)) c3 = c3.plus(CoverageTally.of(county, List.of(s), x));
        assertThat(json(c3.conclude(county, kids, x))).isEqualTo(json(Rules.verdict(verdicts, "IT-01", C3)));
    }

    // ---- share of children -----------------------------------------------------------------------

    @Test
    void share_of_children_of_a_province_is_the_sum_of_its_counties() {
        Children kids = Children.schools();
        ChildTest test = ChildTest.meets(Expr.value("平安校园"), "= 是");
        Call c = call("SAFE-01 平安校园达标", P);
        ChildShareTally sum = sumOverCounties(k -> ChildShareTally.of(c, kids.of(facts, k, YEAR), test), ChildShareTally.NONE, ChildShareTally::plus,
                ChildShareTally.of(call("SAFE-01 平安校园达标", P), kids.of(facts, entity(P), YEAR), test));
        assertThat(List.of(sum.children(), sum.met(), sum.notMet())).containsExactly(6, 3, 2);
        assertThat(codes(sum.named())).as("merged by code").containsExactly("S2", "S3");
        assertThat(codes(sum.lacking())).containsExactly("S4");
        assertRulesVerdict(sum.conclude(c, kids, test), Status.INSUFFICIENT_DATA, "SAFE-01", P);
    }

    // ---- classes ---------------------------------------------------------------------------------

    @Test
    void share_of_classes_of_a_province_is_the_sum_of_its_counties() {
        Children kids = Children.compulsoryClasses();
        for (String[] r : new String[][]{{"CLASS-03 超大班额比例", "CLASS-03", ">= 66"}, {"CLASS-04 大班额比例", "CLASS-04", ">= 56"}}) {
            Call c = call(r[0], P);
            ClassShareTally sum = sumOverCounties(k -> ClassShareTally.of(c, classes(k, kids), r[2]), ClassShareTally.NONE, ClassShareTally::plus,
                    ClassShareTally.of(call(r[0], P), classes(entity(P), kids), r[2]));
            assertThat(json(sum.conclude(c, kids, "班额", r[2]))).as(r[1]).isEqualTo(json(Rules.verdict(verdicts, r[1], P)));
        }
        ClassShareTally oversized = sumOverCounties(k -> ClassShareTally.of(call("CLASS-03 超大班额比例", P), classes(k, kids), ">= 66"),
                ClassShareTally.NONE, ClassShareTally::plus);
        assertThat(codes(oversized.named(), f -> f.entity()))
                .as("in the order the hierarchy is walked: C1, C3, then C2").containsExactly("S1/一(1)班", "S2/一(1)班");
        assertThat(codes(oversized.doubtful(), f -> f.entity())).containsExactly("S1/一(3)班", "S3/班额段66人及以上", "S6/无年级班");
    }

    @Test
    void every_class_within_its_standard_is_the_sum_of_its_parts() {
        Children kids = Children.compulsoryClasses();
        String rule = "GUAR-04 义务教育学校班额";
        Call c = call(rule, P);
        ClassLimitTally sum = sumOverCounties(k -> ClassLimitTally.of(c, classes(k, kids)), ClassLimitTally.NONE, ClassLimitTally::plus,
                ClassLimitTally.of(call(rule, P), classes(entity(P), kids)));
        assertThat(codes(sum.over(), f -> f.entity())).containsExactly("S1/一(1)班", "S4/七(1)班", "S3/班额段56-60人", "S2/一(1)班", "S2/二(1)班");
        assertThat(sum.evidence().first()).as("the standard's parameter, for each class held to it").isNotEmpty();
        // GUAR-04 is a school's: each school from its classes, one class at a time
        for (String s : List.of("S1", "S2", "S3", "S4", "S6")) {
            Call school = call(rule, s);
            ClassLimitTally t = ClassLimitTally.NONE;
            for (ClassSizes.Item i : classes(entity(s), kids)) t = t.plus(ClassLimitTally.of(school, List.of(i)));
            assertThat(json(t.conclude(school, kids, "班额"))).as(s).isEqualTo(json(Rules.verdict(verdicts, "GUAR-04", s)));
        }
    }

    @Test
    void a_standard_that_cannot_be_resolved_is_named_once_in_the_sum() {
        TestData d = TestData.create().entity(P, "示例省", EntityKind.PROVINCE, null, null).present(P, YEAR)
                .entity(C1, "一县", EntityKind.COUNTY, P, null).present(C1, YEAR).entity(C2, "二县", EntityKind.COUNTY, P, null).present(C2, YEAR);
        d.school("J1", "学校J1", C1, "初中").present("J1", YEAR).school("J2", "学校J2", C2, "初中").present("J2", YEAR);
        d.schoolClass("J1", "七(1)班", YEAR, 52).schoolClass("J2", "七(1)班", YEAR, 48).schoolClass("J2", "七(2)班", YEAR, 40);
        Dataset unresolved = d.param("GUAR-04初中班额", "五十").build();
        SessionContext s = new SessionContext(new Facts(unresolved).forSession(), YEAR, Rules.shipped().rules(), Rules.shipped().params());
        Children kids = Children.compulsoryClasses();
        String rule = "GUAR-04 义务教育学校班额";
        Function<Entity, List<ClassSizes.Item>> classes = e -> ClassSizes.items(s.facts(), e, kids, "班额", YEAR);
        Call c = call(s, rule, P);
        ClassLimitTally sum = ClassLimitTally.NONE;
        for (Entity k : s.facts().descendants(s.facts().entity(P), "县")) sum = sum.plus(ClassLimitTally.of(c, classes.apply(k)));
        assertThat(sum).isEqualTo(ClassLimitTally.of(call(s, rule, P), classes.apply(s.facts().entity(P))));
        assertThat(sum.missing()).as("each county's, once").singleElement().asString().contains("GUAR-04初中班额");
        Call school = call(s, rule, "J2");
        ClassLimitTally j2 = ClassLimitTally.NONE;
        for (ClassSizes.Item i : classes.apply(s.facts().entity("J2"))) j2 = j2.plus(ClassLimitTally.of(school, List.of(i)));
        Verdict v = j2.conclude(school, kids, "班额");
        assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(json(v)).isEqualTo(json(Rules.verdict(Rules.evaluate(unresolved, YEAR), "GUAR-04", "J2")));
    }

    @Test
    void a_count_of_classes_is_the_sum_of_its_counties() {
        ClassSizes.Count compulsory = (ClassSizes.Count) Expr.countOf(Children.compulsoryClasses(), "班额", ">= 56");
        ClassSizes.Count senior = (ClassSizes.Count) Expr.countOf(Children.seniorClasses(), "班额", ">= 56");
        for (ClassSizes.Count count : List.of(compulsory, senior)) {
            for (int y : List.of(YEAR, YEAR - 1)) {
                ClassCountTally sum = sumOverCounties(k -> count.range(facts, k, y), ClassCountTally.NONE, ClassCountTally::plus,
                        count.range(facts, entity(P), y));
                assertThat(count.value(sum, y)).isEqualTo(count.eval(facts, entity(P), y));
            }
        }
        ClassCountTally large = sumOverCounties(k -> compulsory.range(facts, k, YEAR), ClassCountTally.NONE, ClassCountTally::plus);
        assertThat(codes(large.counted().first(), f -> f.entity())).containsExactly("S1/一(1)班", "S4/七(1)班", "S3/班额段56-60人", "S2/一(1)班");
        assertThat(large.low()).isEqualByComparingTo("6");
        assertThat(large.high()).as("a band that may count has no count: no highest").isNull();
        // CLASS-05 of the province, from the two years' sums: 1 to 2 senior classes of 56 or more now, 2 last year
        Call c = call("CLASS-05 普通高中逐步消减大班额", P);
        Verdict v = ClassPatterns.phaseOut(c, senior, sumOverCounties(k -> senior.range(facts, k, YEAR), ClassCountTally.NONE, ClassCountTally::plus),
                sumOverCounties(k -> senior.range(facts, k, YEAR - 1), ClassCountTally.NONE, ClassCountTally::plus),
                sumOverCounties(k -> senior.schools(facts, k, YEAR), SchoolTally.NONE, SchoolTally::plus, senior.schools(facts, entity(P), YEAR)));
        assertRulesVerdict(v, Status.INSUFFICIENT_DATA, "CLASS-05", P);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The tallies of the province's counties, in the order the hierarchy is walked (C1, C3, C2), added up. */
    private static <T> T sumOverCounties(Function<Entity, T> tally, T none, BinaryOperator<T> plus) {
        List<Entity> counties = facts.descendants(entity(P), "县");
        assertThat(counties).extracting(Entity::getCode).containsExactly(C1, C3, C2);
        T sum = none;
        for (Entity k : counties) sum = plus.apply(sum, tally.apply(k));
        return sum;
    }

    /** As above, checked against the tally of the whole province at once; the empty tally adds nothing. */
    private static <T> T sumOverCounties(Function<Entity, T> tally, T none, BinaryOperator<T> plus, T whole) {
        T sum = sumOverCounties(tally, none, plus);
        assertThat(sum).isEqualTo(whole);
        assertThat(plus.apply(sum, none)).isEqualTo(sum);
        assertThat(plus.apply(none, sum)).isEqualTo(sum);
        return sum;
    }

    /** The verdict concluded is the one the rule gave, in every field report.json has. */
    private static void assertRulesVerdict(Verdict concluded, Status status, String indicator, String entity) {
        assertThat(concluded.getStatus()).isEqualTo(status);
        assertThat(json(concluded)).isEqualTo(json(Rules.verdict(verdicts, indicator, entity)));
    }

    private static List<ClassSizes.Item> classes(Entity e, Children kids) {
        return ClassSizes.items(facts, e, kids, "班额", YEAR);
    }

    private static Entity entity(String code) { return facts.entity(code); }

    /** A new call of a shipped rule for an entity, as the rule would make it. */
    private static Call call(String rule, String entity) { return call(session, rule, entity); }

    static Call call(SessionContext session, String rule, String entity) {
        RuleMeta meta = null;
        for (Map.Entry<String, RuleMeta> r : Rules.shipped().rules().entrySet()) if (r.getKey().endsWith("." + rule)) meta = r.getValue();
        assertThat(meta).as(rule).isNotNull();
        return new Call(session, meta, session.facts().entity(entity), YEAR);
    }

    private static List<String> codes(Capped<NamedChild> named) { return named.first().stream().map(NamedChild::code).toList(); }

    private static <T> List<String> codes(Capped<T> items, Function<T, String> code) { return codes(items.first(), code); }

    private static <T> List<String> codes(List<T> items, Function<T, String> code) { return items.stream().map(code).toList(); }

    static String json(Verdict v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            VerdictJson.writeExact(g, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
