package org.dudao.engine;

import java.util.Map;

/**
 * What the pattern helpers need besides the rule's own arguments: the indexed facts, the year under
 * evaluation and the metadata of every rule. Passed to each session through its Environment, so
 * rule files declare no globals.
 */
public record SessionContext(Facts facts, int year, Map<String, RuleMeta> rules) {
    public static final String KEY = "dudao.context";
}
