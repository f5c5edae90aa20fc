package org.dudao.load;

import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.testing.Workbooks.date;
import static org.dudao.testing.Workbooks.formula;

/**
 * A cell that cannot be read as what its column needs is a problem naming file, sheet and cell; the
 * rest of its row is still taken. A blank cell is missing, never zero.
 */
class CellProblemTest {
    private static final Object[] HEADER = {"地区代码", "地区名称", "层级", "年度", "一般公共预算教育支出(万元)", "在校学生数(人)", "乡村教师生活补助"};

    @TempDir Path dir;

    @Test
    void aBlankCellIsMissingNotZero() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", 2023, null, 0, null)
                .row(330103, "二县", "县", 2023, "", "  ", "")
                .row(330104, "三县", "县", 2023, "-", "—", "/")
                .save(dir.resolve("blank.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.find("330102", 2023, "乡村教师生活补助")).isEmpty();
        // a typed 0 is a value
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("0");
        assertThat(l.dataset.metrics()).noneMatch(m -> m.getEntityCode().equals("330103") || m.getEntityCode().equals("330104"));
        assertThat(l.dataset.entities()).containsKeys("330102", "330103", "330104");
        l.assertTally("表1", 3, 3, 0, 0);
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void textThatIsNoNumberInANumericColumnIsAProblemOnItsCellAndTheRestOfTheRowIsKept() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", 2023, "不详", 4000, "是")
                .row(330103, "二县", "县", 2023, 1200, "约5000人", "否")
                .save(dir.resolve("not-a-number.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.metric("330102", 2023, "乡村教师生活补助").isYes()).isTrue();
        assertThat(l.value("330103", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1200");
        assertThat(l.find("330103", 2023, "在校学生数")).isEmpty();

        assertThat(l.problemsAt("表1", "E2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).contains("一般公共预算教育支出").contains("不详").contains("不是数值");
        });
        assertThat(l.problemsAt("表1", "F3")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("约5000人").contains("不是数值"));
        l.assertTally("表1", 2, 2, 0, 0);
        assertThat(l.errors()).hasSize(2);
    }

    @Test
    void aYesNoColumnWithAnotherAnswerIsAProblemOnItsCell() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", 2023, 100, 4000, "部分落实")
                .save(dir.resolve("yes-no.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "乡村教师生活补助")).isEmpty();
        assertThat(l.problemsAt("表1", "G2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("部分落实").contains("不是“是”或“否”");
        });
        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("100");
        l.assertTally("表1", 1, 1, 0, 0);
    }

    @Test
    void aDateInANumericColumnIsAProblemOnItsCell() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", 2023, date(LocalDate.of(2023, 12, 31)), 4000)
                .save(dir.resolve("date.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.problemsAt("表1", "E2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("日期").contains("2023-12-31");
        });
        l.assertTally("表1", 1, 1, 0, 0);
    }

    @Test
    void aFormulaWithACachedResultIsReadAsThatResult() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", 2023, formula("F2*0.25", 1000.0), 4000)
                .save(dir.resolve("formula.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1000");
        assertThat(l.metric("330102", 2023, "一般公共预算教育支出").getOrigin().ref()).isEqualTo("表1!E2");
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aFormulaSavedWithoutAResultIsAProblemOnItsCell() {
        // POI writes no <v> for a formula cell whose value was never set: the file as tools that do
        // not recalculate save it.
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", 2023, formula("F2*0.25", null), 4000)
                .save(dir.resolve("formula-no-value.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.find("330102", 2023, "一般公共预算教育支出")).isEmpty();
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.problemsAt("表1", "E2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("公式没有计算结果");
        });
        l.assertTally("表1", 1, 1, 0, 0);
    }

    @Test
    void everyValueKeepsTheFileSheetAndCellItCameFrom() {
        Path f = Workbooks.create().sheet("说明").row("本表为示例")
                .sheet("表3 县级").row("2023年表").row(HEADER)
                .row(330102, "一县", "县", 2023, 1, 2, "是")
                .row(330103, "二县", "县", 2023, 3, 4, "否")
                .save(dir.resolve("origins.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.metrics()).hasSize(6).allSatisfy(m -> {
            assertThat(m.getOrigin().getFile()).isEqualTo(f.toString());
            assertThat(m.getOrigin().getSheet()).isEqualTo("表3 县级");
        });
        assertThat(l.metric("330102", 2023, "一般公共预算教育支出").getOrigin().getCell()).isEqualTo("E3");
        assertThat(l.metric("330102", 2023, "在校学生数").getOrigin().getCell()).isEqualTo("F3");
        assertThat(l.metric("330103", 2023, "乡村教师生活补助").getOrigin().ref()).isEqualTo("表3 县级!G4");
        assertThat(l.dataset.entities().get("330103").getOrigin().ref()).isEqualTo("表3 县级!A4");
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aYearThatCannotBeReadRejectsTheRowNamingTheCell() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "县", "二〇二三", 100, 4000)
                .row(330103, "二县", "县", null, 100, 4000)
                .row(330104, "三县", "县", 2023, 100, 4000)
                .save(dir.resolve("bad-year.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).containsOnlyKeys("330104");
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("年度").contains("二〇二三").contains("本行未采用");
        });
        assertThat(l.problemsAt("表1", "D3")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("年度为空"));
        l.assertTally("表1", 3, 1, 0, 2);
    }

    @Test
    void anUnreadableLevelRejectsTheRow() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row(330102, "一县", "乡镇", 2023, 100, 4000)
                .save(dir.resolve("bad-level.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).isEmpty();
        assertThat(l.dataset.metrics()).isEmpty();
        assertThat(l.problemsAt("表1", "C2")).extracting(LoadProblem::message)
                .singleElement().asString().contains("层级“乡镇”无法识别");
        l.assertTally("表1", 1, 0, 0, 1);
    }

    @Test
    void aValueUnderNoHeaderIsAWarningOnItsCellNeverSilentlyDropped() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", null, "在校学生数(人)")
                .row(330102, "县", 2023, 123, 4000, 77)
                .row(330103, "县", 2023, "-", 5000)
                .save(dir.resolve("no-header-column.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        // in the middle of the header and to its right alike
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("没有表头").contains("123");
        });
        assertThat(l.problemsAt("表1", "F2")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("没有表头").contains("77"));
        // a placeholder under no header is nothing to report
        assertThat(l.problemsAt("表1", "D3")).isEmpty();
        l.assertTally("表1", 2, 2, 0, 0);
    }
}
