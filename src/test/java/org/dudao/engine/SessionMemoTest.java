package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.engine.Rules.evaluate;
import static org.dudao.engine.Rules.verdict;

/** What a session computes once: never another entity's, another year's or another session's answer. */
class SessionMemoTest {
    private static final String P = "990000", CITY = "990100", C1 = "990101", C2 = "990102";

    /** Two counties of one city, a school each; S1's classes are large in 2024 only, S2's in 2023 only. */
    private static TestData twoCounties() {
        TestData d = TestData.create().entity(P, "示例省", org.dudao.model.EntityKind.PROVINCE, null, null).present(P, 2024).present(P, 2023)
                .city(CITY, "甲市", P).present(CITY, 2024).present(CITY, 2023)
                .entity(C1, "一县", org.dudao.model.EntityKind.COUNTY, CITY, null).present(C1, 2024).present(C1, 2023)
                .entity(C2, "二县", org.dudao.model.EntityKind.COUNTY, CITY, null).present(C2, 2024).present(C2, 2023)
                .school("S1", "一小", C1, "小学").present("S1", 2024).present("S1", 2023)
                .school("S2", "二小", C2, "小学").present("S2", 2024).present("S2", 2023);
        d.schoolClass("S1", "一班", 2024, 70).schoolClass("S1", "二班", 2024, 40).present("S1/一班", 2023).metric("S1/一班", 2023, "班额", "40", "人");
        d.schoolClass("S2", "一班", 2024, 40).present("S2/一班", 2023).metric("S2/一班", 2023, "班额", "60", "人").schoolClass("S2", "二班", 2023, 45);
        return d;
    }

    private static Entity entity(Facts f, String code) { return f.entity(code); }

    @Test
    void class_lists_are_kept_per_entity_selection_metric_and_year() {
        Facts facts = new Facts(twoCounties().build()).forSession();
        Children compulsory = Children.compulsoryClasses();
        List<ClassSizes.Item> one = ClassSizes.items(facts, entity(facts, C1), compulsory, "班额", 2024);
        assertThat(one).extracting(i -> i.low().intValue()).containsExactly(70, 40);
        assertThat(ClassSizes.items(facts, entity(facts, C1), Children.compulsoryClasses(), "班额", 2024))
                .as("asked again, by another rule's call").isSameAs(one);
        assertThat(ClassSizes.items(facts, entity(facts, C2), compulsory, "班额", 2024))
                .as("the other county's").extracting(i -> i.low().intValue()).containsExactly(40);
        assertThat(ClassSizes.items(facts, entity(facts, C1), compulsory, "班额", 2023))
                .as("last year's").extracting(i -> i.low().intValue()).containsExactly(40);
        assertThat(ClassSizes.items(facts, entity(facts, C1), Children.seniorClasses(), "班额", 2024))
                .as("another selection: 小学 classes are not 普通高中's").isEmpty();
        assertThat(ClassSizes.items(facts, entity(facts, C1), compulsory, "班级数", 2024))
                .as("another metric: none of the classes has it").allSatisfy(i -> assertThat(i.low()).isNull());
        assertThat(ClassSizes.items(facts, entity(facts, CITY), compulsory, "班额", 2024)).hasSize(3);
    }

    /** The classes descendants() finds under an entity, selected: what the class-size indicators saw before their lists were composed. */
    private static List<String> walked(Facts f, String parent, Children kids, int year) {
        return f.descendants(f.entity(parent), "班级").stream().filter(c -> c.hasYear(year))
                .filter(c -> kids.membership().of(f, c) != Boolean.FALSE).map(Entity::getCode).toList();
    }

    @Test
    void a_region_s_classes_are_its_children_s_in_the_order_of_the_walk_below_it() {
        TestData d = twoCounties().school("S3", "三中", C1, "初中").present("S3", 2024).schoolClass("S3", "七(1)班", 2024, 50)
                .entity("S1/直属班", "直属班", org.dudao.model.EntityKind.CLASS, C2, "小学").present("S1/直属班", 2024);
        Facts facts = new Facts(d.build()).forSession();
        for (String parent : List.of(P, CITY, C1, C2, "S1")) {
            assertThat(ClassSizes.items(facts, entity(facts, parent), Children.compulsoryClasses(), "班额", 2024))
                    .extracting(i -> i.entity().getCode()).as(parent).containsExactlyElementsOf(walked(facts, parent, Children.compulsoryClasses(), 2024));
        }
        assertThat(ClassSizes.items(facts, entity(facts, CITY), Children.compulsoryClasses(), "班额", 2024)).hasSize(5);
    }

    @Test
    void parent_codes_in_a_cycle_are_walked_as_before() {
        // 环县 is its school's child and the school its parent: descendants() goes round until its cut-off
        TestData d = TestData.create().entity("C", "环县", org.dudao.model.EntityKind.COUNTY, "S", null).present("C", 2024)
                .school("S", "环校", "C", "小学").present("S", 2024).schoolClass("S", "一班", 2024, 60);
        Facts facts = new Facts(d.build()).forSession();
        assertThat(ClassSizes.nested(facts, facts.entity("C"))).isFalse();
        for (String parent : List.of("C", "S")) {
            assertThat(ClassSizes.items(facts, entity(facts, parent), Children.compulsoryClasses(), "班额", 2024))
                    .extracting(i -> i.entity().getCode()).containsExactlyElementsOf(walked(facts, parent, Children.compulsoryClasses(), 2024));
        }
    }

    @Test
    void facts_not_made_for_a_session_remember_nothing_and_sessions_share_nothing() {
        Facts shared = new Facts(twoCounties().build());
        Entity c1 = shared.entity(C1);
        List<ClassSizes.Item> a = ClassSizes.items(shared, c1, Children.compulsoryClasses(), "班额", 2024);
        assertThat(ClassSizes.items(shared, c1, Children.compulsoryClasses(), "班额", 2024)).isEqualTo(a).isNotSameAs(a);
        Facts one = shared.forSession(), two = shared.forSession();
        assertThat(ClassSizes.items(one, c1, Children.compulsoryClasses(), "班额", 2024))
                .isNotSameAs(ClassSizes.items(two, c1, Children.compulsoryClasses(), "班额", 2024));
    }

    @Test
    void children_are_kept_per_entity_and_year() {
        Facts facts = new Facts(twoCounties().build()).forSession();
        Children schools = Children.schools();
        assertThat(schools.of(facts, entity(facts, C1), 2024)).extracting(Entity::getCode).containsExactly("S1");
        assertThat(schools.of(facts, entity(facts, C2), 2024)).extracting(Entity::getCode).containsExactly("S2");
        assertThat(schools.of(facts, entity(facts, CITY), 2024)).extracting(Entity::getCode).containsExactly("S1", "S2");
        assertThat(schools.of(facts, entity(facts, C1), 2022)).as("no return that year").isEmpty();
        assertThat(Children.schools("初中").of(facts, entity(facts, C1), 2024)).as("another selection").isEmpty();
    }

    @Test
    void two_counties_and_two_years_in_one_run_each_get_their_own_class_verdicts() {
        Dataset data = twoCounties().build();
        for (int threads : new int[]{1, 2}) {
            List<Verdict> now = new Evaluator(Rules.shipped(), threads).evaluate(data, 2024).verdicts();
            assertThat(verdict(now, "CLASS-02", C1).getStatus()).isEqualTo(Status.FAIL);
            assertThat(verdict(now, "CLASS-02", C1).getMessage()).contains("一班").doesNotContain("二小");
            assertThat(verdict(now, "CLASS-02", C2).getStatus()).isEqualTo(Status.PASS);
            assertThat(verdict(now, "CLASS-04", C1).getObserved()).isEqualByComparingTo("50");
            assertThat(verdict(now, "CLASS-04", C2).getObserved()).isEqualByComparingTo("0");
            assertThat(verdict(now, "CLASS-04", CITY).getObserved()).as("1 of the city's 3 classes")
                    .isBetween(new BigDecimal("33.33"), new BigDecimal("33.34"));
            assertThat(verdict(now, "GUAR-04", "S1").getStatus()).isEqualTo(Status.FAIL);
            assertThat(verdict(now, "GUAR-04", "S2").getStatus()).isEqualTo(Status.PASS);
        }
        List<Verdict> before = evaluate(data, 2023);
        assertThat(verdict(before, "CLASS-01", C1).getStatus()).isEqualTo(Status.PASS);
        assertThat(verdict(before, "CLASS-01", C2).getStatus()).isEqualTo(Status.FAIL);
        assertThat(verdict(before, "GUAR-04", "S2").getMessage()).contains("一班");
    }

    @Test
    void a_parameter_bound_is_resolved_for_each_run_and_a_missing_one_names_each_entity() {
        // CLASS-04's bound is {CLASS-04大班额比例|5}%: the workbook's 参数 sheet sets it for that run only
        Dataset strict = twoCounties().param("CLASS-04大班额比例", "60").build();
        assertThat(verdict(evaluate(strict, 2024), "CLASS-04", C1).getStatus()).isEqualTo(Status.PASS);
        assertThat(verdict(evaluate(twoCounties().build(), 2024), "CLASS-04", C1).getStatus()).as("the default again: 50% > 5%")
                .isEqualTo(Status.FAIL);
        List<Verdict> unset = evaluate(twoCounties().param("CLASS-04大班额比例", "未定").build(), 2024);
        for (String county : List.of(C1, C2)) {
            Verdict v = verdict(unset, "CLASS-04", county);
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMissingValues()).as("the gap is the county's own").allSatisfy(g -> assertThat(g.entity()).isEqualTo(county));
            assertThat(v.getParameters()).containsExactly("CLASS-04大班额比例");
        }
        List<Verdict> set = evaluate(strict, 2024);
        assertThat(verdict(set, "CLASS-04", C2).getParameters()).as("a bound resolved before still names its parameter")
                .containsExactly("CLASS-04大班额比例");
        assertThat(verdict(set, "CLASS-04", C2).getEvidence()).anySatisfy(m -> assertThat(m.getKey()).isEqualTo("CLASS-04大班额比例"));
    }

    @Test
    void parsed_bounds_and_read_quantities_are_each_their_own_text() {
        Bound a = Bound.parse(">= 56"), b = Bound.parse(">= 66");
        assertThat(a.number()).isEqualByComparingTo("56");
        assertThat(b.number()).isEqualByComparingTo("66");
        assertThat(Bound.parse(">= 56")).isEqualTo(a);
        assertThat(StandardWords.quantity("公办幼儿园在园幼儿占比达到50%")).isEqualTo("公办幼儿园在园幼儿占比");
        assertThat(StandardWords.quantity("义务教育大班额（56人及以上）占班级数的比例不超过5%")).isEqualTo("义务教育大班额（56人及以上）占班级数的比例");
        assertThat(StandardWords.quantity("公办幼儿园在园幼儿占比达到50%")).isEqualTo("公办幼儿园在园幼儿占比");
        assertThat(StandardWords.quantity("学校规模原则上不超过2000人")).as("a soft word before the standard").isEqualTo("学校规模");
    }
}
