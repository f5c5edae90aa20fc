package org.dudao.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each lint of {@code rules check}, on a small rules folder that triggers it and one that does not. */
class RuleLintTest {
    @TempDir Path dir;

    private static final String HEAD = """
            package t;
            import org.dudao.model.Entity;
            import org.dudao.model.Metric;
            import org.dudao.model.Verdict;
            import org.dudao.model.Status;
            import java.util.List;
            import function org.dudao.engine.Patterns.*;

            """;

    private static String rule(String id, String meta, String when, String then) {
        return "rule \"" + id + " 测试\"\n" + meta + "\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n\n";
    }

    private static String meta(String id, String level, String pattern, String bound) {
        return "    @id(\"" + id + "\") @name(\"测试指标" + id + "\") @level(\"" + level + "\") @pattern(\"" + pattern + "\")\n"
                + "    @bound(\"" + bound + "\") @source(\"测试文件 第1条\")";
    }

    private static final String GOOD = rule("T-01", meta("T-01", "县", "threshold", ">= 50%"),
            "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, share(\"公办园在园幼儿数\", \"在园幼儿数\")));");

    private RuleLint.Result check(String... rules) throws IOException {
        return check(false, rules);
    }

    /** Trusted: for what only --trust-rules lets through (a verdict built by hand, an unknown metadata key). */
    private RuleLint.Result check(boolean trusted, String... rules) throws IOException {
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"));
        Files.writeString(dir.resolve("t.drl"), HEAD + String.join("", rules), StandardCharsets.UTF_8);
        return RuleLint.check(dir, trusted);
    }

    private static List<RuleLint.Finding> of(RuleLint.Result r, String kind) {
        assertThat(r.errors()).as("compile errors").isEmpty();
        return r.findings().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    @Test void aCleanRuleHasNoFinding() throws IOException {
        RuleLint.Result r = check(GOOD);
        assertThat(r.errors()).isEmpty();
        assertThat(r.findings()).isEmpty();
        assertThat(r.indicators()).isEqualTo(1);
    }

    @Test void unknownMetricNameIsNamedWithItsLineAndTheNearestKnownNames() throws IOException {
        RuleLint.Result r = check(rule("T-01", meta("T-01", "县", "threshold", ">= 50%"),
                "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, share(\"公办园在园幼儿\", \"在园幼儿数\")));"));
        List<RuleLint.Finding> f = of(r, RuleLint.METRIC);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).file()).endsWith("t.drl");
        assertThat(f.get(0).line()).isEqualTo(15);
        assertThat(f.get(0).message()).contains("“公办园在园幼儿”不在指标字典").contains("最接近的是：公办园在园幼儿数");
    }

    @Test void metricsInsideChildrenAndCountsAndAliasesAreChecked() throws IOException {
        RuleLint.Result r = check(rule("T-02", meta("T-02", "县", "share-of-children", ">= 60%"),
                "$e : Entity(level == \"县\")", "insert(shareOfChildren(kcontext, $e, schools(), meets(value(\"平安校园X\"), \"= 是\")));"),
                rule("T-03", meta("T-03", "县", "zero", "= 0"),
                        "$e : Entity(level == \"县\")", "insert(zero(kcontext, $e, countOf(\"班级\", \"班额\", \">= 66\")));"),
                rule("T-04", meta("T-04", "县", "threshold", ">= 1"),
                        "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, value(\"常住人口数\")));"));
        List<RuleLint.Finding> f = of(r, RuleLint.METRIC);
        assertThat(f).extracting(RuleLint.Finding::message).anySatisfy(m -> assertThat(m).contains("“平安校园X”").contains("平安校园"))
                .anySatisfy(m -> assertThat(m).contains("“常住人口数”是指标字典中“常住人口”的别名"));
        assertThat(f).hasSize(2); // 班额 and the condition ">= 66" are not reported
    }

    @Test void duplicateIdForTheSameLevelIsReportedButARollUpIsNot() throws IOException {
        String copy = rule("T-01", meta("T-01", "县", "threshold", ">= 60%"),
                "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, share(\"公办园在园幼儿数\", \"在园幼儿数\")));");
        List<RuleLint.Finding> f = of(check(GOOD, copy.replace("T-01 测试", "T-01 复制")), RuleLint.DUPLICATE);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).line()).isEqualTo(19);
        assertThat(f.get(0).message()).contains("“T-01”已由").contains("都适用于县");
    }

    @Test void rollUpSharingTheIdIsAnIntendedPair() throws IOException {
        String school = rule("T-05", meta("T-05", "学校,县", "threshold", ">= 1"),
                "$e : Entity(level == \"学校\")", "insert(threshold(kcontext, $e, value(\"常住人口\")));");
        String rollUp = "rule \"T-05 县汇总\"\n    @id(\"T-05\") @level(\"县\")\n    salience -10\nwhen\n"
                + "    $e : Entity(level == \"县\")\n    $s : List() from collect(Verdict(indicator == \"T-05\", parentCode == $e.code))\n"
                + "then\n    insert(rollUp(kcontext, $e, $s));\nend\n";
        RuleLint.Result r = check(school, rollUp);
        assertThat(r.findings()).isEmpty();
    }

    @Test void malformedMetadataIsReported() throws IOException {
        String bad = "rule \"X-9 错\"\n    @id(\"t_9\") @name(\"测试\") @level(\"区县\") @pattern(\"thresold\")\n"
                + "    @bound(\">= 1\") @source(\"测试文件\") @sorce(\"x\")\nwhen\n    $e : Entity(level == \"县\")\nthen\n"
                + "    insert(threshold(kcontext, $e, value(\"常住人口\")));\nend\n";
        List<String> m = of(check(true, bad), RuleLint.METADATA).stream().map(RuleLint.Finding::message).toList();
        assertThat(m).anySatisfy(s -> assertThat(s).contains("编号“t_9”格式不对"))
                .anySatisfy(s -> assertThat(s).contains("应以指标编号“t_9”开头"))
                .anySatisfy(s -> assertThat(s).contains("适用层级“区县”无法识别"))
                .anySatisfy(s -> assertThat(s).contains("不是十种类型之一").contains("threshold"))
                .anySatisfy(s -> assertThat(s).contains("@sorce 无人读取").contains("source"))
                // the rule fires for 县, which its @level does not name
                .anySatisfy(s -> assertThat(s).contains("对县给出了结论，但 @level 中没有写“县”"));
    }

    @Test void patternThatDisagreesWithTheHelperAndARuleWithoutIdAreReported() throws IOException {
        String wrongPattern = rule("T-06", meta("T-06", "县", "zero", ">= 1"),
                "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, value(\"常住人口\")));");
        String noId = "rule \"helper\"\nwhen\n    $e : Entity(level == \"县\")\nthen\nend\n";
        List<String> m = of(check(wrongPattern, noId), RuleLint.METADATA).stream().map(RuleLint.Finding::message).toList();
        assertThat(m).anySatisfy(s -> assertThat(s).contains("类型是 zero，但结论由 threshold"))
                .anySatisfy(s -> assertThat(s).contains("规则“helper”没有 @id"));
    }

    @Test void ruleMatchingMetricFactsIsSilentWhenTheMetricIsAbsent() throws IOException {
        String silent = rule("T-07", meta("T-07", "县", "threshold", ">= 1"),
                "$e : Entity(level == \"县\")\n    Metric(entityCode == $e.code, key == \"常住人口\")",
                "insert(threshold(kcontext, $e, value(\"常住人口\")));");
        List<RuleLint.Finding> f = of(check(GOOD, silent), RuleLint.SILENT);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("规则“T-07 测试”对没有数据的县没有给出任何结论").contains("匹配了 Metric 事实");
    }

    @Test void handBuiltVerdictPassesOnNoData() throws IOException {
        String byHand = rule("T-08", meta("T-08", "县", "threshold", ">= 1"), "$e : Entity(level == \"县\")",
                "insert(Verdict.builder(\"T-08\", $e, 2024).name(\"x\").status(Status.PASS).message(\"好\").build());");
        List<RuleLint.Finding> f = of(check(true, byHand), RuleLint.SILENT);
        assertThat(f).extracting(RuleLint.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("给出了“达标”").contains("默默通过").contains("手工构造"));
    }

    @Test void ruleGivingTwoVerdictsForOneEntityIsReported() throws IOException {
        String twice = rule("T-09", meta("T-09", "县", "threshold", ">= 1"), "$e : Entity(level == \"县\")\n    $s : String() from stages()",
                "insert(threshold(kcontext, $e, value(\"常住人口\")));");
        List<RuleLint.Finding> f = of(check(twice), RuleLint.SILENT);
        assertThat(f).extracting(RuleLint.Finding::message).anySatisfy(m -> assertThat(m).contains("给出了 2 个结论"));
    }

    @Test void parameterWithoutDefaultOrValueIsReportedAndOneSetInParamsCsvIsNot() throws IOException {
        String noDefault = rule("T-10", meta("T-10", "县", "threshold", ">= {T-10目标}%"),
                "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, share(\"公办园在园幼儿数\", \"在园幼儿数\")));");
        List<RuleLint.Finding> f = of(check(noDefault), RuleLint.PARAMETER);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).line()).isEqualTo(11);
        assertThat(f.get(0).message()).contains("参数“T-10目标”没有默认值");

        Files.writeString(dir.resolve("params.csv"), "参数名称,参数值,说明\nT-10目标,55,\n", StandardCharsets.UTF_8);
        assertThat(of(RuleLint.check(dir, false), RuleLint.PARAMETER)).isEmpty();
    }

    @Test void parameterSetButReadByNoRuleIsReportedWithTheNearestName() throws IOException {
        Files.writeString(dir.resolve("params.csv"), "参数名称,参数值,说明\nT-01目标数,55,\n", StandardCharsets.UTF_8);
        String withParam = rule("T-11", meta("T-11", "县", "threshold", ">= {T-11目标数|50}%"),
                "$e : Entity(level == \"县\")", "insert(threshold(kcontext, $e, share(\"公办园在园幼儿数\", \"在园幼儿数\")));");
        List<RuleLint.Finding> f = of(check(withParam), RuleLint.PARAMETER);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).file()).endsWith("params.csv");
        assertThat(f.get(0).line()).isEqualTo(2);
        assertThat(f.get(0).message()).contains("“T-01目标数”已设置，但没有规则使用它").contains("T-11目标数");
    }

    @Test void compileErrorsAreExplainedInChineseWithTheOriginalKept() throws IOException {
        RuleLint.Result r = check(rule("T-12", meta("T-12", "县", "threshold", ">= 1"), "$e : Entity(level == \"县\", leve == \"县\")",
                "insert(threshold(kcontext, $e, valu(\"常住人口\")));"));
        assertThat(r.compiled()).isFalse();
        assertThat(r.errors()).extracting(RuleMessage::toString)
                .anySatisfy(m -> assertThat(m).contains("t.drl:13:").contains("Entity 没有字段“leve”").contains("level").contains("原文："))
                .anySatisfy(m -> assertThat(m).contains("t.drl:15:").contains("不存在的函数“valu”").contains("value").contains("原文："));
    }

    @Test void aMisspeltFunctionIsMatchedAgainstEveryFunctionOfTheFacade() {
        // read from Patterns by reflection: functions added after the first hand-kept list are suggested too
        assertThat(DroolsMessages.FUNCTIONS).contains("phaseOut", "everyClass", "shareOfClasses", "wholeSchool", "stockTask", "insert")
                .doesNotContain("weightedCv", "ctx");
        RuleMessage m = DroolsMessages.explain(new RuleMessage("t.drl", 3, 1, "The method phaseOt(RuleContext, Entity, Expr) is undefined"));
        assertThat(m.message()).contains("不存在的函数“phaseOt”").contains("phaseOut");
    }

    @Test void theShippedRulesHaveNoFinding() {
        RuleLint.Result r = RuleLint.check(Path.of("rules"), false);
        assertThat(r.errors()).isEmpty();
        assertThat(r.findings()).isEmpty();
        assertThat(r.indicators()).isEqualTo(123);
    }
}
