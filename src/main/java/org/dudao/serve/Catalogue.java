package org.dudao.serve;

import org.dudao.api.Rules;
import org.dudao.model.Indicator;

import java.util.List;

/**
 * The indicator catalogue as the console shows it: each indicator's catalogue entry (standard,
 * source, pattern, rule file) with the parameters its bound reads, their defaults and the value
 * {@code params.csv} sets; and the rule folder with its hash.
 */
public record Catalogue(String rulesDir, String rulesSha256, List<Entry> indicators) {
    public record Entry(Indicator indicator, List<Rules.Parameter> parameters) {}

    public static Catalogue of(Rules rules) {
        List<Entry> entries = rules.catalogue().stream().map(i -> new Entry(i, rules.parameters(i.id()))).toList();
        return new Catalogue(rules.location().folder().toString(), rules.sha256(), entries);
    }
}
