package org.dudao.cli;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A run evaluates one year (the latest, or --year); the data may hold others. These say which, and
 * how to look at them, so that another year's data never hides behind a 数据不足.
 */
final class YearHints {
    private static final Pattern QUOTED = Pattern.compile("“([^”]+)”");

    private YearHints() {}

    /** After {@code evaluate}: the other years the data holds and how to evaluate one; empty when it holds one year. */
    static Optional<String> evaluated(int year, Collection<Integer> present) {
        List<Integer> others = present.stream().filter(y -> y != year).sorted((a, b) -> b - a).toList();
        if (others.isEmpty()) return Optional.empty();
        return Optional.of("本次评估的是 " + year + " 年；数据中还有 " + join(others) + " 年。评估其他年度请加 --year（如 --year "
                + others.get(0) + "），并用 --out 另指一个输出目录，以免覆盖本次的报告。");
    }

    /** After {@code explain} --year Y: the year has no data at all. */
    static String noSuchYear(int year, Collection<Integer> present) {
        List<Integer> years = present.stream().sorted((a, b) -> b - a).toList();
        return "数据中没有 " + year + " 年的数据（有：" + join(years) + " 年）。请改用 --year " + years.get(0) + (years.size() > 1 ? " 等" : "") + "。";
    }

    /**
     * After {@code explain}: for 数据不足, the values the entity lacks in the year explained but has in
     * another year; else, when the entity has no row in that year at all, the years it has.
     */
    static Optional<String> explained(Verdict v, Entity e, Dataset data, int year) {
        if (v.getStatus() != Status.INSUFFICIENT_DATA) return Optional.empty();
        Set<String> named = new TreeSet<>();
        for (String missing : v.getMissing()) {
            Matcher m = QUOTED.matcher(missing);
            while (m.find()) named.add(m.group(1));
        }
        Map<String, Set<Integer>> yearsOf = new TreeMap<>();
        for (Metric m : data.metrics()) {
            if (m.getEntityCode().equals(e.getCode()) && named.contains(m.getKey())) {
                yearsOf.computeIfAbsent(m.getKey(), k -> new TreeSet<>()).add(m.getYear());
            }
        }
        List<String> elsewhere = yearsOf.entrySet().stream().filter(en -> !en.getValue().contains(year))
                .map(en -> "“" + en.getKey() + "”在 " + join(en.getValue()) + " 年有数据").toList();
        if (!elsewhere.isEmpty()) {
            int other = yearsOf.values().stream().filter(ys -> !ys.contains(year)).flatMap(Set::stream).max(Integer::compare).orElseThrow();
            return Optional.of("提示：本单位" + String.join("，", elsewhere) + "（本次解释的是 " + year + " 年）。查看该年度请加 --year " + other + "。");
        }
        if (!e.hasYear(year)) {
            List<Integer> has = data.years().stream().filter(e::hasYear).sorted((a, b) -> b - a).toList();
            if (!has.isEmpty()) {
                return Optional.of("提示：本单位在 " + year + " 年没有数据行，在 " + join(has) + " 年有。查看该年度请加 --year " + has.get(0) + "。");
            }
        }
        return Optional.empty();
    }

    private static String join(Collection<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }
}
