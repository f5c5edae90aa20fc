package org.dudao.engine;

import org.dudao.model.Param;

import java.util.Map;

/**
 * What the pattern helpers need besides the rule's own arguments: the indexed facts, the year under
 * evaluation and the metadata of every rule. Passed to each session through its Environment, so
 * rule files declare no globals. {@code ruleParams} are the parameters of {@code rules/params.csv}.
 */
public record SessionContext(Facts facts, int year, Map<String, RuleMeta> rules, Map<String, Param> ruleParams) {
    public SessionContext(Facts facts, int year, Map<String, RuleMeta> rules) { this(facts, year, rules, Map.of()); }

    public static final String KEY = "dudao.context";
}
