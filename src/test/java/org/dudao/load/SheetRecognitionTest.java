package org.dudao.load;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Sheets are recognised by their header columns, never by their names. */
class SheetRecognitionTest {
    @TempDir Path dir;

    @Test
    void aRegionSheetIsRecognisedByItsHeaderWhateverItsName() {
        Path f = Workbooks.create().sheet("Sheet3")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "在校学生数(人)")
                .row(330000, "示例省", null, "省", 2023, 900000)
                .row(330100, "示例市", 330000, "市", 2023, 90000)
                .row(330102, "一县", 330100, "县", 2023, 9000)
                .save(dir.resolve("region.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities().get("330000").getKind()).isEqualTo(EntityKind.PROVINCE);
        assertThat(l.dataset.entities().get("330100").getKind()).isEqualTo(EntityKind.CITY);
        assertThat(l.dataset.entities().get("330102").getKind()).isEqualTo(EntityKind.COUNTY);
        assertThat(l.dataset.entities().get("330000").getParentCode()).isNull();
        assertThat(l.tally("Sheet3").getKind()).isEqualTo("地区表");
        l.assertTally("Sheet3", 3, 3, 0, 0);
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void theLevelIsInferredFromASixDigitCodeWhenThereIsNoLevelColumn() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "地区名称", "上级代码", "年度", "在校学生数(人)")
                .row(330000, "示例省", null, 2023, 900000)
                .row("330100", "示例市", "330000", 2023, 90000)
                .row(330102, "一县", 330100, 2023, 9000)
                .row("33010", "坏代码", 330100, 2023, 1)
                .save(dir.resolve("no-level.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).containsOnlyKeys("330000", "330100", "330102");
        assertThat(l.dataset.entities().get("330000").getLevel()).isEqualTo("省");
        assertThat(l.dataset.entities().get("330100").getLevel()).isEqualTo("市");
        assertThat(l.dataset.entities().get("330102").getLevel()).isEqualTo("县");
        // a code that is not six digits gives no level: the row is rejected, not guessed
        assertThat(l.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.sheet()).isEqualTo("表1");
            assertThat(p.cell()).isEqualTo("A5");
            assertThat(p.message()).contains("无法从地区代码 33010 推断");
        });
        l.assertTally("表1", 4, 3, 0, 1);
    }

    @Test
    void aSchoolSheetIsRecognisedBySchoolCodeAndItsRegion() {
        Path f = Workbooks.create()
                .sheet("学校A").row("学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)", "资源教室")
                .row(3301020001L, "一小", 330102, "小学", 2023, 800, "是")
                .sheet("学校B").row("学校代码", "学校名称", "地区代码", "学段", "年度", "在校生数")
                .row("3301020002", "一中", "330102", "初中", "2023年", "1,200")
                .save(dir.resolve("schools.xlsx"));

        Loaded l = Loaded.load(f);

        Entity a = l.dataset.entities().get("3301020001");
        assertThat(a.getKind()).isEqualTo(EntityKind.SCHOOL);
        assertThat(a.getParentCode()).isEqualTo("330102");
        assertThat(a.getStage()).isEqualTo("小学");
        assertThat(a.getName()).isEqualTo("一小");
        Entity b = l.dataset.entities().get("3301020002");
        assertThat(b.getParentCode()).isEqualTo("330102");
        assertThat(b.getStage()).isEqualTo("初中");
        assertThat(l.value("3301020001", 2023, "在校学生数")).isEqualByComparingTo("800");
        assertThat(l.metric("3301020001", 2023, "资源教室").isYes()).isTrue();
        assertThat(l.value("3301020002", 2023, "在校学生数")).isEqualByComparingTo("1200");
        assertThat(l.metric("3301020002", 2023, "在校学生数").getOrigin().ref()).isEqualTo("学校B!F2");
        assertThat(l.tally("学校A").getKind()).isEqualTo("学校表");
        l.assertTally("学校A", 1, 1, 0, 0);
        l.assertTally("学校B", 1, 1, 0, 0);
        // the region itself is not in the data: a warning, not an error
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aSchoolRowWithoutItsRegionCodeIsRejected() {
        Path f = Workbooks.create().sheet("学校")
                .row("学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)")
                .row(3301020001L, "一小", 330102, "小学", 2023, 800)
                .row(3301020002L, "二小", null, "小学", 2023, 700)
                .row(3301020003L, "三小", " ", "小学", 2023, 600)
                .save(dir.resolve("no-region.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).doesNotContainKeys("3301020002", "3301020003");
        assertThat(l.dataset.metrics()).extracting(Metric::getEntityCode).containsOnly("3301020001");
        assertThat(l.problemsAt("学校", "C3")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("3301020002").contains("所属地区代码为空").contains("本行未采用");
        });
        assertThat(l.problemsAt("学校", "C4")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("3301020003"));
        l.assertTally("学校", 3, 1, 0, 2);
    }

    @Test
    void aClassSheetGivesOneClassPerRowWithItsSizeAsClassSize() {
        Path f = Workbooks.create().sheet("班级")
                .row("学校代码", "年级", "班级名称", "年度", "学生数")
                .row(3301020001L, "一年级", "一(1)班", 2023, 45)
                .row(3301020001L, "一年级", "一(2)班", 2023, " 56 ")
                .row(3301020001L, "一年级", null, 2023, 40)
                .save(dir.resolve("classes.xlsx"));

        Loaded l = Loaded.load(f);

        Entity c = l.dataset.entities().get("3301020001/一(1)班");
        assertThat(c).isNotNull();
        assertThat(c.getKind()).isEqualTo(EntityKind.CLASS);
        assertThat(c.getParentCode()).isEqualTo("3301020001");
        Metric size = l.metric("3301020001/一(1)班", 2023, "班额");
        assertThat(size.getValue()).isEqualByComparingTo("45");
        assertThat(size.getOrigin().ref()).isEqualTo("班级!E2");
        assertThat(l.value("3301020001/一(2)班", 2023, "班额")).isEqualByComparingTo("56");
        assertThat(l.problemsAt("班级", "C4")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("班级为空"));
        assertThat(l.tally("班级").getKind()).isEqualTo("班级表");
        l.assertTally("班级", 3, 2, 0, 1);
    }

    @Test
    void aClassIsShownAsTypedAndKnownByItsNormalisedName() {
        Path f = Workbooks.create().sheet("班级")
                .row("学校代码", "年级", "班级名称", "年度", "学生数")
                .row(3301020001L, "一年级", "一(1)班", 2023, 45)
                .row(3301020001L, "一年级", "一（1）班", 2024, 46)
                .row(3301020001L, "二年级", "（2）班", 2024, 40)
                .save(dir.resolve("typed.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities().get("3301020001/一(1)班").getName()).isEqualTo("一（1）班"); // the later year's row
        assertThat(l.value("3301020001/一(1)班", 2023, "班额")).isEqualByComparingTo("45");
        assertThat(l.value("3301020001/一(1)班", 2024, "班额")).isEqualByComparingTo("46");
        assertThat(l.dataset.entities().get("3301020001/二年级(2)班").getName()).isEqualTo("二年级（2）班");
    }

    @Test
    void aClassSheetMayCallTheClassSize班额() {
        Path f = Workbooks.create().sheet("班级")
                .row("学校代码", "班级", "年度", "班额")
                .row("3301020001", "初一1班", "2023年", 48)
                .save(dir.resolve("classes-banE.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("3301020001/初一1班", 2023, "班额")).isEqualByComparingTo("48");
        assertThat(l.metric("3301020001/初一1班", 2023, "班额").getOrigin().getCell()).isEqualTo("D2");
    }

    @Test
    void anUnknownColumnIsKeptAsItIsWithAWarningOnItsHeader() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "校舍建筑面积(平方米)", "备案情况", "在校学生数(人)")
                .row(330102, "县", 2023, "12,500.5", "已备案", 4000)
                .save(dir.resolve("unknown.xlsx"));

        Loaded l = Loaded.load(f);

        Metric area = l.metric("330102", 2023, "校舍建筑面积");
        assertThat(area.getValue()).isEqualByComparingTo("12500.5");
        assertThat(area.getUnit()).isEqualTo("平方米");
        assertThat(area.getOrigin().ref()).isEqualTo("表1!D2");
        Metric text = l.metric("330102", 2023, "备案情况");
        assertThat(text.getValue()).isNull();
        assertThat(text.getText()).isEqualTo("已备案");
        assertThat(l.problemsAt("表1", "D1")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("指标字典中没有“校舍建筑面积”").contains("rules/metrics.csv");
        });
        assertThat(l.problemsAt("表1", "E1")).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(l.errors()).isEmpty();
    }

    @Test
    void aSheetWithoutARecognisableHeaderIsAWarningAndNothingIsLoadedFromIt() {
        Path f = Workbooks.create()
                .sheet("汇总").row("地区", "教育支出").row("一县", 100).row("二县", 200)
                .sheet("说明").row("填表说明：").row("1. 地区代码按 GB/T 2260 填写。")
                .sheet("表1").row("地区代码", "层级", "年度", "在校学生数(人)").row(330102, "县", 2023, 4000)
                .save(dir.resolve("no-header.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.problems()).as(l.problemsText()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.sheet()).isEqualTo("汇总");
            assertThat(p.message()).contains("未识别为数据表").contains("已跳过");
        });
        assertThat(l.dataset.sheets()).extracting(t -> t.getSheet()).containsExactly("表1");
        assertThat(l.dataset.entities()).containsOnlyKeys("330102");
        assertThat(l.dataset.metrics()).singleElement().satisfies(m -> assertThat(m.getOrigin().getSheet()).isEqualTo("表1"));
    }

    @Test
    void theYearIsTakenFromTheTitleWhenThereIsNoYearColumnWithAWarning() {
        Path f = Workbooks.create().sheet("表1")
                .row("2023年示例市义务教育学校基本情况统计表")
                .row("填报单位：示例市教育局", null, null, "填报日期：2024年3月1日")
                .row("学校代码", "学校名称", "所属地区代码", "在校学生数(人)")
                .row(3301020001L, "一小", 330102, 800)
                .save(dir.resolve("title-year.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("3301020001", 2023, "在校学生数")).isEqualByComparingTo("800");
        assertThat(l.find("3301020001", 2024, "在校学生数")).isEmpty();
        assertThat(l.problems()).filteredOn(p -> p.message().contains("年度")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.sheet()).isEqualTo("表1");
            assertThat(p.message()).contains("没有“年度”列").contains("2023年");
        });
        l.assertTally("表1", 1, 1, 0, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void withoutAYearColumnOrAYearInTheTitleEveryRowIsRejected() {
        Path f = Workbooks.create().sheet("表1")
                .row("示例市学校统计表")
                .row("学校代码", "所属地区代码", "在校学生数(人)")
                .row(3301020001L, 330102, 800)
                .row(3301020002L, 330102, 700)
                .save(dir.resolve("no-year.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.metrics()).isEmpty();
        assertThat(l.dataset.entities()).isEmpty();
        assertThat(l.errors()).extracting(LoadProblem::message)
                .anySatisfy(m -> assertThat(m).contains("没有“年度”列"));
        l.assertTally("表1", 2, 0, 0, 2);
    }

    @Test
    void anUnknownPercentageColumnKeepsThePercentageShownWhetherTypedOrFormatted() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "标准化考场达标率")
                .row(330102, "县", 2023, Workbooks.percent(0.853))
                .row(330103, "县", 2023, "85.3%")
                .save(dir.resolve("unknown-pct.xlsx"));

        Loaded l = Loaded.load(f);

        Metric formatted = l.metric("330102", 2023, "标准化考场达标率");
        Metric typed = l.metric("330103", 2023, "标准化考场达标率");
        assertThat(formatted.getValue()).isEqualByComparingTo("85.3");
        assertThat(typed.getValue()).isEqualByComparingTo("85.3");
        assertThat(formatted.getUnit()).isEqualTo("%");
        assertThat(typed.getUnit()).isEqualTo("%");
    }

    @Test
    void theYearMayComeFromTheSheetNameWhenThereIsNoYearColumnNorTitle() {
        Path f = Workbooks.create().sheet("2024年学校")
                .row("学校代码", "所属地区代码", "在校学生数(人)")
                .row(3301020001L, 330102, 800)
                .save(dir.resolve("sheet-year.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("3301020001", 2024, "在校学生数")).isEqualByComparingTo("800");
        assertThat(l.problems()).filteredOn(p -> p.message().contains("没有“年度”列")).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        l.assertTally("2024年学校", 1, 1, 0, 0);
    }
}
