package org.dudao.load;

import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data that reads but cannot be right: values out of their plausible range, two units in one column,
 * one entity twice in a sheet, a school without its region, parent codes in a circle.
 */
class ImplausibleDataTest {
    @TempDir Path dir;

    private List<LoadProblem> warnings(Loaded l) {
        return l.problems().stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    @Test
    void negativeCountsPeopleAndMoneyAndSharesOver100AreWarnedOnTheirCellAndStillUsed() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)", "一般公共预算教育支出(万元)", "民办学校数(所)", "幼儿园班额达标率(%)")
                .row(330102, "县", 2023, -5, -100, -1, 120)
                .row(330103, "县", 2023, 0, 0, 0, 100)
                .save(dir.resolve("a.xlsx"));

        Loaded l = Loaded.load(wb);

        assertThat(l.errors()).as(l.problemsText()).isEmpty();
        assertThat(warnings(l)).extracting(LoadProblem::cell).containsExactly("D2", "E2", "F2", "G2");
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("在校学生数").contains("-5人").contains("为负数").contains("人数").contains("已采用"));
        assertThat(l.problemsAt("表1", "G2")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("幼儿园班额达标率").contains("120%").contains("大于最大值 100"));
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("-5");
        assertThat(l.value("330102", 2023, "幼儿园班额达标率")).isEqualByComparingTo("120");
        l.assertTally("表1", 2, 2, 0, 0);
    }

    @Test
    void aMetricsOwnRangeInValidityCsvWinsOverItsKindAndAnEmptyRowLiftsTheCheck() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("rules/metrics.csv"), rules.resolve("metrics.csv"));
        Files.writeString(rules.resolve("validity.csv"), """
                指标或类别,最小值,最大值,说明
                # 人数不查；在校学生数至少 10 人
                人数,,
                在校学生数,10,
                劳动活动天数,0,366
                """);
        MetricDictionary dictionary = MetricDictionary.read(rules.resolve("metrics.csv"));
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)", "常住人口(人)", "劳动活动天数")
                .row(330102, "县", 2023, 5, -3, 400)
                .save(dir.resolve("a.xlsx"));

        List<LoadProblem> problems = new WorkbookLoader(dictionary).load(List.of(wb)).dataset().problems();

        assertThat(problems).extracting(LoadProblem::cell).containsExactly("D2", "F2");
        assertThat(problems.get(0).message()).contains("小于最小值 10").contains("validity.csv");
        assertThat(problems.get(1).message()).contains("大于最大值 366");
    }

    /** A rules folder with the shipped dictionary and the given validity.csv; returns its metrics.csv. */
    private Path rulesWithValidity(String csv) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(Path.of("rules/metrics.csv"), rules.resolve("metrics.csv"));
        Files.writeString(rules.resolve("validity.csv"), csv);
        return rules.resolve("metrics.csv");
    }

    @Test
    void anUnknownActionInValidityCsvIsAnErrorWithItsLine() throws IOException {
        Path metrics = rulesWithValidity("指标或类别,最小值,最大值,超出范围时,说明\n人数,0,,忽略,\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricDictionary.read(metrics))
                .isInstanceOf(MetricDictionary.DictionaryException.class).hasMessageContaining("validity.csv:2").hasMessageContaining("忽略");
    }

    @Test
    void aMetricSetToRejectDropsTheValueWithAnErrorOnItsCell() throws Exception {
        MetricDictionary dictionary = MetricDictionary.read(rulesWithValidity("指标或类别,最小值,最大值,超出范围时\n在校学生数,0,,拒绝\n"));
        Path wb = Workbooks.create().sheet("表1").row("地区代码", "层级", "年度", "在校学生数(人)").row(330102, "县", 2023, -5)
                .save(dir.resolve("a.xlsx"));
        var data = new WorkbookLoader(dictionary).load(List.of(wb)).dataset();
        assertThat(data.metrics()).isEmpty();
        assertThat(data.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.cell()).isEqualTo("D2");
            assertThat(p.message()).contains("为负数").contains("未采用");
        });
    }

    @Test
    void aBoundThatIsNoNumberInValidityCsvIsAnErrorWithItsLine() throws IOException {
        Path metrics = rulesWithValidity("指标或类别,最小值,最大值\n人数,零,\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricDictionary.read(metrics))
                .isInstanceOf(MetricDictionary.DictionaryException.class).hasMessageContaining("validity.csv:2").hasMessageContaining("零");
    }

    @Test
    void theShippedValidityCsvMatchesTheBuiltInRangesForEveryKind() throws Exception {
        ValidityRanges shipped = ValidityRanges.read(Path.of("rules/validity.csv"));
        ValidityRanges builtIn = ValidityRanges.defaults();
        for (String unit : List.of("万元", "人", "所", "%", "平方米", "天", "Mbps", "元/生", "平方米/生")) {
            assertThat(shipped.rangeOf("某指标", unit).map(r -> r.text())).as(unit).isEqualTo(builtIn.rangeOf("某指标", unit).map(r -> r.text()));
        }
    }

    @Test
    void numbersWithTheirUnitInTheCellAreConvertedFromThatUnit() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出", "在校学生数")
                .row(330102, "县", 2023, "12亿元", "3.2万人")
                .row(330103, "县", 2023, "3000万元", 41000)
                .row(330104, "县", 2023, "5,000 元", "12人")
                .save(dir.resolve("a.xlsx"));

        Loaded l = Loaded.load(wb);

        assertThat(l.problems()).as(l.problemsText()).isEmpty();
        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("120000");
        assertThat(l.value("330103", 2023, "一般公共预算教育支出")).isEqualByComparingTo("3000");
        assertThat(l.value("330104", 2023, "一般公共预算教育支出")).isEqualByComparingTo("0.5");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("32000");
        assertThat(l.value("330103", 2023, "在校学生数")).isEqualByComparingTo("41000");
        assertThat(l.value("330104", 2023, "在校学生数")).isEqualByComparingTo("12");
        l.assertTally("表1", 3, 3, 0, 0);
    }

    @Test
    void aCellUnitOtherThanTheHeadersIsConvertedWithAWarningAndOneOfAnotherKindIsAProblem() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "一般公共预算教育支出(万元)")
                .row(330102, "县", 2023, "1.2亿元")
                .row(330103, "县", 2023, "300人")
                .row(330104, "县", 2023, "2000万元")
                .save(dir.resolve("a.xlsx"));

        Loaded l = Loaded.load(wb);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("12000");
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("亿元").contains("万元").contains("按单元格中的单位换算");
        });
        assertThat(l.find("330103", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.problemsAt("表1", "D3")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("300人").contains("无法换算");
        });
        assertThat(l.value("330104", 2023, "一般公共预算教育支出")).isEqualByComparingTo("2000");
        assertThat(l.problemsAt("表1", "D4")).isEmpty();
    }

    @Test
    void theSameEntityAndYearTwiceInOneSheetWithDifferentValuesIsAConflictNamingBothRows() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)", "民办学校数(所)")
                .row(330102, "县", 2023, 4000, 3)
                .row(330102, "县", 2023, 4100, 3)
                .save(dir.resolve("a.xlsx"));

        Loaded l = Loaded.load(wb);

        assertThat(l.find("330102", 2023, "在校学生数")).isEmpty();
        assertThat(l.value("330102", 2023, "民办学校数")).isEqualByComparingTo("3");
        assertThat(l.errors()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("D3");
            assertThat(p.message()).contains("表1!D2").contains("表1!D3").contains("4000").contains("4100");
        });
        l.assertTally("表1", 2, 2, 0, 0);
    }

    @Test
    void aSchoolWhoseRegionIsNotInTheDataIsWarnedOnItsCell() {
        Path wb = Workbooks.create()
                .sheet("地区").row("地区代码", "层级", "年度").row(330102, "县", 2023)
                .sheet("学校").row("学校代码", "学校名称", "所属地区代码", "学段", "年度")
                .row("S1", "城关小学", 330102, "小学", 2023)
                .row("S2", "山区小学", 339999, "小学", 2023)
                .save(dir.resolve("a.xlsx"));

        Loaded l = Loaded.load(wb);

        assertThat(l.problems()).as(l.problemsText()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.sheet()).isEqualTo("学校");
            assertThat(p.cell()).isEqualTo("A3");
            assertThat(p.message()).contains("S2").contains("339999").contains("不在所给数据中");
        });
        assertThat(l.dataset.entities()).containsKeys("S1", "S2");
    }

    @Test
    void parentCodesInACircleAreOneErrorNamingEveryCodeAndItsCell() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "上级代码", "层级", "年度")
                .row(330100, 330000, "市", 2023)
                .row(330102, 330103, "县", 2023)
                .row(330103, 330104, "县", 2023)
                .row(330104, 330102, "县", 2023)
                .row(330105, 330105, "县", 2023)
                .save(dir.resolve("a.xlsx"));

        Loaded l = Loaded.load(wb);

        assertThat(l.errors()).as(l.problemsText()).hasSize(2);
        assertThat(l.errors().get(0).cell()).isEqualTo("A3");
        assertThat(l.errors().get(0).message()).contains("循环")
                .contains("330102（" + wb + " 表1!A3）→ 330103（" + wb + " 表1!A4）→ 330104（" + wb + " 表1!A5）→ 330102");
        assertThat(l.errors().get(1).message()).contains("循环").contains("330105（" + wb + " 表1!A6）→ 330105");
        assertThat(l.dataset.entities()).hasSize(5);
    }
}
