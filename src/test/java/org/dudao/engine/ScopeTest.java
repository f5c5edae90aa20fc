package org.dudao.engine;

import org.dudao.model.ClassBand;
import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.engine.Rules.evaluate;
import static org.dudao.engine.Rules.find;
import static org.dudao.engine.Rules.status;
import static org.dudao.engine.Rules.verdict;

/** What the indicators count: 义务教育 classes only, bands of class sizes, schools in parts, who a measure is for. */
class ScopeTest {
    private static final String P = "990000", CITY = "990100", C = "990101";

    private static TestData county() {
        return TestData.create().entity(P, "示例省", EntityKind.PROVINCE, null, null).present(P, 2024).present(P, 2023)
                .city(CITY, "甲市", P).present(CITY, 2024).present(CITY, 2023)
                .entity(C, "一县", EntityKind.COUNTY, CITY, null).present(C, 2024).present(C, 2023);
    }

    private static TestData school(TestData d, String code, String stage) {
        return d.school(code, code + "校", C, stage).present(code, 2024).present(code, 2023);
    }

    /** A band of {@code count} classes under a school (or region), as the loader makes it from a band sheet. */
    private static TestData band(TestData d, String parent, String stage, String header, int year, Integer count) {
        ClassBand b = ClassBand.parse(header).orElseThrow();
        String code = ClassBand.code(parent, stage, b);
        if (!d.has(code)) d.entity(code, ClassBand.name(stage, b), EntityKind.CLASS, parent, stage);
        d.present(code, year);
        if (count != null) d.metric(code, year, ClassBand.COUNT, count.toString(), "个");
        return d;
    }

    @Nested
    class CompulsoryClassesOnly {
        @Test
        void senior_and_kindergarten_classes_are_not_counted() {
            TestData d = county();
            school(d, "PS", "小学").schoolClass("PS", "一(1)班", 2024, 55).schoolClass("PS", "一(2)班", 2024, 40);
            school(d, "HS", "普通高中").schoolClass("HS", "高一(1)班", 2024, 66);
            school(d, "KG", "幼儿园");
            for (int i = 0; i < 30; i++) d.schoolClass("KG", "大" + i + "班", 2024, 30);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "CLASS-01", C)).as("the high school's 66 is not 义务教育").isEqualTo(Status.PASS);
            assertThat(status(vs, "CLASS-02", C)).isEqualTo(Status.PASS);
            Verdict share = verdict(vs, "CLASS-04", C);
            assertThat(share.getFormula()).as("kindergarten classes do not dilute the share").contains("0 / 2");
            assertThat(find(vs, "CLASS-01", "HS")).isEmpty();
        }

        @Test
        void a_complete_middle_school_counts_its_junior_classes_by_grade() {
            TestData d = county();
            school(d, "WZ", "完全中学").schoolClass("WZ", "1班", 2024, 60, "初一").schoolClass("WZ", "2班", 2024, 70, "高一")
                    .schoolClass("WZ", "3班", 2024, 40, "七年级");
            List<Verdict> vs = evaluate(d.build(), 2024);
            Verdict v = verdict(vs, "CLASS-01", "WZ");
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getObserved()).isEqualByComparingTo("1");
            assertThat(status(vs, "CLASS-02", "WZ")).as("the 70 is a 高一 class").isEqualTo(Status.PASS);
        }

        @Test
        void a_class_of_unknown_stage_is_named_where_it_could_change_the_verdict() {
            TestData d = county();
            school(d, "WZ", "完全中学").schoolClass("WZ", "1班", 2024, 58).schoolClass("WZ", "2班", 2024, 40);
            List<Verdict> vs = evaluate(d.build(), 2024);
            Verdict v = verdict(vs, "CLASS-01", C);
            assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMissing().toString()).contains("1班").contains("学段不明").doesNotContain("2班");
            assertThat(status(vs, "CLASS-02", C)).as("no class of 66 or more whatever its stage").isEqualTo(Status.PASS);
        }

        @Test
        void the_share_weighs_unknown_classes_both_ways_and_decides_when_it_can() {
            TestData d = county();
            school(d, "PS", "小学");
            for (int i = 0; i < 20; i++) d.schoolClass("PS", "班" + i, 2024, 40);
            school(d, "WZ", "完全中学");
            for (int i = 0; i < 5; i++) d.schoolClass("WZ", "班" + i, 2024, 40);
            Verdict v = verdict(evaluate(d.build(), 2024), "CLASS-04", C);
            assertThat(v.getStatus()).as("0% whether the five are junior or senior: " + v.getMessage()).isEqualTo(Status.PASS);
            // one 56 among 19 primary classes is 5.26%; five 40s of unknown stage would bring it to 4.17%
            TestData e = county();
            school(e, "PS", "小学");
            for (int i = 0; i < 19; i++) e.schoolClass("PS", "班" + i, 2024, i == 0 ? 56 : 40);
            school(e, "WZ", "完全中学");
            for (int i = 0; i < 5; i++) e.schoolClass("WZ", "班" + i, 2024, 40);
            Verdict u = verdict(evaluate(e.build(), 2024), "CLASS-04", C);
            assertThat(u.getStatus()).as(u.getMessage()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(u.getMessage()).contains("WZ校");
        }
    }

    @Nested
    class Bands {
        @Test
        void class_counts_come_from_the_bands() {
            TestData d = county();
            school(d, "PS", "小学");
            band(d, "PS", null, "51-55人", 2024, 30);
            band(d, "PS", null, "56－60人", 2024, 1);
            band(d, "PS", null, "66人及以上", 2024, 0);
            List<Verdict> vs = evaluate(d.build(), 2024);
            Verdict v = verdict(vs, "CLASS-01", "PS");
            assertThat(v.getStatus()).isEqualTo(Status.FAIL);
            assertThat(v.getMessage()).contains("56-60人");
            assertThat(status(vs, "CLASS-02", "PS")).isEqualTo(Status.PASS);
            Verdict share = verdict(vs, "CLASS-04", C);
            assertThat(share.getFormula()).contains("1 / 31");
            assertThat(share.getStatus()).as("1 of 31 is 3.2%").isEqualTo(Status.PASS);
        }

        @Test
        void a_band_without_its_count_is_missing_where_it_matters() {
            TestData d = county();
            school(d, "PS", "小学");
            band(d, "PS", null, "51-55人", 2024, 30);
            band(d, "PS", null, "56-60人", 2024, null);
            Verdict v = verdict(evaluate(d.build(), 2024), "CLASS-01", "PS");
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMissing().toString()).contains("班级数");
        }

        @Test
        void county_bands_with_a_stage() {
            TestData d = county();
            school(d, "PS", "小学");
            band(d, C, "初中", "56-60人", 2024, 2);
            band(d, C, "高中", "66人及以上", 2024, 3);
            band(d, C, "初中", "46-50人", 2024, 98);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "CLASS-01", C)).isEqualTo(Status.FAIL);
            assertThat(status(vs, "CLASS-02", C)).as("the 66+ are 高中").isEqualTo(Status.PASS);
            assertThat(verdict(vs, "CLASS-04", C).getFormula()).contains("2 / 100");
        }

        @Test
        void class_size_bound_says_what_a_band_proves() {
            TestData d = county();
            school(d, "P1", "小学");
            band(d, "P1", null, "41-45人", 2024, 10);
            school(d, "P2", "小学");
            band(d, "P2", null, "46-50人", 2024, 1);
            school(d, "J1", "初中");
            band(d, "J1", null, "46-50人", 2024, 4);
            school(d, "J2", "初中");
            band(d, "J2", null, "36-40人", 2024, 4);
            band(d, "J2", null, "51-55人", 2024, 0);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "GUAR-04", "P1")).as("41-45 proves ≤ 45").isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-04", "P2")).as("46-50 proves a 小学 class over 45").isEqualTo(Status.FAIL);
            assertThat(status(vs, "GUAR-04", "J1")).as("46-50 proves a 初中 class ≤ 50").isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-04", "J2")).as("a band of 0 classes holds none").isEqualTo(Status.PASS);
            TestData p = county().param("GUAR-04小学班额", "42");
            school(p, "P1", "小学");
            band(p, "P1", null, "41-45人", 2024, 10);
            Verdict v = verdict(evaluate(p.build(), 2024), "GUAR-04", "P1");
            assertThat(v.getStatus()).as("41-45 against 42: cannot tell").isEqualTo(Status.INSUFFICIENT_DATA);
        }
    }

    @Nested
    class SeniorLargeClasses {
        private TestData seniors(int before, int now) {
            TestData d = county();
            school(d, "HS", "普通高中");
            for (int i = 0; i < 10; i++) {
                d.schoolClass("HS", "23-" + i, 2023, i < before ? 58 : 45);
                d.schoolClass("HS", "24-" + i, 2024, i < now ? 58 : 45);
            }
            school(d, "PS", "小学").schoolClass("PS", "一(1)班", 2024, 60).schoolClass("PS", "一(1)班旧", 2023, 60);
            return d;
        }

        @Test
        void falling_passes_a_flat_year_warns_a_rising_year_fails_none_left_passes() {
            assertThat(status(evaluate(seniors(3, 2).build(), 2024), "CLASS-05", C)).isEqualTo(Status.PASS);
            Verdict flat = verdict(evaluate(seniors(3, 3).build(), 2024), "CLASS-05", C);
            assertThat(flat.getStatus()).as("逐步消减 with @tie(预警): " + flat.getMessage()).isEqualTo(Status.WARN);
            assertThat(status(evaluate(seniors(3, 4).build(), 2024), "CLASS-05", C)).isEqualTo(Status.FAIL);
            Verdict none = verdict(evaluate(seniors(0, 0).build(), 2024), "CLASS-05", C);
            assertThat(none.getStatus()).isEqualTo(Status.PASS);
            assertThat(none.getMessage()).contains("0 个，已全部消除");
            assertThat(status(evaluate(seniors(3, 2).build(), 2024), "CLASS-05", P)).as("over a province").isEqualTo(Status.PASS);
        }

        @Test
        void a_county_without_senior_high_schools_is_not_applicable_and_one_without_schools_lacks_data() {
            TestData d = county();
            school(d, "PS", "小学").schoolClass("PS", "一(1)班", 2024, 60);
            assertThat(status(evaluate(d.build(), 2024), "CLASS-05", C)).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(status(evaluate(county().build(), 2024), "CLASS-05", C)).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void counts_from_bands_and_a_range_that_decides() {
            TestData d = county();
            school(d, "HS", "普通高中");
            band(d, "HS", null, "56-60人", 2023, 5);
            band(d, "HS", null, "56-60人", 2024, 2);
            school(d, "WZ", "完全中学").schoolClass("WZ", "1班", 2024, 58); // 初中 or 高中: 2 or 3 this year, still below 5
            Verdict v = verdict(evaluate(d.build(), 2024), "CLASS-05", C);
            assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(Status.PASS);
            assertThat(v.getMessage()).contains("2 至 3 个");
        }

        @Test
        void a_range_that_may_be_a_tie_decides_nothing_and_one_certainly_above_fails() {
            TestData d = county();
            school(d, "HS", "普通高中");
            band(d, "HS", null, "56-60人", 2023, 3);
            band(d, "HS", null, "56-60人", 2024, 3);
            school(d, "WZ", "完全中学").schoolClass("WZ", "1班", 2024, 58); // 3 or 4 this year: level (预警) or more (不达标)
            Verdict maybeLevel = verdict(evaluate(d.build(), 2024), "CLASS-05", C);
            assertThat(maybeLevel.getStatus()).as(maybeLevel.getMessage()).isEqualTo(Status.INSUFFICIENT_DATA);
            band(d, "HS", null, "61-65人", 2024, 1);
            Verdict more = verdict(evaluate(d.build(), 2024), "CLASS-05", C);
            assertThat(more.getStatus()).as("4 or 5 against 3: " + more.getMessage()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class SchoolsInParts {
        private TestData parts(String primaryPupils, String juniorPupils) {
            TestData d = county();
            d.school("S#小学部", "九年制学校（小学部）", C, "九年一贯制小学部").present("S#小学部", 2024);
            d.school("S#初中部", "九年制学校（初中部）", C, "九年一贯制初中部").present("S#初中部", 2024);
            if (primaryPupils != null) d.metric("S#小学部", 2024, "在校学生数", primaryPupils, "人");
            if (juniorPupils != null) d.metric("S#初中部", 2024, "在校学生数", juniorPupils, "人");
            return d;
        }

        @Test
        void the_size_of_a_nine_year_school_is_its_two_parts_together() {
            List<Verdict> vs = evaluate(parts("1500", "1000").build(), 2024);
            Verdict v = verdict(vs, "GUAR-03", "S#小学部");
            assertThat(v.getStatus()).as("2500 ≤ 2500: " + v.getMessage()).isEqualTo(Status.PASS);
            assertThat(v.getEvidence()).hasSize(2);
            assertThat(status(vs, "GUAR-03", "S#初中部")).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(verdict(vs, "GUAR-03", "S#初中部").getMessage()).contains("S#小学部");
            List<Verdict> over = evaluate(parts("1500", "1001").build(), 2024);
            assertThat(status(over, "GUAR-03", "S#小学部")).as("each part alone is under 2000").isEqualTo(Status.FAIL);
            assertThat(verdict(over, "GUAR-03", C).getMessage()).contains("未达标 1");
            assertThat(status(evaluate(parts("1500", null).build(), 2024), "GUAR-03", "S#小学部")).isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void parts_with_codes_of_their_own_are_found_by_name() {
            TestData d = county();
            d.school("A#小学部", "某某学校小学部", C, "九年一贯制小学部").present("A#小学部", 2024).metric("A#小学部", 2024, "在校学生数", "1500", "人");
            d.school("B#初中部", "某某学校初中部", C, "九年一贯制初中部").present("B#初中部", 2024).metric("B#初中部", 2024, "在校学生数", "1200", "人");
            assertThat(status(evaluate(d.build(), 2024), "GUAR-03", "A#小学部")).isEqualTo(Status.FAIL);
            TestData alone = county();
            alone.school("A#小学部", "甲校小学部", C, "九年一贯制小学部").present("A#小学部", 2024).metric("A#小学部", 2024, "在校学生数", "1500", "人");
            Verdict v = verdict(evaluate(alone.build(), 2024), "GUAR-03", "A#小学部");
            assertThat(v.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(v.getMissing().toString()).contains("初中部");
        }

        @Test
        void twelve_year_and_complete_middle_schools_count_their_compulsory_stage() {
            TestData d = county();
            school(d, "T", "十二年一贯制").metric("T", 2024, "在校学生数", "3000", "人").metric("T", 2024, "义务教育在校生数", "2400", "人");
            school(d, "W", "完全中学").metric("W", 2024, "在校学生数", "3000", "人");
            d.school("X#初中部", "X（初中部）", C, "完全中学初中部").present("X#初中部", 2024).metric("X#初中部", 2024, "在校学生数", "2001", "人");
            d.school("X#高中部", "X（高中部）", C, "完全中学高中部").present("X#高中部", 2024).metric("X#高中部", 2024, "在校学生数", "1500", "人");
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "GUAR-03", "T")).as("2400 of 十二年一贯制 ≤ 2500").isEqualTo(Status.PASS);
            assertThat(status(vs, "GUAR-03", "W")).as("a 完全中学 without its 义务教育在校生数").isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(status(vs, "GUAR-03", "X#初中部")).as("a 完全中学's 初中部 is a 初中 of 2000 at most").isEqualTo(Status.FAIL);
            assertThat(find(vs, "GUAR-03", "X#高中部")).isEmpty();
        }

        @Test
        void balance_coefficients_use_the_parts() {
            TestData d = parts("1000", "800");
            for (String s : List.of("S#小学部", "S#初中部")) {
                d.metric(s, 2024, "教学及辅助用房面积", s.contains("小学") ? "6000" : "6400", "平方米");
            }
            school(d, "PS", "小学").metric("PS", 2024, "在校学生数", "500", "人").metric("PS", 2024, "教学及辅助用房面积", "3000", "平方米");
            List<Verdict> vs = evaluate(d.build(), 2024);
            Verdict primary = vs.stream().filter(v -> v.getIndicator().equals("BAL-CV-4") && v.getEntityCode().equals(C)
                    && "小学".equals(v.getPart())).findFirst().orElseThrow();
            assertThat(primary.getStatus()).as(primary.getMessage()).isEqualTo(Status.PASS);
            assertThat(primary.getMessage()).contains("2 所学校");
            assertThat(status(vs, "BAL-4", "S#初中部")).isEqualTo(Status.PASS);
            assertThat(verdict(vs, "BAL-4", "S#初中部").getBound()).as("the 初中 part").isEqualTo("不低于 5.8 平方米");
        }
    }

    @Nested
    class WhoAMeasureIsFor {
        @Test
        void resource_rooms_are_for_basic_education_schools() {
            TestData d = county();
            school(d, "U", "普通高等学校").metric("U", 2024, "随班就读学生数", "8", "人");
            school(d, "V", "技师学院").metric("V", 2024, "随班就读学生数", "8", "人");
            school(d, "Z", "中等职业学校");
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(find(vs, "SPED-02", "U")).isEmpty();
            Verdict county = verdict(vs, "SPED-02", C);
            assertThat(county.getStatus()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(county.getMessage()).contains("基础教育学校");
            assertThat(status(evaluate(county().build(), 2024), "SPED-02", C)).as("no school at all").isEqualTo(Status.INSUFFICIENT_DATA);
        }

        @Test
        void smart_campus_shares_leave_out_vocational_and_technical_schools() {
            TestData d = county();
            school(d, "PS", "小学").yesNo("PS", 2024, "智慧校园", true);
            school(d, "VZ", "职业中学").yesNo("VZ", 2024, "智慧校园", false);
            school(d, "U", "普通高校").yesNo("U", 2024, "智慧校园", true);
            school(d, "TC", "技师学院").yesNo("TC", 2024, "智慧校园", false);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "IT-02", CITY)).as("职业中学 is no 中小学").isEqualTo(Status.PASS);
            assertThat(status(vs, "IT-02-HE", CITY)).as("技师学院 is no 普通高校").isEqualTo(Status.PASS);
        }

        @Test
        void no_province_is_held_to_four_percent_of_gdp() {
            TestData d = county().metric(P, 2024, "财政性教育经费占GDP比例", "3", "%");
            assertThat(find(evaluate(d.build(), 2024), "FUND-08", P)).isEmpty();
        }

        @Test
        void resource_centres_at_every_level_and_in_schools_with_inclusive_pupils() {
            TestData d = county().yesNo(P, 2024, "特殊教育资源中心", true).yesNo(CITY, 2024, "特殊教育资源中心", true);
            assertThat(status(evaluate(d.build(), 2024), "SPED-03", P)).as("the county has none reported").isEqualTo(Status.INSUFFICIENT_DATA);
            d.yesNo(C, 2024, "特殊教育资源中心", true);
            school(d, "PS", "小学").metric("PS", 2024, "随班就读学生数", "1", "人").yesNo("PS", 2024, "资源教室", false);
            school(d, "JS", "初中").metric("JS", 2024, "随班就读学生数", "0", "人").yesNo("JS", 2024, "资源教室", false);
            List<Verdict> vs = evaluate(d.build(), 2024);
            assertThat(status(vs, "SPED-03", P)).isEqualTo(Status.PASS);
            assertThat(status(vs, "SPED-03", C)).isEqualTo(Status.PASS);
            assertThat(status(vs, "SPED-03", "PS")).as("one pupil in inclusive education and no resource room").isEqualTo(Status.FAIL);
            assertThat(status(vs, "SPED-03", "JS")).isEqualTo(Status.NOT_APPLICABLE);
            TestData noCity = county().yesNo(P, 2024, "特殊教育资源中心", true).yesNo(C, 2024, "特殊教育资源中心", true)
                    .yesNo(CITY, 2024, "特殊教育资源中心", false);
            assertThat(status(evaluate(noCity.build(), 2024), "SPED-03", P)).isEqualTo(Status.FAIL);
        }
    }
}
