package org.dudao.load;

import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.testing.Workbooks.percent;

/** Values are stored in the dictionary's unit, whatever unit (and bracket width) the header uses. */
class UnitConversionTest {
    @TempDir Path dir;

    @Test
    void yiYuanInAFullWidthBracketIsConvertedToWanYuan() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出（亿元）", "生均一般公共预算教育经费（万元）")
                .row(330102, "县", 2023, 3.3, 1.25)
                .row(330103, "县", 2023, "0.07", 0.0001)
                .save(dir.resolve("yi.xlsx"));

        Loaded l = Loaded.load(f);

        Metric m = l.metric("330102", 2023, "一般公共预算教育支出");
        assertThat(m.getValue()).isEqualByComparingTo("33000");
        assertThat(m.getUnit()).isEqualTo("万元");
        assertThat(m.getOrigin().ref()).isEqualTo("表1!D2");
        assertThat(l.value("330103", 2023, "一般公共预算教育支出")).isEqualByComparingTo("700");
        Metric perStudent = l.metric("330102", 2023, "生均一般公共预算教育经费");
        assertThat(perStudent.getValue()).isEqualByComparingTo("12500");
        assertThat(perStudent.getUnit()).isEqualTo("元");
        assertThat(l.value("330103", 2023, "生均一般公共预算教育经费")).isEqualByComparingTo("1");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void wanYuanInAHalfWidthBracketIsTakenAsItIs() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出(万元)", "义务教育生均公用经费(元)")
                .row(330102, "县", 2023, 1234.56, 850)
                .save(dir.resolve("wan.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1234.56");
        assertThat(l.value("330102", 2023, "义务教育生均公用经费")).isEqualByComparingTo("850");
        assertThat(l.metric("330102", 2023, "义务教育生均公用经费").getUnit()).isEqualTo("元");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aHeaderWithoutAUnitIsReadInTheDictionaryUnit() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出", "在校学生数")
                .row(330102, "县", 2023, 88, 4000)
                .save(dir.resolve("no-unit.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.metric("330102", 2023, "一般公共预算教育支出").getValue()).isEqualByComparingTo("88");
        assertThat(l.metric("330102", 2023, "一般公共预算教育支出").getUnit()).isEqualTo("万元");
        assertThat(l.metric("330102", 2023, "在校学生数").getUnit()).isEqualTo("人");
    }

    @Test
    void tenThousandsOfPeopleAreConvertedToPeople() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数（万人）", "常住人口(万人)")
                .row(330102, "县", 2023, 35, "12.34")
                .save(dir.resolve("wanren.xlsx"));

        Loaded l = Loaded.load(f);

        Metric students = l.metric("330102", 2023, "在校学生数");
        assertThat(students.getValue()).isEqualByComparingTo("350000");
        assertThat(students.getUnit()).isEqualTo("人");
        assertThat(l.value("330102", 2023, "常住人口")).isEqualByComparingTo("123400");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aPercentFormattedFractionIsReadAsThePercentageShown() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "体质健康合格率(%)")
                .row(330102, "县", 2023, percent(0.853))
                .row(330103, "县", 2023, percent(1.0))
                .save(dir.resolve("pct.xlsx"));

        Loaded l = Loaded.load(f);

        Metric m = l.metric("330102", 2023, "体质健康合格率");
        assertThat(m.getValue()).isEqualByComparingTo("85.3");
        assertThat(m.getUnit()).isEqualTo("%");
        assertThat(m.getOrigin().ref()).isEqualTo("表1!D2");
        assertThat(l.value("330103", 2023, "体质健康合格率")).isEqualByComparingTo("100");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aPercentFormattedFractionUnderAHeaderWithoutUnitIsStillAPercentage() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "学生体质健康合格率")
                .row(330102, "县", 2023, percent(0.853))
                .save(dir.resolve("pct-alias.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "体质健康合格率")).isEqualByComparingTo("85.3");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void percentTextAndPlainNumbersInAPercentColumnAreReadAsPercentages() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "体质健康合格率（%）")
                .row(330102, "县", 2023, "85.3%")
                .row(330103, "县", 2023, " 92.5 % ")
                .row(330104, "县", 2023, 90.1)
                .row(330105, "县", 2023, "88.8％")
                .save(dir.resolve("pct-text.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "体质健康合格率")).isEqualByComparingTo("85.3");
        assertThat(l.value("330103", 2023, "体质健康合格率")).isEqualByComparingTo("92.5");
        assertThat(l.value("330104", 2023, "体质健康合格率")).isEqualByComparingTo("90.1");
        assertThat(l.value("330105", 2023, "体质健康合格率")).isEqualByComparingTo("88.8");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aUnitOfAnotherKindIsAnErrorOnTheHeaderCellAndTheColumnIsNotRead() {
        Path f = Workbooks.create().sheet("表1")
                .row("2023年教育经费")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出(人)", "在校学生数(人)")
                .row(330102, "县", 2023, 1000, 4000)
                .save(dir.resolve("bad-unit.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(LoadProblem.Severity.ERROR);
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).contains("一般公共预算教育支出").contains("“人”").contains("无法换算").contains("万元");
        });
        // the row itself is fine: its other values are taken
        l.assertTally("表1", 1, 1, 0, 0);
        assertThat(l.errors()).hasSize(1);
    }

    @Test
    void aPercentageInAColumnThatIsNoPercentageIsAProblemOnItsCell() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)")
                .row(330102, "县", 2023, "85%")
                .save(dir.resolve("pct-people.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "在校学生数")).isEmpty();
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(LoadProblem.Severity.ERROR);
            assertThat(p.message()).contains("百分数");
        });
        l.assertTally("表1", 1, 1, 0, 0);
    }

    @Test
    void aUnitOnTheSecondHeaderLineUnderTheNameIsThatColumnsUnit() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出", "在校学生数")
                .row(null, null, null, "（亿元）", "(万人)")
                .merge("A1:A2").merge("B1:B2").merge("C1:C2")
                .row(330102, "县", 2023, 3.3, 35)
                .save(dir.resolve("unit-line.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("350000");
        assertThat(l.metric("330102", 2023, "在校学生数").getOrigin().ref()).isEqualTo("表1!E3");
        l.assertTally("表1", 1, 1, 0, 0);
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aUnitWrittenAs单位colonInTheBracketsIsReadAsThatUnit() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出（单位：亿元）", "在校学生数(单位:人)")
                .row(330102, "县", 2023, 3.3, 4000)
                .save(dir.resolve("unit-prefix.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }
}
