package org.dudao.engine;

import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.engine.Rules.evaluate;
import static org.dudao.engine.Rules.status;
import static org.dudao.engine.Rules.verdict;

/** Indicators over child entities: coverage, share-of-children and school rules rolled up to a county. */
class ChildIndicatorsTest {
    private static final String P = "990000", CITY = "990100", C1 = "990101", C2 = "990102";

    private static TestData region() {
        return TestData.create().entity(P, "示例省", org.dudao.model.EntityKind.PROVINCE, null, null).present(P, 2024)
                .city(CITY, "甲市", P).present(CITY, 2024)
                .entity(C1, "一县", org.dudao.model.EntityKind.COUNTY, CITY, null).present(C1, 2024)
                .entity(C2, "二县", org.dudao.model.EntityKind.COUNTY, CITY, null).present(C2, 2024);
    }

    /** Five schools over the two counties, with their 学段. */
    private static TestData schools(String... stages) {
        TestData d = region();
        for (int i = 0; i < stages.length; i++) {
            String county = i % 2 == 0 ? C1 : C2;
            d.school("S" + i, "学校" + i, county, stages[i]).present("S" + i, 2024);
        }
        return d;
    }

    @Nested
    class Coverage {
        @ParameterizedTest
        @ValueSource(strings = {"TEACH-02:乡村教师生活补助", "SPED-03:特殊教育资源中心"})
        void every_county_must_say_yes(String spec) {
            String id = spec.split(":")[0], metric = spec.split(":")[1];
            // SPED-03 holds the province and the city to a centre of their own as well (省、市、县全覆盖)
            java.util.function.Supplier<TestData> region = () -> id.equals("SPED-03")
                    ? region().yesNo(P, 2024, metric, true).yesNo(CITY, 2024, metric, true) : region();
            assertThat(status(evaluate(region.get().yesNo(C1, 2024, metric, true).yesNo(C2, 2024, metric, true).build(), 2024), id, CITY))
                    .isEqualTo(Status.PASS);
            List<Verdict> vs = evaluate(region.get().yesNo(C1, 2024, metric, true).yesNo(C2, 2024, metric, false).build(), 2024);
            Verdict city = verdict(vs, id, CITY);
            assertThat(city.getStatus()).isEqualTo(Status.FAIL);
            assertThat(city.getMessage()).contains("二县");
            // the standard as the plans say it; each county is still held to 为“是”
            assertThat(city.getBound()).isEqualTo("全覆盖");
            assertThat(city.getFormula()).startsWith("每个" + (id.equals("SPED-03") ? "地区" : "县") + "的" + metric + "为“是”（");
            assertThat(city.getChildren()).singleElement().satisfies(c -> {
                assertThat(c.entity()).isEqualTo(C2);
                assertThat(c.message()).isEqualTo(metric + "为“否”，标准为“是”");
                assertThat(c.cells()).singleElement().satisfies(o -> assertThat(o.getCell()).startsWith("B"));
            });
            assertThat(status(vs, id, P)).as("the province reaches its counties through the cities").isEqualTo(Status.FAIL);
            Verdict missing = verdict(evaluate(region.get().yesNo(C1, 2024, metric, true).build(), 2024), id, CITY);
            assertThat(missing.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(missing.getMessage()).contains("二县");
            assertThat(status(evaluate(TestData.create().city(CITY, "甲市", null).present(CITY, 2024).build(), 2024), id, CITY))
                    .as("a city without counties").isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void broadband_covers_primary_and_secondary_schools_only_and_a_tie_passes() {
            TestData d = schools("小学", "初中", "幼儿园");
            d.metric("S0", 2024, "宽带接入带宽", "1000", "Mbps").metric("S1", 2024, "宽带接入带宽", "2000", "Mbps")
                    .metric("S2", 2024, "宽带接入带宽", "100", "Mbps");
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "IT-01", C1)).as("the kindergarten S2 is not counted").isEqualTo(Status.PASS);
            assertThat(status(vs, "IT-01", C2)).isEqualTo(Status.PASS);
            Verdict fail = verdict(evaluate(schools("小学", "初中", "小学").metric("S0", 2024, "宽带接入带宽", "999", "Mbps")
                    .metric("S2", 2024, "宽带接入带宽", "1000", "Mbps").build(), 2024), "IT-01", C1);
            assertThat(fail.getStatus()).isEqualTo(Status.FAIL);
            assertThat(fail.getChildren()).extracting(c -> c.entity()).containsExactly("S0");
            assertThat(status(evaluate(schools("小学", "初中").build(), 2024), "IT-01", C1)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void universities_must_all_be_smart_campuses() {
            TestData d = schools("普通高校", "普通高校", "小学");
            List<Verdict> vs = evaluate(d.yesNo("S0", 2024, "智慧校园", true).yesNo("S1", 2024, "智慧校园", false)
                    .yesNo("S2", 2024, "智慧校园", false).build(), 2024);
            Verdict v = verdict(vs, "IT-02-HE", CITY);
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getChildren()).extracting(c -> c.entity()).containsExactly("S1");
            assertThat(status(evaluate(schools("普通高校").yesNo("S0", 2024, "智慧校园", true).build(), 2024), "IT-02-HE", CITY))
                    .isEqualTo(Status.PASS);
            assertThat(status(evaluate(schools("小学").build(), 2024), "IT-02-HE", CITY)).isEqualTo(Status.INSUFFICIENT_DATA);
        }
    }

    @Nested
    class ShareOfChildren {
        private TestData safe(Boolean... answers) {
            TestData d = schools("小学", "初中", "小学", "初中", "高中");
            for (int i = 0; i < answers.length; i++) if (answers[i] != null) d.yesNo("S" + i, 2024, "平安校园", answers[i]);
            return d;
        }

        @Test
        void three_of_five_is_sixty_percent_and_passes() {
            List<Verdict> vs = evaluate(safe(true, true, true, false, false).build(), 2024);
            assertThat(status(vs, "SAFE-01", P)).isEqualTo(Status.PASS);
            assertThat(verdict(vs, "SAFE-01", P).getObserved()).isEqualByComparingTo("60");
        }

        @Test
        void two_of_five_fails_naming_the_schools() {
            Verdict v = verdict(evaluate(safe(true, true, false, false, false).build(), 2024), "SAFE-01", CITY);
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getChildren()).extracting(c -> c.entity()).containsExactly("S2", "S3", "S4");
            assertThat(v.getMessage()).contains("学校2");
        }

        @Test
        void missing_answers_decide_only_when_they_could_change_the_verdict() {
            assertThat(status(evaluate(safe(true, true, false, false, null).build(), 2024), "SAFE-01", CITY)).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(status(evaluate(safe(true, true, true, false, null).build(), 2024), "SAFE-01", CITY)).isEqualTo(Status.PASS);
            assertThat(status(evaluate(safe(true, false, false, false, null).build(), 2024), "SAFE-01", CITY)).isEqualTo(Status.FAIL);
            assertThat(status(evaluate(region().build(), 2024), "SAFE-01", CITY)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void a_county_counts_only_its_own_schools() {
            List<Verdict> vs = evaluate(safe(true, false, true, false, true).build(), 2024);
            assertThat(status(vs, "SAFE-01", C1)).isEqualTo(Status.PASS);  // S0, S2, S4: all yes
            assertThat(status(vs, "SAFE-01", C2)).isEqualTo(Status.FAIL);  // S1, S3: none
        }

        @Test
        void smart_campus_share_of_primary_and_secondary_schools() {
            TestData d = schools("小学", "初中", "小学", "初中", "高中", "幼儿园");
            d.yesNo("S0", 2024, "智慧校园", true).yesNo("S1", 2024, "智慧校园", true).yesNo("S2", 2024, "智慧校园", true)
                    .yesNo("S3", 2024, "智慧校园", false).yesNo("S4", 2024, "智慧校园", false).yesNo("S5", 2024, "智慧校园", false);
            assertThat(status(evaluate(d.build(), 2024), "IT-02", CITY)).as("the kindergarten is not counted").isEqualTo(Status.PASS);
            TestData f = schools("小学", "初中", "小学");
            f.yesNo("S0", 2024, "智慧校园", true).yesNo("S1", 2024, "智慧校园", false).yesNo("S2", 2024, "智慧校园", false);
            assertThat(status(evaluate(f.build(), 2024), "IT-02", P)).isEqualTo(Status.FAIL);
        }

        @Test
        void integrity_tiers_count_schools_at_or_above_each_tier() {
            // 20 schools: 3 引领型 (15%), 7 规范型 (50% at or above), 4 提升型 (70%), 6 未达标
            String[] tiers = new String[20];
            for (int i = 0; i < 20; i++) tiers[i] = i < 3 ? "引领型" : i < 10 ? "规范型" : i < 14 ? "提升型" : "未达标";
            String[] stages = new String[20];
            java.util.Arrays.fill(stages, "小学");
            TestData d = schools(stages);
            for (int i = 0; i < 20; i++) d.text("S" + i, 2024, "清廉学校等级", tiers[i]);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "CLEAN-01", CITY)).isEqualTo(Status.PASS);
            assertThat(status(vs, "CLEAN-01-2", CITY)).isEqualTo(Status.PASS);
            assertThat(status(vs, "CLEAN-01-3", CITY)).isEqualTo(Status.PASS);
            TestData worse = schools(stages);
            for (int i = 0; i < 20; i++) worse.text("S" + i, 2024, "清廉学校等级", i == 0 ? "规范型" : tiers[i]);
            List<Verdict> ws = evaluate(worse.build(), 2024);
            assertThat(status(ws, "CLEAN-01", CITY)).isEqualTo(Status.FAIL);
            assertThat(status(ws, "CLEAN-01-2", CITY)).isEqualTo(Status.PASS);
            TestData lacking = schools(stages);
            for (int i = 1; i < 20; i++) lacking.text("S" + i, 2024, "清廉学校等级", tiers[i]);
            assertThat(status(evaluate(lacking.build(), 2024), "CLEAN-01-3", CITY)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void class_size_shares_at_the_milestones() {
            TestData d = region().school("S", "学校", C1, "小学").present("S", 2024);
            for (int i = 0; i < 50; i++) d.schoolClass("S", "班" + i, 2024, i == 0 ? 66 : i < 3 ? 56 : 40);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "CLASS-03", C1)).as("1 of 50 is 2%").isEqualTo(Status.PASS);
            assertThat(status(vs, "CLASS-04", C1)).as("3 of 50 is 6%").isEqualTo(Status.FAIL);
            assertThat(status(vs, "CLASS-02", "S")).isEqualTo(Status.FAIL);
            assertThat(status(vs, "CLASS-02", C1)).isEqualTo(Status.FAIL);
            assertThat(status(vs, "CLASS-03", P)).isEqualTo(Status.PASS);
            TestData two = region().school("S", "学校", C1, "小学").present("S", 2024);
            for (int i = 0; i < 50; i++) two.schoolClass("S", "班" + i, 2024, i < 2 ? 70 : i < 5 ? 65 : 40);
            List<Verdict> ts = evaluate(two.build(), 2024);
            assertThat(status(ts, "CLASS-03", C1)).isEqualTo(Status.FAIL);
            assertThat(status(ts, "CLASS-04", C1)).as("5 of 50 at 56+ is 10%").isEqualTo(Status.FAIL);
            assertThat(status(evaluate(region().build(), 2024), "CLASS-04", C1)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void sixty_five_is_large_but_not_super_large() {
            TestData d = region().school("S", "学校", C1, "初中").present("S", 2024).schoolClass("S", "七(1)班", 2024, 65);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "CLASS-02", "S")).isEqualTo(Status.PASS);
            assertThat(status(vs, "CLASS-01", "S")).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class SchoolRollUps {
        @Test
        void labour_days_per_school_and_county() {
            TestData d = schools("小学", "初中", "小学").metric("S0", 2024, "劳动活动天数", "5", "天")
                    .metric("S1", 2024, "劳动活动天数", "7", "天").metric("S2", 2024, "劳动活动天数", "4", "天");
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "LABOR-01", "S0")).isEqualTo(Status.PASS);
            assertThat(status(vs, "LABOR-01", "S2")).isEqualTo(Status.FAIL);
            Verdict c1 = verdict(vs, "LABOR-01", C1);
            assertThat(c1.getStatus()).isEqualTo(Status.FAIL);
            assertThat(c1.getChildren()).extracting(c -> c.entity()).containsExactly("S2");
            assertThat(status(vs, "LABOR-01", C2)).isEqualTo(Status.PASS);
            assertThat(status(evaluate(schools("小学").build(), 2024), "LABOR-01", C1)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void training_funds_share_per_school_and_county() {
            TestData d = schools("小学", "初中").metric("S0", 2024, "教师培训经费", "5", "元").metric("S0", 2024, "学校公用经费", "100", "元")
                    .metric("S1", 2024, "教师培训经费", "4.99", "元").metric("S1", 2024, "学校公用经费", "100", "元");
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "TEACH-05", "S0")).isEqualTo(Status.PASS);
            assertThat(status(vs, "TEACH-05", C1)).isEqualTo(Status.PASS);
            assertThat(status(vs, "TEACH-05", "S1")).isEqualTo(Status.FAIL);
            assertThat(status(vs, "TEACH-05", C2)).isEqualTo(Status.FAIL);
            assertThat(status(evaluate(schools("小学").build(), 2024), "TEACH-05", C1)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void school_size_has_its_own_bound_for_nine_year_schools() {
            TestData d = schools("小学", "九年一贯制", "初中", "九年一贯制").metric("S0", 2024, "在校学生数", "2000", "人")
                    .metric("S1", 2024, "在校学生数", "2500", "人").metric("S2", 2024, "在校学生数", "2001", "人")
                    .metric("S3", 2024, "在校学生数", "2501", "人");
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "GUAR-03", "S0")).isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-03", "S1")).isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-03", "S2")).isEqualTo(Status.FAIL);
            assertThat(verdict(vs, "GUAR-03", "S3").getBound()).contains("2500");
            assertThat(status(vs, "GUAR-03", "S3")).isEqualTo(Status.FAIL);
            assertThat(status(vs, "GUAR-03", C1)).isEqualTo(Status.FAIL);
            assertThat(status(evaluate(schools("小学").build(), 2024), "GUAR-03", "S0")).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void class_size_bound_by_stage() {
            TestData d = schools("小学", "初中", "小学", "九年一贯制")
                    .schoolClass("S0", "一(1)班", 2024, 45).schoolClass("S1", "七(1)班", 2024, 50)
                    .schoolClass("S2", "二(1)班", 2024, 46).schoolClass("S3", "八(1)班", 2024, 40);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "GUAR-04", "S0")).isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-04", "S1")).isEqualTo(Status.PASS);
            Verdict s2 = verdict(vs, "GUAR-04", "S2");
            assertThat(s2.getStatus()).isEqualTo(Status.FAIL);
            assertThat(s2.getMessage()).as("each class in brackets after its name, the standard inside without a second pair")
                    .endsWith("：学校2二(1)班（班额 46 人，标准为小学不超过 45 人）");
            // a 九年一贯制 school's class of 40 without 年级 is within both bounds
            assertThat(status(vs, "GUAR-04", "S3")).isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-04", C1)).isEqualTo(Status.FAIL);
            assertThat(status(vs, "GUAR-04", C2)).isEqualTo(Status.PASS);
        }

        @Test
        void a_class_between_the_two_bounds_needs_its_grade() {
            TestData d = schools("小学", "九年一贯制").schoolClass("S1", "九(2)班", 2024, 48).schoolClass("S1", "八(1)班", 2024, 40);
            Verdict v = verdict(evaluate(d.build(), 2024), "GUAR-04", "S1");
            assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMessage()).contains("九(2)班").contains("学段不明").doesNotContain("八(1)班");
            TestData graded = schools("小学", "九年一贯制").schoolClass("S1", "九(2)班", 2024, 48, "九年级").schoolClass("S1", "三(2)班", 2024, 46, "三年级");
            Verdict g = verdict(evaluate(graded.build(), 2024), "GUAR-04", "S1");
            assertThat(g.getStatus()).as("初中 48 is within 50, 小学 46 is over 45").isEqualTo(Status.FAIL);
            assertThat(g.getChildren()).extracting(c -> c.entityName()).containsExactly("学校1三(2)班");
            TestData only = schools("小学", "九年一贯制").schoolClass("S1", "九(2)班", 2024, 48, "九年级");
            assertThat(status(evaluate(only.build(), 2024), "GUAR-04", "S1")).isEqualTo(Status.PASS);
        }
    }
}
