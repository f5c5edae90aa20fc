package org.dudao.load;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The layouts real returns come in: each must load to exactly the values typed in it. */
class MessyWorkbookTest {
    private static final String[] REGION_HEADER = {"地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)", "在校学生数(人)"};

    @TempDir Path dir;

    @Test
    void a_name_is_kept_as_typed_but_for_its_white_space_and_a_code_is_normalised() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .row("３３０１０２", " 一县（城区）\u3000 ", "330100", "县", 2023, 1, 2)
                .save(dir.resolve("names.xlsx"));
        Entity e = Loaded.load(f).dataset.entities().get("330102");
        // a report shows the name as an official bulletin writes it: full-width brackets stay
        assertThat(e.getName()).isEqualTo("一县（城区）");
    }

    private static BigDecimal n(String s) { return new BigDecimal(s); }

    @Test
    void titleAndFillingUnitLinesAboveTheHeaderArePassedOver() {
        Path f = Workbooks.create().sheet("表1")
                .row("2023年示例市教育经费统计表")
                .row("填报单位：示例市教育局", null, null, null, null, "单位：万元")
                .row((Object[]) REGION_HEADER)
                .row(330102, "一县", 330100, "县", 2023, 1234.5, 5000)
                .save(dir.resolve("title.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1234.5");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("5000");
        Metric m = l.metric("330102", 2023, "一般公共预算教育支出");
        assertThat(m.getOrigin().getFile()).isEqualTo(f.toString());
        assertThat(m.getOrigin().ref()).isEqualTo("表1!F4");
        Entity e = l.dataset.entities().get("330102");
        assertThat(e.getName()).isEqualTo("一县");
        assertThat(e.getKind()).isEqualTo(EntityKind.COUNTY);
        assertThat(e.getParentCode()).isEqualTo("330100");
        assertThat(l.dataset.entities()).hasSize(1);
        l.assertTally("表1", 1, 1, 0, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aHeaderSpreadOverTwoMergedRowsIsJoinedIntoOne() {
        Path f = Workbooks.create().sheet("表2")
                .row("2023年教育经费情况")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "教育经费", null, "学生情况")
                .row(null, null, null, null, null, "一般公共预算教育支出（万元）", "生均一般公共预算教育经费（元）", "在校学生数（人）")
                .merge("A2:A3").merge("B2:B3").merge("C2:C3").merge("D2:D3").merge("E2:E3").merge("F2:G2")
                .row(330102, "一县", 330100, "县", 2023, 500, 12000.5, 4000)
                .row(330103, "二县", 330100, "县", 2023, 600, 11000, 5000)
                .save(dir.resolve("two-line.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("500");
        assertThat(l.value("330102", 2023, "生均一般公共预算教育经费")).isEqualByComparingTo("12000.5");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.value("330103", 2023, "生均一般公共预算教育经费")).isEqualByComparingTo("11000");
        assertThat(l.metric("330103", 2023, "生均一般公共预算教育经费").getOrigin().ref()).isEqualTo("表2!G5");
        assertThat(l.metric("330102", 2023, "生均一般公共预算教育经费").getUnit()).isEqualTo("元");
        // the second header line is header, not a data row
        l.assertTally("表2", 2, 2, 0, 0);
        assertThat(l.problems()).as(l.problemsText())
                .noneMatch(p -> p.message().contains("指标字典中没有"));
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void blankRowsAreNeitherDataNorRejected() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .blankRow()
                .row(330102, "一县", 330100, "县", 2023, 100, 10)
                .blankRow()
                .row(" ", "", null, "  ")
                .row(330103, "二县", 330100, "县", 2023, 200, 20)
                .blankRow()
                .save(dir.resolve("blank.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("100");
        assertThat(l.value("330103", 2023, "一般公共预算教育支出")).isEqualByComparingTo("200");
        assertThat(l.metric("330103", 2023, "一般公共预算教育支出").getOrigin().getCell()).isEqualTo("F6");
        l.assertTally("表1", 2, 2, 0, 0);
        assertThat(l.tally("表1").getBlank()).isGreaterThanOrEqualTo(2);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void totalRowsAreSkippedAndNeverBecomeARegion() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .row(330102, "一县", 330100, "县", 2023, 100, 10)
                .row(330103, "二县", 330100, "县", 2023, 200, 20)
                .row(null, "合计", null, null, 2023, 300, 30)
                .row("总计", null, null, null, 2023, 300, 30)
                .save(dir.resolve("total.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).containsOnlyKeys("330102", "330103");
        assertThat(l.dataset.metrics()).extracting(Metric::getEntityCode).containsOnly("330102", "330103");
        assertThat(l.dataset.metrics()).noneMatch(m -> m.getValue().compareTo(n("300")) == 0);
        l.assertTally("表1", 4, 2, 2, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void footnoteAndSignatureRowsUnderTheTableAreSkipped() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .row(330100, "示例市", null, "市", 2023, 1000, 100)
                .row(330102, "一县", 330100, "县", 2023, 100, 10)
                .blankRow()
                .row("注：1. 教育支出含教育费附加；2. 数据截至2023年12月31日。")
                .row("注1：学生数不含成人教育。")
                .row("填表人：张三", null, "审核人：李四", null, "联系电话：0571-12345678", null, null, "填报日期：2024年1月")
                .save(dir.resolve("notes.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).containsOnlyKeys("330100", "330102");
        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("100");
        l.assertTally("表1", 5, 2, 3, 0);
        // nothing to report on a note row, not even its cells beyond the header
        assertThat(l.problems()).as(l.problemsText()).filteredOn(p -> "表1".equals(p.sheet())).isEmpty();
    }

    @Test
    void numbersStoredAsTextWithSeparatorsOrSpacesAreRead() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .row("330102", "一县", "330100", "县", "2023", "1,234.5", " 4000 ")
                .row("330103", "二县", "330100", "县", "2023", "12，345", "１２３")
                .row("330104", "三县", "330100", "县", "2023", " 1,234,567.89 ", "\u00a0250\u00a0")
                .save(dir.resolve("text-numbers.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1234.5");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.value("330103", 2023, "一般公共预算教育支出")).isEqualByComparingTo("12345");
        assertThat(l.value("330103", 2023, "在校学生数")).isEqualByComparingTo("123");
        assertThat(l.value("330104", 2023, "一般公共预算教育支出")).isEqualByComparingTo("1234567.89");
        assertThat(l.value("330104", 2023, "在校学生数")).isEqualByComparingTo("250");
        assertThat(l.metric("330104", 2023, "在校学生数").getOrigin().ref()).isEqualTo("表1!G4");
        l.assertTally("表1", 3, 3, 0, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void yearsWrittenWithTheCharacter年AreRead() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .row(330102, "一县", 330100, "县", "2023年", 100, 10)
                .row(330103, "二县", 330100, "县", "2024年度", 200, 20)
                .row(330104, "三县", 330100, "县", " 2023 ", 300, 30)
                .row(330105, "四县", 330100, "县", 2024, 400, 40)
                .save(dir.resolve("years.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("100");
        assertThat(l.value("330103", 2024, "一般公共预算教育支出")).isEqualByComparingTo("200");
        assertThat(l.value("330104", 2023, "一般公共预算教育支出")).isEqualByComparingTo("300");
        assertThat(l.value("330105", 2024, "一般公共预算教育支出")).isEqualByComparingTo("400");
        assertThat(l.dataset.years()).containsExactly(2023, 2024);
        l.assertTally("表1", 4, 4, 0, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void codesStoredAsNumbersKeepTheirDigitsWithoutADecimalPoint() {
        Path f = Workbooks.create()
                .sheet("地区").row((Object[]) REGION_HEADER)
                .row(330000, "示例省", null, "省", 2023, 1000, 100)
                .row(330100, "示例市", 330000, "市", 2023, 500, 50)
                .row(339911, "一县", 330100, "县", 2023, 100, 10)
                .sheet("学校").row("学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)")
                .row(3399110001L, "一小", 339911, "小学", 2023, 800)
                .save(dir.resolve("codes.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities()).containsOnlyKeys("330000", "330100", "339911", "3399110001");
        assertThat(l.dataset.entities().get("339911").getParentCode()).isEqualTo("330100");
        assertThat(l.dataset.entities().get("330100").getParentCode()).isEqualTo("330000");
        assertThat(l.dataset.entities().get("3399110001").getParentCode()).isEqualTo("339911");
        assertThat(l.value("3399110001", 2023, "在校学生数")).isEqualByComparingTo("800");
        assertThat(l.problems()).as(l.problemsText()).isEmpty();
    }

    @Test
    void yesNoAnswersBecomeOneOrZeroWithTheirText() {
        Path f = Workbooks.create().sheet("表1")
                .row("地区代码", "地区名称", "层级", "年度", "乡村教师生活补助", "特殊教育资源中心")
                .row(330102, "一县", "县", 2023, "是", "有")
                .row(330103, "二县", "县", 2023, "否", "无")
                .row(330104, "三县", "县", 2023, " 是 ", null)
                .save(dir.resolve("yes-no.xlsx"));

        Loaded l = Loaded.load(f);

        Metric yes = l.metric("330102", 2023, "乡村教师生活补助");
        assertThat(yes.getValue()).isEqualByComparingTo("1");
        assertThat(yes.getText()).isEqualTo("是");
        assertThat(yes.isYes()).isTrue();
        assertThat(l.metric("330102", 2023, "特殊教育资源中心").isYes()).isTrue();
        Metric no = l.metric("330103", 2023, "乡村教师生活补助");
        assertThat(no.getValue()).isEqualByComparingTo("0");
        assertThat(no.getText()).isEqualTo("否");
        assertThat(no.isYes()).isFalse();
        assertThat(l.metric("330103", 2023, "特殊教育资源中心").getText()).isEqualTo("否");
        assertThat(l.metric("330104", 2023, "乡村教师生活补助").isYes()).isTrue();
        // a blank answer is missing, not 否
        assertThat(l.find("330104", 2023, "特殊教育资源中心")).isEmpty();
        l.assertTally("表1", 3, 3, 0, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void allTheMessAtOnceStillBalancesRowByRow() {
        Path f = Workbooks.create().sheet("Sheet1")
                .row("2023年示例市各县（市、区）教育经费统计表")
                .row("填报单位（盖章）：示例市教育局", null, null, null, null, null, "单位：万元、人")
                .blankRow()
                .row("序号", "地区代码", "地区名称", "上级代码", "层级", "年度", "经费", "学生")
                .row(null, null, null, null, null, null, "一般公共预算教育支出（亿元）", "在校学生数(万人)")
                .merge("A4:A5").merge("B4:B5").merge("C4:C5").merge("D4:D5").merge("E4:E5").merge("F4:F5")
                .row(1, 330102, "一县", "330100", "县", "2023年", "3.3", 3.5)
                .blankRow()
                .row(2, "330103", "二县", 330100, "县", 2023, " 1.25 ", "0.8")
                .row(null, null, "合计", null, null, null, 4.55, 4.3)
                .row("注：经费为决算数。")
                .save(dir.resolve("all.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("35000");
        assertThat(l.value("330103", 2023, "一般公共预算教育支出")).isEqualByComparingTo("12500");
        assertThat(l.value("330103", 2023, "在校学生数")).isEqualByComparingTo("8000");
        assertThat(l.metric("330103", 2023, "在校学生数").getOrigin().ref()).isEqualTo("Sheet1!H8");
        assertThat(l.dataset.entities()).containsOnlyKeys("330102", "330103");
        l.assertTally("Sheet1", 4, 2, 2, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }

    @Test
    void aColumnNumberingLineUnderTheHeaderIsSkippedAndCountyLevelCitiesAreCounties() {
        Path f = Workbooks.create().sheet("表1")
                .row((Object[]) REGION_HEADER)
                .row("甲", "乙", "丙", "丁", "戊", "1", "2")
                .row(330182, "示例市", 330100, "县级市", 2023, 800, 3000)
                .save(dir.resolve("numbering.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.entities().get("330182").getKind()).isEqualTo(EntityKind.COUNTY);
        assertThat(l.value("330182", 2023, "一般公共预算教育支出")).isEqualByComparingTo("800");
        l.assertTally("表1", 2, 1, 1, 0);
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
    }
}
