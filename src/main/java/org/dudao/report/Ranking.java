package org.dudao.report;

import org.dudao.engine.Bound;
import org.dudao.engine.Fmt;
import org.dudao.engine.Messages;
import org.dudao.model.Indicator;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures ranked as the first screen of report.html shows them: the indicators that failed for
 * most units first, and under each the units that miss their standard by most (relative to the
 * standard: 40% against 50% misses by a fifth). Gathered in the one pass over the verdicts, keeping
 * only the {@link #PER_INDICATOR} worst of each indicator.
 */
final class Ranking {
    static final int PER_INDICATOR = 5;
    /** A number and its unit ({@code 44000 万元}, {@code 45%}, {@code 0.8996}); not a count of units ({@code 1 个学校不达标}). */
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("^[-+]?\\d+(?:\\.\\d+)?\\s*((?:(?!达标|满足|不)[^\\d\\s，。；：（）]){0,8})$");
    private static final Comparator<Entry> WORST_FIRST = Comparator
            .comparing(Entry::relative, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Entry::gap, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Entry::order);

    /** A failure with how far it misses (null where it cannot be measured) and its place in report order. */
    record Entry(Verdict verdict, BigDecimal relative, BigDecimal gap, long order) {}

    /** An indicator's failures: how many units, and the worst few. */
    record Row(Indicator indicator, int units, List<Entry> worst) {}

    private final Map<String, List<Entry>> worst = new HashMap<>();
    private final Map<String, Integer> units = new HashMap<>();
    private final Map<String, String> lastEntity = new HashMap<>();
    private long seen;

    void add(Verdict v) {
        if (!v.isFail()) return;
        String id = v.getIndicator();
        if (!v.getEntityCode().equals(lastEntity.put(id, v.getEntityCode()))) units.merge(id, 1, Integer::sum);
        BigDecimal gap = gap(v);
        BigDecimal relative = gap == null || v.getLimit().signum() == 0 ? null : gap.divide(v.getLimit().abs(), MathContext.DECIMAL64);
        List<Entry> list = worst.computeIfAbsent(id, k -> new ArrayList<>());
        list.add(new Entry(v, relative, gap, seen++));
        list.sort(WORST_FIRST);
        if (list.size() > PER_INDICATOR) list.remove(list.size() - 1);
    }

    /** The failed indicators, most units first, then the worst miss, then catalogue order. */
    List<Row> rows(List<Indicator> catalogue) {
        List<Row> out = new ArrayList<>();
        for (Indicator i : catalogue) {
            if (units.containsKey(i.id())) out.add(new Row(i, units.get(i.id()), List.copyOf(worst.get(i.id()))));
        }
        out.sort(Comparator.comparingInt((Row r) -> -r.units())
                .thenComparing(r -> r.worst().get(0).relative(), Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** Units that failed an indicator (an entity with failures in two parts counts once). */
    int units(String indicator) { return units.getOrDefault(indicator, 0); }

    /** How far the observed value is from the number it was compared with; null when either is missing. */
    static BigDecimal gap(Verdict v) {
        if (v.getObserved() == null || v.getLimit() == null || unit(v) == null) return null;
        return v.getObserved().subtract(v.getLimit()).abs();
    }

    /** The unit of a verdict's observed text ({@code 44000 万元} → 万元; {@code 0.8996} → ""), or null when it is not a number. */
    static String unit(Verdict v) {
        String t = v.getObservedText();
        if (t == null) return null;
        Matcher m = NUMBER_AND_UNIT.matcher(t.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** The miss in words: 差 10 个百分点, 超出 1 个, 比上年减少 1000 万元; empty when it cannot be measured (or is a 是/否). */
    static String gapText(Verdict v, Indicator i) {
        BigDecimal gap = gap(v);
        Bound bound = Standards.parse(i.bound());
        if (gap == null || bound != null && bound.isYesNo()) return "";
        String pattern = i.pattern();
        if (gap.signum() == 0) { // a strict bound (高于 90%, 高于财政经常性收入增长率) missed by being at it
            return bound != null && bound.metric() != null ? "与" + bound.metric() + "持平" : "恰为标准值";
        }
        // the limit of a year-on-year rule is last year's figure: the same words as the finding (比上年下降 5 个百分点)
        if ("no-decrease".equals(pattern) || "no-rebound".equals(pattern)) return Messages.change(v.getObserved().subtract(v.getLimit()), unit(v));
        return (v.getObserved().compareTo(v.getLimit()) < 0 ? "差 " : "超出 ") + Fmt.difference(gap, unit(v));
    }
}
