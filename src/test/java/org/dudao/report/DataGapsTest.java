package org.dudao.report;

import org.dudao.load.MetricDictionary;
import org.dudao.load.MetricType;
import org.dudao.model.Dataset;
import org.dudao.model.MissingValue;
import org.dudao.model.Origin;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 补报清单 from the verdicts short of data, and evidence as a reader follows it. */
class DataGapsTest {
    private static final String REGION_SHEET = MissingValue.REGION_SHEET, CLASS_SHEET = MissingValue.CLASS_SHEET,
            PARAMETER_SHEET = MissingValue.PARAMETER_SHEET;

    private static final MetricDictionary DICTIONARY = new MetricDictionary(List.of(
            new MetricDictionary.Def("一般公共预算教育支出", "万元", MetricType.NUMBER, List.of(), ""),
            new MetricDictionary.Def("在校学生数", "人", MetricType.NUMBER, List.of(), ""),
            new MetricDictionary.Def("生均一般公共预算教育经费", "元", MetricType.NUMBER, List.of(), ""),
            new MetricDictionary.Def("班额", "人", MetricType.NUMBER, List.of(), "")));
    private static final Dataset DATA = TestData.create().county("990104", "四县").school("9901040001", "四县实验学校", "990104", "小学").build();

    @Test
    void each_unit_is_told_the_sheet_column_and_years_of_what_it_lacks_itself() {
        List<DataGaps.Gap> gaps = new ArrayList<>();
        DataGaps finder = new DataGaps(DICTIONARY, gaps::add);
        finder.accept(short_("FUND-01", "990104", gap("990104", REGION_SHEET, "一般公共预算教育支出", 2024, ""),
                gap("990104", REGION_SHEET, "一般公共预算教育支出", 2023, "")));
        finder.accept(short_("FUND-02", "990104",
                gap("990104", REGION_SHEET, "生均一般公共预算教育经费", 2024, "").orFrom(List.of("在校学生数"))));
        // a county short of data only because its classes and schools are: listed with the school, not again with the county
        finder.accept(short_("CLASS-01", "990104", gap("990104", CLASS_SHEET, "班额", 2024, "")));
        finder.accept(short_("LABOR-01", "990104"));
        finder.accept(short_("CLASS-01", "9901040001", gap("9901040001", CLASS_SHEET, "班额", 2024, "四县实验学校 八(1)班")));
        finder.accept(short_("KG-04", "9901040001", gap("9901040001", PARAMETER_SHEET, "KG-04市目标数", null, "也可在规则目录的 params.csv 中设置")));
        finder.finish();
        List<String> rows = new ArrayList<>();
        for (DataGaps.Gap g : gaps) {
            rows.add(g.name() + "|" + g.sheet() + "|" + g.column() + "|" + g.yearText() + "|" + String.join("、", g.indicators()) + "|" + g.note());
        }
        assertThat(rows).containsExactly(
                "四县|地区表|一般公共预算教育支出(万元)|2023、2024|FUND-01|",
                "四县|地区表|生均一般公共预算教育经费(元)|2024|FUND-02|或填报 在校学生数(人)，由系统计算",
                "四县实验学校|班级表|班额(人)|2024|CLASS-01|四县实验学校 八(1)班",
                "四县实验学校|参数表|参数“KG-04市目标数”||KG-04|也可在规则目录的 params.csv 中设置");
        assertThat(finder.units()).isEqualTo(2);
        assertThat(finder.gaps()).isEqualTo(4);
        assertThat(finder.derived()).isEqualTo(2);
    }

    @Test
    void a_cell_is_named_by_workbook_sheet_and_cell_each_once_and_a_long_list_is_cut() {
        assertThat(Evidence.cell(new Origin("/data/in/sample-2024.xlsx", "表1 地区", "F8"))).isEqualTo("sample-2024.xlsx!表1 地区!F8");
        assertThat(Evidence.cell(new Origin("C:\\in\\样例.xlsx", "表1", "AB12"))).isEqualTo("样例.xlsx!表1!AB12");
        assertThat(Evidence.cell(new Origin("params.csv", "参数", "第3行"))).isEqualTo("params.csv 第3行");
        List<org.dudao.model.Metric> evidence = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            // the same cell twice in a row, as a roll-up's evidence repeats a school's pupils
            evidence.add(metric("/p/a.xlsx", "学校表", "F" + (i % 7 + 1)));
        }
        Verdict v = Verdict.builder("BAL-COUNTY", DATA.entities().get("990104"), 2024).status(Status.FAIL).evidence(evidence).build();
        assertThat(Evidence.cells(v)).hasSize(7).doesNotHaveDuplicates();
        assertThat(Evidence.shortList(v)).isEqualTo("a.xlsx!学校表!F2、a.xlsx!学校表!F3、a.xlsx!学校表!F4、a.xlsx!学校表!F5、a.xlsx!学校表!F6、"
                + "a.xlsx!学校表!F7 等 7 个单元格");
        assertThat(Evidence.withValues(v)).doesNotContain("/p/").contains("a.xlsx!学校表!F2（在校学生数 2024年 1 人）");
    }

    private static org.dudao.model.Metric metric(String file, String sheet, String cell) {
        return new org.dudao.model.Metric("9901040001", 2024, "在校学生数", java.math.BigDecimal.ONE, null, "人", new Origin(file, sheet, cell));
    }

    @Test
    void the_list_is_read_from_the_records_never_from_the_text() {
        List<DataGaps.Gap> gaps = new ArrayList<>();
        DataGaps finder = new DataGaps(DICTIONARY, gaps::add);
        Verdict textOnly = Verdict.builder("FUND-01", DATA.entities().get("990104"), 2024).status(Status.INSUFFICIENT_DATA)
                .missing(List.of("2024年“一般公共预算教育支出”")).build();
        finder.accept(textOnly);
        finder.finish();
        assertThat(gaps).isEmpty();
        assertThat(finder.derived()).isEqualTo(1);
    }

    private static MissingValue gap(String entity, String sheet, String metric, Integer year, String note) {
        return new MissingValue(entity, sheet, metric, year, List.of(), note);
    }

    /** A verdict short of data, its missing values said in words (as the engine does) and as records. */
    private static Verdict short_(String indicator, String code, MissingValue... missing) {
        List<String> words = new ArrayList<>();
        for (MissingValue m : missing) words.add((m.year() == null ? "" : m.year() + "年") + "“" + m.metric() + "”");
        return Verdict.builder(indicator, DATA.entities().get(code), 2024).status(Status.INSUFFICIENT_DATA)
                .missing(words.isEmpty() ? List.of("四县实验学校 的数据") : words).missingValues(List.of(missing)).build();
    }
}
