package org.dudao.engine;

import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad configuration never decides a verdict silently: it is an error at its cell or line, or it is read as it was written. */
class ConfigurationErrorsTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir Path rules;

    @BeforeEach
    void copyRules() throws IOException {
        for (String f : List.of("35-balance.drl", "metrics.csv")) Files.copy(Path.of("rules", f), rules.resolve(f));
    }

    @Test
    void a_thresholds_formula_without_a_saved_result_is_an_error_at_its_cell_not_a_bound_of_0() {
        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值")
                .row("BAL-1", "小学", 4.2)
                .row("BAL-1", "初中", Workbooks.formula("5+0.3", null))
                .save(rules.resolve("thresholds.xlsx"));
        assertThatThrownBy(() -> RuleBase.compile(rules)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).singleElement().satisfies(m -> {
                    assertThat(m.cell()).isEqualTo("界值!C3");
                    assertThat(m.message()).contains("公式").contains("没有保存");
                }));
    }

    @Test
    void a_thresholds_formula_with_its_saved_result_is_read_as_that_result() throws Exception {
        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值")
                .row("BAL-1", "初中", Workbooks.formula("5+0.3", 5.3))
                .save(rules.resolve("thresholds.xlsx"));
        assertThat(RuleBase.compile(rules).catalogue()).anySatisfy(i -> assertThat(i.bound()).contains("初中 ≥ 5.3"));
    }

    @Test
    void a_parameter_set_twice_is_an_error_naming_both_lines() throws IOException {
        Files.writeString(rules.resolve("params.csv"), "参数名称,参数值,说明\n# 注释\nBAL-CV小学,0.5,\nBAL-CV初中,0.45,\nBAL-CV小学,0.6,改过\n");
        assertThatThrownBy(() -> RuleBase.compile(rules)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).singleElement().satisfies(m -> {
                    assertThat(m.file()).endsWith("params.csv");
                    assertThat(m.line()).isEqualTo(5);
                    assertThat(m.message()).contains("“BAL-CV小学”").contains("第 3 行和第 5 行");
                }));
    }

    @Test
    void parameters_saved_as_gbk_are_read_as_written() throws Exception {
        Files.write(rules.resolve("params.csv"), "参数名称,参数值,说明\nBAL-CV小学,0.55,县里定的\n".getBytes(GBK));
        assertThat(RuleBase.compile(rules).params()).containsKey("BAL-CV小学")
                .hasEntrySatisfying("BAL-CV小学", p -> assertThat(p.getText()).isEqualTo("0.55"));
    }

    @Test
    void waivers_saved_as_gbk_are_read_as_written() throws Exception {
        Path f = rules.resolve("waivers.csv");
        Files.write(f, "指标,单位代码,年度,理由,批准人,有效期至\nKG-01,330102,2024,新建园尚未招生,市教育局,2025-12-31\n".getBytes(GBK));
        assertThat(Waivers.read(List.of(f)).all()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("新建园尚未招生");
            assertThat(w.approver()).isEqualTo("市教育局");
        });
    }

    @Test
    void a_short_waiver_line_says_which_columns_are_missing() throws IOException {
        Path f = rules.resolve("waivers.csv");
        Files.writeString(f, "指标,单位代码,年度,理由,批准人,有效期至\n# 第一条\nKG-01,330102,2024\n");
        assertThatThrownBy(() -> Waivers.read(List.of(f))).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(3);
                    assertThat(m.message()).contains("只有 3 列").contains("理由").contains("批准人").contains("有效期至")
                            .doesNotContainPattern("[A-Za-z]{5,}");
                }));
    }
}
