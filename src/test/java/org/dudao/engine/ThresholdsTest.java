package org.dudao.engine;

import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rules/thresholds.xlsx}: bounds kept in Excel override the rules' {@code @bound}; mistakes are reported at their cell. */
class ThresholdsTest {
    @TempDir Path rules;

    @BeforeEach
    void copyRules() throws IOException {
        for (String f : List.of("10-funding.drl", "35-balance.drl", "metrics.csv")) Files.copy(Path.of("rules", f), rules.resolve(f));
    }

    private void table(Object[]... rows) {
        Workbooks w = Workbooks.create().sheet("说明").row("界值表").sheet("界值").row("指标", "学段/层级", "界值", "说明");
        for (Object[] r : rows) w.row(r);
        w.save(rules.resolve("thresholds.xlsx"));
    }

    /** A 小学 of 1000 pupils with 43 teachers above the required qualification: 4.3 per hundred. */
    private Verdict bal1() throws RuleCompileException {
        TestData d = TestData.create().county("990101", "一县").present("990101", 2024).school("S", "一小", "990101", "小学").present("S", 2024)
                .metric("S", 2024, "在校学生数", "1000", "人").metric("S", 2024, "高于规定学历教师数", "43", "人");
        return Rules.verdict(new Evaluator(RuleBase.compile(rules), 1).evaluate(d.build(), 2024).verdicts(), "BAL-1", "S");
    }

    @Test
    void a_stage_bound_in_the_table_overrides_the_rule_and_the_verdict_names_its_cell() throws Exception {
        assertThat(bal1().getStatus()).as("rule: 小学 >= 4.2").isEqualTo(Status.PASS);
        table(new Object[]{"BAL-1", "初中", 5.3}, new Object[]{"BAL-1", "小学", 4.3});
        Verdict tie = bal1();
        assertThat(tie.getStatus()).isEqualTo(Status.PASS);
        assertThat(tie.getBound()).isEqualTo("不低于 4.3 人");
        assertThat(tie.getBoundOrigin()).as("the file's name, not its path").isEqualTo("thresholds.xlsx!界值!C3");
        table(new Object[]{"BAL-1", "小学", ">= 4.31"});
        Verdict fail = bal1();
        assertThat(fail.getStatus()).as(fail.getMessage()).isEqualTo(Status.FAIL);
        assertThat(fail.getLimit()).isEqualByComparingTo("4.31");
        assertThat(fail.getBound()).as("written without a unit, it keeps the rule's").isEqualTo("不低于 4.31 人");
        assertThat(fail.getBoundOrigin()).isEqualTo("thresholds.xlsx!界值!C2");
        assertThat(RuleBase.compile(rules).catalogue()).filteredOn(i -> i.id().equals("BAL-1")).singleElement()
                .satisfies(i -> assertThat(i.bound()).isEqualTo("小学 ≥ 4.31 人；初中 ≥ 5.3 人（界值表 thresholds.xlsx）"));
    }

    @Test
    void a_bare_number_keeps_the_comparison_and_unit_of_a_simple_bound() throws Exception {
        table(new Object[]{"FUND-04", null, 98});
        TestData d = TestData.create().county("990101", "一县").present("990101", 2024)
                .metric("990101", 2024, "教育预算数", "10000", "万元").metric("990101", 2024, "教育预算执行数", "9850", "万元");
        Verdict v = Rules.verdict(new Evaluator(RuleBase.compile(rules), 1).evaluate(d.build(), 2024).verdicts(), "FUND-04", "990101");
        assertThat(v.getStatus()).as("98.5% against 98% from the table, not the rule's 99%").isEqualTo(Status.PASS);
        assertThat(v.getBound()).isEqualTo("不低于 98%");
        assertThat(v.getBoundOrigin()).startsWith("thresholds.xlsx!");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown indicator      | BAL-99 | 小学 | 4.2      | 界值!A2: 未知指标“BAL-99”
            unknown stage          | BAL-1  | 高中 | 4.2      | 界值!B2: 未知学段或层级“高中”：指标 BAL-1 的界值分项为 小学、初中
            stage on a plain bound | FUND-04| 小学 | 98       | 界值!B2: 未知学段或层级“小学”
            unparseable bound      | BAL-1  | 小学 | 大约 4.2 | 界值!C2: 界值“大约 4.2”无法识别：界值“大约 4.2”应以 >=、<=、=、>、< 开头
            number on parts        | BAL-1  |      | 4.2      | 界值!C2: 界值“4.2”无法识别：该指标的界值分项为 小学、初中
            empty bound            | BAL-1  | 小学 |          | 界值!C2: 指标 BAL-1“小学”的界值为空
            """)
    void each_mistake_is_reported_at_its_sheet_and_cell(String what, String id, String label, String value, String message) {
        table(new Object[]{id, label, value == null ? null : value.matches("[\\d.]+") ? (Object) Double.valueOf(value) : value});
        assertThatThrownBy(() -> RuleBase.compile(rules)).isInstanceOfSatisfying(RuleCompileException.class, e -> {
            assertThat(e.messages()).singleElement().satisfies(m -> {
                assertThat(m.toString()).startsWith(rules.resolve("thresholds.xlsx") + " " + message.strip());
                assertThat(m.toString()).as("never a line of a rule file").doesNotContain(".drl");
            });
        });
    }

    @Test
    void a_duplicate_row_names_both_cells() {
        table(new Object[]{"BAL-2", "小学", 1.0}, new Object[]{"BAL-2", "初中", 1.0}, new Object[]{"BAL-2", "小学", 1.1});
        assertThatThrownBy(() -> RuleBase.compile(rules)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).extracting(RuleMessage::toString).containsExactly(rules.resolve("thresholds.xlsx")
                        + " 界值!A4: 重复：指标 BAL-2“小学”的界值与 界值!A2 重复或冲突，请只保留一行"));
        table(new Object[]{"BAL-2", "小学", 1.0}, new Object[]{"BAL-2", null, "小学 >= 1；初中 >= 1"});
        assertThatThrownBy(() -> RuleBase.compile(rules)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).singleElement().asString().contains("界值!A3: 重复：指标 BAL-2 的界值与 界值!A2 重复或冲突"));
    }
}
