package org.dudao.load;

import org.dudao.model.LoadProblem.Severity;
import org.dudao.testing.HandMadeXlsx;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.testing.HandMadeXlsx.number;
import static org.dudao.testing.HandMadeXlsx.out;
import static org.dudao.testing.HandMadeXlsx.text;

/**
 * Numbers that would change a statistic silently: a comma that is no thousands separator ({@code 1,20} read
 * as 120), and a magnitude no statistic has ({@code 1e-400} read as 0, {@code 1E+400} as infinity). Each is a
 * problem on its cell saying why, and the value is not used.
 */
class OddNumbersTest {
    private static final Object[] HEADER = {"地区代码", "地区名称", "层级", "年度", "在校学生数(人)"};

    @TempDir Path dir;

    @Test
    void aThousandsSeparatorIsAcceptedOnlyBeforeGroupsOfThreeDigits() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row("330101", "一县", "县", 2023, "1,234")
                .row("330102", "二县", "县", 2023, "12,345,678.5")
                .row("330103", "三县", "县", 2023, "1,20")
                .row("330104", "四县", "县", 2023, "1,2345")
                .row("330105", "五县", "县", 2023, "１，２３４")
                .row("330106", "六县", "县", 2023, "１，２０")
                .row("330107", "七县", "县", 2023, "1,234,56")
                .row("330108", "八县", "县", 2023, "1,20万")
                .save(dir.resolve("commas.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.value("330101", 2023, "在校学生数")).isEqualByComparingTo("1234");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("12345678.5");
        assertThat(l.value("330105", 2023, "在校学生数")).isEqualByComparingTo("1234");
        for (String code : new String[]{"330103", "330104", "330106", "330107", "330108"}) {
            assertThat(l.find(code, 2023, "在校学生数")).as(code).isEmpty();
        }
        assertThat(l.problemsAt("表1", "E4")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).isEqualTo("“在校学生数”的值“1,20”不是有效的数：千位分隔符后应为三位数字（若为小数请用小数点）：此值未采用");
        });
        for (String cell : new String[]{"E5", "E7", "E8", "E9"}) {
            assertThat(l.problemsAt("表1", cell)).as(cell).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("不是有效的数：千位分隔符后应为三位数字"));
        }
        assertThat(l.errors()).hasSize(5);
    }

    @Test
    void aMagnitudeNoStatisticHasIsOutOfRangeNeverZeroOrInfinity() {
        Path f = Workbooks.create().sheet("表1").row(HEADER)
                .row("330101", "一县", "县", 2023, "1e-400")
                .row("330102", "二县", "县", 2023, "1E+400")
                .row("330103", "三县", "县", 2023, "1e99999999999")
                .row("330104", "四县", "县", 2023, 1e300)
                .row("330105", "五县", "县", 2023, "2.5e3")
                .row("330106", "六县", "县", 2023, "0e-400")
                .save(dir.resolve("range.xlsx"));

        Loaded l = Loaded.load(f);

        for (String code : new String[]{"330101", "330102", "330103", "330104"}) {
            assertThat(l.find(code, 2023, "在校学生数")).as(code).isEmpty();
        }
        assertThat(l.value("330105", 2023, "在校学生数")).isEqualByComparingTo("2500");
        assertThat(l.value("330106", 2023, "在校学生数")).isEqualByComparingTo("0");
        assertThat(l.problemsAt("表1", "E2")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("“在校学生数”的值“1e-400”超出范围"));
        assertThat(l.problemsAt("表1", "E3")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("“在校学生数”的值“1E+400”超出范围"));
        assertThat(l.problemsAt("表1", "E4")).singleElement().satisfies(p -> assertThat(p.message()).contains("超出范围"));
        assertThat(l.problemsAt("表1", "E5")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("“1.0E300”超出范围"));
        assertThat(l.errors()).hasSize(4);
    }

    @Test
    void aNumberCellAStoredDoubleCannotHoldIsOutOfRange() {
        Path f = HandMadeXlsx.write(dir.resolve("raw.xlsx"), "表1", w -> {
            out(w, HandMadeXlsx.SHEET_START);
            out(w, "<row r=\"1\">" + text("A1", "地区代码") + text("B1", "层级") + text("C1", "年度") + text("D1", "在校学生数") + "</row>");
            out(w, "<row r=\"2\">" + text("A2", "330101") + text("B2", "县") + number("C2", 2023) + number("D2", "1E+400") + "</row>");
            out(w, "<row r=\"3\">" + text("A3", "330102") + text("B3", "县") + number("C3", 2023) + number("D3", "1e-400") + "</row>");
            out(w, "<row r=\"4\">" + text("A4", "330103") + text("B4", "县") + number("C4", 2023) + number("D4", "0.0") + "</row>");
            out(w, HandMadeXlsx.SHEET_END);
        });

        Loaded l = Loaded.load(f);

        assertThat(l.find("330101", 2023, "在校学生数")).isEmpty();
        assertThat(l.find("330102", 2023, "在校学生数")).isEmpty();
        assertThat(l.value("330103", 2023, "在校学生数")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(l.problemsAt("表1", "D2")).singleElement().satisfies(p -> assertThat(p.message()).contains("“1E+400”超出范围"));
        assertThat(l.problemsAt("表1", "D3")).singleElement().satisfies(p -> assertThat(p.message()).contains("“1e-400”超出范围"));
    }

    @Test
    void numberTextReadsStrictly() {
        assertThat(NumberText.parse("1,234")).get().satisfies(n -> assertThat(n.value()).isEqualByComparingTo("1234"));
        assertThat(NumberText.parse(" 85.3% ")).get().satisfies(n -> {
            assertThat(n.value()).isEqualByComparingTo("85.3");
            assertThat(n.percent()).isTrue();
        });
        assertThat(NumberText.parse("1,20")).isEmpty();
        assertThat(NumberText.parse("1,234.5,6")).isEmpty();
        assertThat(NumberText.parse(",123")).isEmpty();
        assertThat(NumberText.parse("1e16")).isEmpty();
        assertThat(NumberText.parse("9.9e15")).isPresent();
        assertThat(NumberText.parse("1e-12")).isPresent();
        assertThat(NumberText.parse("1e-13")).isEmpty();
        assertThat(NumberText.whyNot("约5000人")).isEmpty();
        assertThat(NumberText.whyNot("1,234")).isEmpty();
        assertThat(NumberText.whyNot("1,20%")).get().asString().contains("千位分隔符");
        // a space between digits groups them under the same rule (SI style, NBSP and full-width spaces too)
        assertThat(NumberText.parse("1 200")).get().satisfies(n -> assertThat(n.value()).isEqualByComparingTo("1200"));
        assertThat(NumberText.parse("12\u00a0345\u3000678")).get().satisfies(n -> assertThat(n.value()).isEqualByComparingTo("12345678"));
        assertThat(NumberText.parse(" 85 % ")).get().satisfies(n -> assertThat(n.value()).isEqualByComparingTo("85"));
        assertThat(NumberText.parse("1 20")).isEmpty();
        assertThat(NumberText.whyNot("1 20")).get().asString().isEqualTo("“1 20”不是有效的数：千位分隔符后应为三位数字（若为小数请用小数点）");
        assertThat(NumberText.whyNot("12345678901234567")).get().asString().contains("超出范围");
    }
}
