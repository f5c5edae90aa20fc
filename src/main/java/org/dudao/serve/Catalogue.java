package org.dudao.serve;

import org.dudao.engine.Bound;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleMeta;
import org.dudao.model.Indicator;
import org.dudao.model.Param;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator catalogue as the console shows it: each indicator's catalogue entry (standard,
 * source, pattern, rule file) with the parameters its bound reads, their defaults and the value
 * {@code params.csv} sets; and the rule folder with its hash.
 */
public record Catalogue(String rulesDir, String rulesSha256, List<Entry> indicators) {
    /** A parameter of a bound: its name, the default the rule writes, and the value params.csv sets (null when none). */
    public record Parameter(String name, String defaultValue, String value, String origin) {}

    public record Entry(Indicator indicator, List<Parameter> parameters) {}

    public static Catalogue of(RuleBase rules) {
        Map<String, List<Parameter>> byIndicator = new LinkedHashMap<>();
        for (RuleMeta m : rules.rules().values()) {
            List<Parameter> ps = byIndicator.computeIfAbsent(m.indicator().id(), k -> new ArrayList<>());
            for (Bound b : parts(m.bound())) {
                if (b.param() == null || ps.stream().anyMatch(p -> p.name().equals(b.param()))) continue;
                Param set = rules.params().get(b.param());
                ps.add(new Parameter(b.param(), plain(b.number()), set == null ? null : set.getText(),
                        set == null ? null : set.getOrigin().getFile() + " " + set.getOrigin().ref()));
            }
        }
        List<Entry> entries = rules.catalogue().stream()
                .map(i -> new Entry(i, byIndicator.getOrDefault(i.id(), List.of()))).toList();
        return new Catalogue(rules.dir().toString(), rules.hash(), entries);
    }

    private static List<Bound> parts(Bound b) {
        if (b == null) return List.of();
        if (b.parts().isEmpty()) return List.of(b);
        return b.parts().stream().map(Bound.Part::bound).toList();
    }

    private static String plain(BigDecimal n) { return n == null ? null : n.toPlainString(); }
}
