package org.dudao.load;

import org.dudao.model.ClassBand;
import org.dudao.model.Entity;
import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data as the statistics offices report it: a class's 年级, schools in parts sharing one code, class sizes
 * by band instead of a class list, rates typed as fractions.
 */
class StatisticsFormsTest {
    @TempDir Path dir;

    private static Workbooks schools(Workbooks w) {
        return w.sheet("地区").row("地区代码", "地区名称", "层级", "年度").row("330102", "城关区", "县", 2024)
                .sheet("学校").row("学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)")
                .row("3301020001", "城关学校", "330102", "九年一贯制小学部", 2024, 900)
                .row("3301020001", "城关学校", "330102", "九年一贯制初中部", 2024, 700)
                .row("3301020002", "实验小学", "330102", "小学", 2024, 1200);
    }

    private Entity entity(Loaded l, String code) {
        Entity e = l.dataset.entities().get(code);
        assertThat(e).as(code + " in " + l.dataset.entities().keySet()).isNotNull();
        return e;
    }

    @Test
    void the_parts_of_a_school_may_share_its_code() {
        Path wb = schools(Workbooks.create()).save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
        assertThat(entity(l, "3301020001#小学部").getName()).isEqualTo("城关学校（小学部）");
        assertThat(entity(l, "3301020001#初中部").getStage()).isEqualTo("九年一贯制初中部");
        assertThat(l.value("3301020001#小学部", 2024, "在校学生数")).isEqualByComparingTo("900");
        assertThat(l.value("3301020001#初中部", 2024, "在校学生数")).isEqualByComparingTo("700");
        assertThat(l.dataset.entities()).doesNotContainKey("3301020001");
    }

    @Test
    void classes_go_to_the_part_their_grade_names_and_a_bare_class_name_keeps_its_grade() {
        Path wb = schools(Workbooks.create()).sheet("班级").row("学校代码", "年级", "班级", "年度", "学生数")
                .row("3301020001", "一年级", "1班", 2024, 45)
                .row("3301020001", "七年级", "1班", 2024, 50)
                .row("3301020001", "初二", "2班", 2024, 48)
                .row("3301020002", "二年级", "二(3)班", 2024, 44)
                .save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
        Entity first = entity(l, "3301020001/一年级1班");
        assertThat(first.getParentCode()).isEqualTo("3301020001#小学部");
        assertThat(first.getStage()).isEqualTo("一年级");
        assertThat(entity(l, "3301020001/七年级1班").getParentCode()).isEqualTo("3301020001#初中部");
        assertThat(entity(l, "3301020001/初二2班").getParentCode()).isEqualTo("3301020001#初中部");
        assertThat(entity(l, "3301020002/二(3)班").getParentCode()).as("a name that says its grade is kept").isEqualTo("3301020002");
    }

    @Test
    void a_class_without_grade_in_a_school_of_parts_is_placed_with_a_warning_and_its_stage_left_open() {
        Path wb = schools(Workbooks.create()).sheet("班级").row("学校代码", "班级", "年度", "学生数")
                .row("3301020001", "甲班", 2024, 47)
                .save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.errors()).isEmpty();
        assertThat(l.problemsAt("班级", "B2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("甲班").contains("无法确定属于哪个学部").contains("请填写年级或学段");
        });
        Entity c = entity(l, "3301020001/甲班");
        assertThat(c.getParentCode()).isEqualTo("3301020001#小学部");
        assertThat(c.getStage()).isEqualTo("九年一贯制");
    }

    @Test
    void parts_with_codes_of_their_own_and_a_sheet_without_stage() {
        Path wb = Workbooks.create().sheet("学校").row("学校代码", "学校名称", "所属地区代码", "学段", "年度")
                .row("A1", "某某学校小学部", "330102", "九年一贯制小学部", 2024)
                .row("B1", "某某学校初中部", "330102", "九年一贯制初中部", 2024)
                .sheet("补充").row("学校代码", "学校名称", "所属地区代码", "年度", "在校学生数(人)")
                .row("A1", "某某学校小学部", "330102", 2024, 900)
                .row("3301020001", "城关学校", "330102", 2024, 1600)
                .sheet("班级").row("学校代码", "班级", "年度", "学生数").row("A1", "一(1)班", 2024, 40)
                .save(dir.resolve("a.xlsx"));
        Path parts = schools(Workbooks.create()).save(dir.resolve("b.xlsx"));
        Loaded l = Loaded.load(wb, parts);
        assertThat(l.value("A1#小学部", 2024, "在校学生数")).as("a row without 学段 goes to the only part").isEqualByComparingTo("900");
        assertThat(entity(l, "A1/一(1)班").getParentCode()).isEqualTo("A1#小学部");
        assertThat(l.dataset.entities()).doesNotContainKeys("A1", "3301020001");
        assertThat(l.errors()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("A3");
            assertThat(p.message()).contains("已按学部填报").contains("无法确定属于哪个学部").contains("未采用");
        });
        assertThat(l.value("3301020001#小学部", 2024, "在校学生数")).isEqualByComparingTo("900");
    }

    @Test
    void class_sizes_by_band_in_every_dash_form() {
        Path wb = schools(Workbooks.create()).sheet("班额")
                .row("学校代码", "年度", "学段", "25人及以下", "26-30人", "31－35人", "36～40人", "41至45人", "46—50人", "51-55人", "56-60人",
                        "61-65人", "66人及以上(个)")
                .row("3301020002", 2024, null, 1, 2, 3, 4, 5, 6, 7, 8, 0, null)
                .row("3301020001", 2024, "初中", 0, 0, 0, 2, 3, 4, 1, 0, 0, 0)
                .save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
        l.assertTally("班额", 2, 2, 0, 0);
        String band = ClassBand.code("3301020002", null, ClassBand.parse("56-60人").orElseThrow());
        assertThat(entity(l, band).getParentCode()).isEqualTo("3301020002");
        assertThat(l.value(band, 2024, ClassBand.COUNT)).isEqualByComparingTo("8");
        assertThat(l.value(ClassBand.code("3301020002", null, ClassBand.parse("36-40人").orElseThrow()), 2024, ClassBand.COUNT))
                .isEqualByComparingTo("4");
        String blank = ClassBand.code("3301020002", null, ClassBand.parse("66人及以上").orElseThrow());
        assertThat(entity(l, blank).hasYear(2024)).isTrue();
        assertThat(l.find(blank, 2024, ClassBand.COUNT)).as("a blank band is missing, never 0").isEmpty();
        String junior = ClassBand.code("3301020001", "初中", ClassBand.parse("51-55人").orElseThrow());
        assertThat(entity(l, junior).getParentCode()).as("the band's 学段 names the part").isEqualTo("3301020001#初中部");
    }

    @Test
    void region_bands_by_stage() {
        Path wb = Workbooks.create().sheet("县班额").row("地区代码", "年度", "学段", "56-60人", "66人以上")
                .row("330102", 2024, "初中", 3, 1).row("330102", 2024, "高中", 5, 2)
                .save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
        assertThat(l.value(ClassBand.code("330102", "高中", ClassBand.parse("66人及以上").orElseThrow()), 2024, ClassBand.COUNT))
                .isEqualByComparingTo("2");
        assertThat(entity(l, ClassBand.code("330102", "初中", ClassBand.parse("56-60人").orElseThrow())).getStage()).isEqualTo("初中");
    }

    private Path listAndBands(int bandOf56) {
        return schools(Workbooks.create()).sheet("班级").row("学校代码", "班级", "年度", "学生数")
                .row("3301020002", "一(1)班", 2024, 45).row("3301020002", "一(2)班", 2024, 57)
                .sheet("班额").row("学校代码", "年度", "41-45人", "56-60人")
                .row("3301020002", 2024, 1, bandOf56)
                .save(dir.resolve("a" + bandOf56 + ".xlsx"));
    }

    @Test
    void a_class_list_and_bands_that_agree_give_the_list() {
        Loaded l = Loaded.load(listAndBands(1));
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
        String band = ClassBand.code("3301020002", null, ClassBand.parse("56-60人").orElseThrow());
        assertThat(entity(l, band).hasYear(2024)).as("the bands are left out for the year").isFalse();
        assertThat(l.value("3301020002/一(2)班", 2024, "班额")).isEqualByComparingTo("57");
    }

    @Test
    void a_class_list_and_bands_that_disagree_are_both_set_aside() {
        Loaded l = Loaded.load(listAndBands(2));
        assertThat(l.errors()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("3301020002").contains("班额分段表与班级名单不一致").contains("56-60人 分段表 2 个、明细 1 个").contains("两者均不采用"));
        assertThat(l.find("3301020002/一(2)班", 2024, "班额")).isEmpty();
        assertThat(l.find(ClassBand.code("3301020002", null, ClassBand.parse("56-60人").orElseThrow()), 2024, ClassBand.COUNT)).isEmpty();
    }

    @Test
    void region_bands_of_a_stage_are_held_against_the_classes_of_that_stage_only() {
        Path wb = schools(Workbooks.create()).sheet("班级").row("学校代码", "班级", "年度", "学生数")
                .row("3301020002", "一(1)班", 2024, 45)
                .sheet("县班额").row("地区代码", "年度", "学段", "41-45人", "56-60人")
                .row("330102", 2024, "高中", 0, 2).row("330102", 2024, "小学", 2, 0)
                .save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("2024年小学的班额分段表")
                .contains("41-45人 分段表 2 个、明细 1 个"));
        assertThat(l.value(ClassBand.code("330102", "高中", ClassBand.parse("56-60人").orElseThrow()), 2024, ClassBand.COUNT))
                .as("no 高中 class is listed: the 高中 bands stand").isEqualByComparingTo("2");
    }

    @Test
    void a_rate_typed_as_a_fraction_is_converted_with_a_note_and_an_impossible_one_rejected() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "体质健康合格率(%)", "学前三年毛入园率(%)", "高中阶段毛入学率(%)")
                .row(330102, "县", 2024, 0.953, 104.5, 0.98)
                .row(330103, "县", 2024, 5, 90, 180)
                .save(dir.resolve("a.xlsx"));
        Loaded l = Loaded.load(wb);
        assertThat(l.value("330102", 2024, "体质健康合格率")).isEqualByComparingTo("95.3");
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("0.953").contains("换算为 95.3%");
        });
        assertThat(l.value("330102", 2024, "学前三年毛入园率")).as("a gross rate may exceed 100%").isEqualByComparingTo("104.5");
        assertThat(l.problemsAt("表1", "E2")).isEmpty();
        assertThat(l.value("330102", 2024, "高中阶段毛入学率")).isEqualByComparingTo("98");
        assertThat(l.find("330103", 2024, "体质健康合格率")).as("5% is no 合格率, nor is 500%").isEmpty();
        assertThat(l.problemsAt("表1", "D3")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("未采用");
        });
        assertThat(l.find("330103", 2024, "高中阶段毛入学率")).isEmpty();
        assertThat(l.errors()).extracting(LoadProblem::cell).containsExactly("D3", "F3");
    }
}
