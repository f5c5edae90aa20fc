package org.dudao.engine;

import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pattern honours a rule's @warn margin; parameters come from the workbook, then rules/params.csv, then the default. */
class WarnAndParamsTest {
    private static final String C = "990101";
    @TempDir static Path dir;
    private static RuleBase rules;

    private static String rule(String id, String pattern, String bound, String level, String call) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @name(\"" + id + "\") @level(\"" + level + "\") @pattern(\"" + pattern
                + "\")\n    @bound(\"" + bound + "\") @source(\"test\") @warn(\"1\")\nwhen\n    $e : Entity(level == \"" + level
                + "\")\nthen\n    insert(" + call + ");\nend\n\n";
    }

    @BeforeAll
    static void compile() throws Exception {
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"));
        Files.writeString(dir.resolve("params.csv"), "参数名称,参数值,说明\n文件参数,70,\n两处参数,70,\n", StandardCharsets.UTF_8);
        String drl = "package warn;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n"
                + rule("W-THRESHOLD", "threshold", ">= 50", "县", "threshold(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("W-NODECREASE", "no-decrease", ">= 上年", "县", "noDecrease(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("W-NOREBOUND", "no-rebound", "<= 上年", "县", "noRebound(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("W-CHANGEBY", "change-by", ">= 10", "县", "changeBy(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("W-CHANGERATIO", "change-by", "<= 90%", "县", "changeRatio(kcontext, $e, value(\"涉校涉生安全事故数\"))")
                + rule("W-CONDITIONAL", "conditional", ">= 50", "县",
                        "conditional(kcontext, $e, condition(value(\"常住人口\"), \">= 1\"), value(\"初中三年巩固率\"))")
                + rule("W-COVERAGE", "coverage", ">= 1000", "县", "coverage(kcontext, $e, schools(), value(\"宽带接入带宽\"))")
                + rule("W-SHARE", "share-of-children", ">= 50%", "县", "shareOfChildren(kcontext, $e, schools(), meets(value(\"平安校园\"), \"= 是\"))")
                + rule("W-DISPERSION", "dispersion", "小学 <= 0.5；初中 <= 0.45", "县", "dispersion(kcontext, $e, \"小学\", \"教学及辅助用房面积\")")
                + rule("W-TARGET", "target-progress", ">= {W目标|100}", "县", "targetProgress(kcontext, $e, value(\"新建改扩建公办幼儿园数\"))")
                + rule("W-PROGRESS", "target-progress", ">= 时间进度", "县",
                        "targetProgress(kcontext, $e, value(\"年度任务已完成数\"), value(\"年度任务计划数\"), \"{W日期|07-01}\")")
                + rule("P-DEFAULT", "threshold", ">= {未设参数|60}", "县", "threshold(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("P-FILE", "threshold", ">= {文件参数|60}", "县", "threshold(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("P-BOTH", "threshold", ">= {两处参数|60}", "县", "threshold(kcontext, $e, value(\"初中三年巩固率\"))")
                + rule("P-NODEFAULT", "threshold", ">= {无默认参数}", "县", "threshold(kcontext, $e, value(\"初中三年巩固率\"))");
        Files.writeString(dir.resolve("test.drl"), drl, StandardCharsets.UTF_8);
        rules = RuleBase.compile(dir);
    }

    private static List<Verdict> run(TestData d) {
        return new Evaluator(rules, 1).evaluate(d.build(), 2024).verdicts();
    }

    private static Status status(List<Verdict> vs, String id) { return Rules.verdict(vs, id, C).getStatus(); }

    private static TestData county() { return TestData.create().entity(C, "一县", EntityKind.COUNTY, null, null).present(C, 2024); }

    private static TestData narrow() {
        TestData d = county().metric(C, 2023, "初中三年巩固率", "40").metric(C, 2024, "初中三年巩固率", "50.5")
                .metric(C, 2024, "常住人口", "5").metric(C, 2023, "涉校涉生安全事故数", "100").metric(C, 2024, "涉校涉生安全事故数", "89.5")
                .metric(C, 2024, "新建改扩建公办幼儿园数", "100.5").metric(C, 2024, "年度任务计划数", "100").metric(C, 2024, "年度任务已完成数", "50.5");
        d.school("A", "A", C, "小学").present("A", 2024).metric("A", 2024, "宽带接入带宽", "1000.5").yesNo("A", 2024, "平安校园", true)
                .metric("A", 2024, "在校学生数", "100").metric("A", 2024, "教学及辅助用房面积", "100");
        d.school("B", "B", C, "小学").present("B", 2024).metric("B", 2024, "宽带接入带宽", "5000").yesNo("B", 2024, "平安校园", false)
                .metric("B", 2024, "在校学生数", "100").metric("B", 2024, "教学及辅助用房面积", "100");
        return d;
    }

    @Test
    void a_narrow_pass_is_a_warning_in_every_pattern() {
        List<Verdict> vs = run(narrow());
        for (String id : List.of("W-THRESHOLD", "W-CHANGEBY", "W-CHANGERATIO", "W-CONDITIONAL", "W-COVERAGE", "W-SHARE", "W-TARGET", "W-PROGRESS")) {
            Verdict v = Rules.verdict(vs, id, C);
            assertThat(v.getStatus()).as(id + ": " + v.getMessage()).isEqualTo(Status.WARN);
            assertThat(v.getMessage()).as(id).contains("预警");
        }
        // a coefficient of 0 within 1 of 0.5 (the margin is in the coefficient's unit)
        assertThat(vs.stream().filter(v -> v.getIndicator().equals("W-DISPERSION")).findFirst().orElseThrow().getStatus()).isEqualTo(Status.WARN);
    }

    @Test
    void year_on_year_within_the_margin_warns_and_outside_passes() {
        List<Verdict> near = run(county().metric(C, 2023, "初中三年巩固率", "50").metric(C, 2024, "初中三年巩固率", "50.5"));
        assertThat(status(near, "W-NODECREASE")).isEqualTo(Status.WARN);
        assertThat(status(near, "W-NOREBOUND")).isEqualTo(Status.FAIL);
        List<Verdict> far = run(county().metric(C, 2023, "初中三年巩固率", "50").metric(C, 2024, "初中三年巩固率", "52"));
        assertThat(status(far, "W-NODECREASE")).isEqualTo(Status.PASS);
        assertThat(status(far, "W-THRESHOLD")).isEqualTo(Status.PASS);
    }

    @Test
    void parameters_come_from_the_workbook_then_params_csv_then_the_default() {
        List<Verdict> vs = run(county().metric(C, 2024, "初中三年巩固率", "65").param("两处参数", "60"));
        Verdict def = Rules.verdict(vs, "P-DEFAULT", C);
        assertThat(def.getStatus()).isEqualTo(Status.PASS);
        // the value used is in the standard's words; where it came from is a field and the parameter's cell, never text
        assertThat(def.getBound()).isEqualTo("不低于 60");
        assertThat(def.getParameters()).containsExactly("未设参数");
        assertThat(def.getEvidence()).noneSatisfy(m -> assertThat(m.getKey()).isEqualTo("未设参数"));
        Verdict file = Rules.verdict(vs, "P-FILE", C);
        assertThat(file.getStatus()).isEqualTo(Status.FAIL);
        assertThat(file.getLimit()).isEqualByComparingTo("70");
        assertThat(file.getBound()).isEqualTo("不低于 70");
        assertThat(file.getParameters()).containsExactly("文件参数");
        assertThat(file.getEvidence()).anySatisfy(m -> assertThat(m.getOrigin().getFile()).isEqualTo("params.csv"));
        Verdict both = Rules.verdict(vs, "P-BOTH", C);
        assertThat(both.getStatus()).as("the workbook's 参数 sheet wins over params.csv").isEqualTo(Status.PASS);
        assertThat(both.getBound()).isEqualTo("不低于 60");
        assertThat(both.getEvidence()).anySatisfy(m -> {
            assertThat(m.getKey()).isEqualTo("两处参数");
            assertThat(m.getOrigin().getFile()).endsWith("test.xlsx");
        });
        for (Verdict v : List.of(def, file, both)) assertThat(v.getMessage() + v.getBound() + v.getFormula()).doesNotContain("参数“").doesNotContain("{");
        Verdict none = Rules.verdict(vs, "P-NODEFAULT", C);
        assertThat(none.getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(none.getMissing()).singleElement().asString().contains("无默认参数");
    }

    @Test
    void a_malformed_parameter_default_or_compound_bound_is_a_compile_error(@TempDir Path bad) throws IOException {
        Files.writeString(bad.resolve("bad.drl"), "package bad;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n"
                + rule("B-1", "threshold", ">= {参数|五十}", "县", "threshold(kcontext, $e, value(\"x\"))")
                + rule("B-2", "threshold", "小学 >= 1；>= 2", "县", "threshold(kcontext, $e, value(\"x\"))"), StandardCharsets.UTF_8);
        RuleCompileException e = org.junit.jupiter.api.Assertions.assertThrows(RuleCompileException.class, () -> RuleBase.compile(bad));
        assertThat(e.messages()).hasSize(2);
        assertThat(e.messages().get(0).message()).contains("默认值“五十”不是数值");
        assertThat(e.messages().get(1).message()).contains("学段或类别");
    }

    @Test
    void bounds_parse_parameters_parts_and_time_progress() {
        Bound p = Bound.parse(">= {KG-04目标数|200} 所");
        assertThat(p.param()).isEqualTo("KG-04目标数");
        assertThat(p.number()).isEqualByComparingTo("200");
        assertThat(p.unit()).isEqualTo("所");
        Bound c = Bound.parse("小学 >= 4.2；初中 >= 5.3");
        assertThat(c.labels()).containsExactly("小学", "初中");
        assertThat(c.forLabel("初级中学").number()).isEqualByComparingTo("5.3");
        assertThat(c.forLabel("九年一贯制")).isNull();
        assertThat(Bound.parse("一贯制 <= 2500；其他 <= 2000").forLabel("小学").number()).isEqualByComparingTo("2000");
        assertThat(Bound.parse(">= 时间进度").timeProgress()).isTrue();
        assertThat(Dates.parse("6月30日", 2024)).hasToString("2024-06-30");
        assertThat(Dates.parse("2023/7/1", 2024)).hasToString("2024-07-01");
        assertThat(Dates.parse("45474", 2024)).hasToString("2024-07-01");
        assertThat(Dates.parse("13-40", 2024)).isNull();
    }
}
