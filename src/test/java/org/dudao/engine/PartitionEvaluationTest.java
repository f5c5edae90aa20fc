package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One partition evaluated from outside the CLI, as a Spark executor would; and when metrics go into sessions. */
class PartitionEvaluationTest {
    @TempDir Path tmp;

    private static Metric metric(String entity, int year, String key, String value) {
        return new Metric(entity, year, key, new BigDecimal(value), null, "万元", new Origin("f.xlsx", "地区", "F2"));
    }

    @Test
    void a_county_partition_is_evaluated_from_facts_a_caller_assembles() {
        Map<String, Entity> entities = new LinkedHashMap<>();
        Entity county = new Entity("330102", "一县", EntityKind.COUNTY, "330100", null, new Origin("f.xlsx", "地区", "A2"));
        entities.put(county.getCode(), county);
        List<Metric> metrics = List.of(metric("330102", 2023, "一般公共预算教育支出", "100"),
                metric("330102", 2024, "一般公共预算教育支出", "99"));
        Facts facts = new Facts(entities, metrics, List.of());
        List<Verdict> verdicts = new Evaluator(Rules.shipped(), 1).evaluate(new Partition("330102", List.of(county)), facts, 2024);
        assertThat(Rules.status(verdicts, "FUND-01", "330102")).isEqualTo(org.dudao.model.Status.FAIL);
        // in catalogue order, one per county indicator
        assertThat(verdicts.get(0).getIndicator()).isEqualTo("FUND-01");
        assertThat(verdicts).extracting(Verdict::getEntityCode).containsOnly("330102");
    }

    @Test
    void the_shipped_rules_match_no_metric_facts_and_a_rule_on_metric_does() throws Exception {
        assertThat(Evaluator.canMatch(Rules.shipped().kieBase(), Metric.class)).isFalse();
        assertThat(Evaluator.canMatch(Rules.shipped().kieBase(), Entity.class)).isTrue();
        Files.copy(Path.of("rules/metrics.csv"), tmp.resolve("metrics.csv"));
        Files.writeString(tmp.resolve("m.drl"), """
                package m;
                import org.dudao.model.Entity;
                import org.dudao.model.Metric;
                import function org.dudao.engine.Patterns.*;

                rule "M-01 有支出数据"
                    @id("M-01") @name("有支出数据") @level("县") @pattern("threshold") @bound(">= 0") @source("test")
                when
                    $e : Entity(level == "县")
                    Metric(entityCode == $e.code, key == "一般公共预算教育支出", year == 2024)
                then
                    insert(threshold(kcontext, $e, value("一般公共预算教育支出")));
                end
                """);
        RuleBase rules = RuleBase.compile(tmp);
        assertThat(Evaluator.canMatch(rules.kieBase(), Metric.class)).isTrue();
        Entity county = new Entity("330102", "一县", EntityKind.COUNTY, null, null, new Origin("f.xlsx", "地区", "A2"));
        Facts facts = new Facts(Map.of(county.getCode(), county), List.of(metric("330102", 2024, "一般公共预算教育支出", "5")), List.of());
        List<Verdict> verdicts = new Evaluator(rules, 1).evaluate(new Partition("330102", List.of(county)), facts, 2024);
        assertThat(verdicts).extracting(Verdict::getIndicator).containsExactly("M-01");
    }
}
