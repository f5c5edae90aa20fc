package org.dudao.load;

import org.dudao.model.LoadProblem.Severity;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One entity, metric and year given twice: the same value is fine, two different values are withheld. */
class ConflictTest {
    @TempDir Path dir;

    private Path workbook(String name, String header, Object value) {
        return Workbooks.create().sheet("表1")
                .row("地区代码", "地区名称", "层级", "年度", header, "在校学生数(人)")
                .row(330102, "一县", "县", 2023, value, 4000)
                .save(dir.resolve(name));
    }

    @Test
    void twoDifferentValuesInTwoWorkbooksAreAConflictNamingBothCellsAndNeitherIsUsed() {
        Path a = workbook("a.xlsx", "一般公共预算教育支出(万元)", 1000);
        Path b = workbook("b.xlsx", "一般公共预算教育支出(万元)", 1200);

        Loaded l = Loaded.load(a, b);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        // the values that agree are kept
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.errors()).as(l.problemsText()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.file()).isEqualTo(b.toString());
            assertThat(p.sheet()).isEqualTo("表1");
            assertThat(p.cell()).isEqualTo("E2");
            assertThat(p.message()).contains("一般公共预算教育支出").contains("两个不同的值")
                    .contains(a + " 表1!E2").contains(b + " 表1!E2")
                    .contains("1000").contains("1200").contains("均不采用");
        });
        assertThat(l.dataset.entities()).containsOnlyKeys("330102");
        l.assertTally("表1", 1, 1, 0, 0);
        assertThat(l.dataset.sheets()).hasSize(2);
    }

    @Test
    void theSameValueInTwoWorkbooksIsNoConflictEvenInAnotherUnit() {
        Path a = workbook("a.xlsx", "一般公共预算教育支出(万元)", 33000);
        Path b = workbook("b.xlsx", "一般公共预算教育支出（亿元）", 3.3);

        Loaded l = Loaded.load(a, b);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
        assertThat(l.metric("330102", 2023, "一般公共预算教育支出").getOrigin().getFile()).isEqualTo(a.toString());
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aThirdDifferentValueKeepsTheConflictAndIsNamedToo() {
        Path a = workbook("a.xlsx", "一般公共预算教育支出(万元)", 1000);
        Path b = workbook("b.xlsx", "一般公共预算教育支出(万元)", 1200);
        Path c = workbook("c.xlsx", "一般公共预算教育支出(万元)", 1000);

        Loaded l = Loaded.load(a, b, c);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.errors()).hasSize(2);
        assertThat(l.errors().get(1).file()).isEqualTo(c.toString());
        assertThat(l.errors().get(1).cell()).isEqualTo("E2");
    }

    @Test
    void theSameMetricInDifferentYearsIsNoConflict() {
        Path a = workbook("a.xlsx", "一般公共预算教育支出(万元)", 1000);
        Path b = Workbooks.create().sheet("表1")
                .row("地区代码", "地区名称", "层级", "年度", "一般公共预算教育支出(万元)")
                .row(330102, "一县", "县", "2024年", 1200)
                .save(dir.resolve("b.xlsx"));

        Loaded l = Loaded.load(a, b);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1000");
        assertThat(l.value("330102", 2024, "一般公共预算教育支出")).isEqualByComparingTo("1200");
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }
}
