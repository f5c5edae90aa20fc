package org.dudao.ruletest;

import org.dudao.engine.Evaluation;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.engine.Waivers;
import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code dudao rules test}: evaluates every fixture workbook under {@code rules/tests/} against the
 * compiled rules and compares the verdicts with what the fixture expects (see {@link ExpectationReader}),
 * then measures how much of the catalogue the expectations exercise ({@link Coverage}).
 */
public final class RuleTests {
    /** The fixture folder inside the rules folder. */
    public static final String DIR = "tests";

    private RuleTests() {}

    /** An expectation that did not hold: what was expected, and the verdicts found instead (none: the rule said nothing). */
    public record Mismatch(Expectation expected, List<Verdict> actual, String reason) {}

    /**
     * One fixture: its expectations, those that held and those that did not, the years evaluated, the
     * load errors of its data (worth reading when something does not match); {@code unreadable} is
     * set, and nothing else, when the fixture could not be used at all.
     */
    public record FixtureResult(Path file, List<Expectation> expectations, List<Expectation> passed, List<Mismatch> mismatches,
                                List<Integer> years, List<String> dataErrors, String unreadable) {
        static FixtureResult unreadable(Path file, String why) {
            return new FixtureResult(file, List.of(), List.of(), List.of(), List.of(), List.of(), why);
        }
    }

    /** Every fixture's result and the coverage of the catalogue. */
    public record Result(List<FixtureResult> fixtures, Coverage coverage) {
        public int passed() { return fixtures.stream().mapToInt(f -> f.passed().size()).sum(); }
        public int failed() { return fixtures.stream().mapToInt(f -> f.mismatches().size()).sum(); }
        public boolean anyUnreadable() { return fixtures.stream().anyMatch(f -> f.unreadable() != null); }
    }

    /**
     * Which statuses of each indicator the expectations that held exercise. Required of every
     * indicator: 达标, 不达标 and 数据不足, and 不适用 where the rule is conditional ({@code @pattern("conditional")});
     * see {@link #required} for the reading of the source's words.
     * Coverage is the share of required (indicator, status) pairs exercised.
     */
    public record Coverage(List<Row> rows) {
        /** {@code mentioned}: some fixture expects something of the indicator (whether it held or not). */
        public record Row(Indicator indicator, Set<Status> required, Set<Status> seen, boolean mentioned) {
            public boolean hasFixture() { return mentioned; }
            public Set<Status> missing() {
                Set<Status> m = EnumSet.noneOf(Status.class);
                for (Status s : required) if (!seen.contains(s)) m.add(s);
                return m;
            }
        }

        public int required() { return rows.stream().mapToInt(r -> r.required().size()).sum(); }
        public int exercised() { return rows.stream().mapToInt(r -> r.required().size() - r.missing().size()).sum(); }
        public long withFixture() { return rows.stream().filter(Row::hasFixture).count(); }

        /** Exercised pairs over required pairs, in percent (100 when nothing is required). */
        public BigDecimal percent() {
            if (required() == 0) return BigDecimal.valueOf(100);
            return BigDecimal.valueOf(exercised() * 100L).divide(BigDecimal.valueOf(required()), 1, RoundingMode.DOWN);
        }

        /** True when the exact share (not the rounded one) reaches {@code minPercent}. */
        public boolean reaches(BigDecimal minPercent) {
            return BigDecimal.valueOf(exercised() * 100L).compareTo(minPercent.multiply(BigDecimal.valueOf(required()))) >= 0;
        }
    }

    /**
     * The statuses coverage asks of an indicator: an aim ({@code @soft}) can never be 不达标, so 预警
     * stands in for it; an indicator whose tie is 预警 ({@code @tie}) shows that tie too.
     */
    public static Set<Status> required(Indicator i) {
        Set<Status> s = EnumSet.of(Status.PASS, Status.FAIL, Status.INSUFFICIENT_DATA);
        if ("conditional".equals(i.pattern())) s.add(Status.NOT_APPLICABLE);
        if (i.reading().soft() != null) { // 力争, 鼓励: warns, never fails
            s.remove(Status.FAIL);
            s.add(Status.WARN);
        }
        if (i.reading().tie() == Status.WARN) s.add(Status.WARN);
        return s;
    }

    /** The fixture workbooks under {@code dir} (recursively), in name order; Excel's lock files (~$) left out. */
    public static List<Path> fixtures(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase();
                return (n.endsWith(".xlsx") || n.endsWith(".xls")) && !n.startsWith("~$");
            }).sorted().toList();
        }
    }

    public static Result run(RuleBase rules, List<Path> fixtures, Waivers waivers, LocalDate asOf) {
        List<FixtureResult> results = new ArrayList<>();
        for (Path f : fixtures) results.add(runOne(rules, f, waivers, asOf));
        return new Result(results, coverage(rules, results));
    }

    static FixtureResult runOne(RuleBase rules, Path file, Waivers waivers, LocalDate asOf) {
        List<Expectation> expectations;
        try {
            expectations = ExpectationReader.read(file);
        } catch (ExpectationReader.FixtureException e) {
            return FixtureResult.unreadable(file, e.getMessage());
        }
        WorkbookLoader.Result loaded = new WorkbookLoader(rules.dictionary()).load(List.of(file));
        if (!loaded.unreadable().isEmpty()) {
            WorkbookException e = loaded.unreadable().get(0);
            return FixtureResult.unreadable(file, e.describe());
        }
        Dataset data = loaded.dataset();
        if (data.years().isEmpty()) return FixtureResult.unreadable(file, file + "：没有可评估的数据（未找到带年度的地区表、学校表或班级表）");
        List<String> dataErrors = new ArrayList<>();
        for (LoadProblem p : data.problems()) {
            if (p.severity() == LoadProblem.Severity.ERROR) dataErrors.add(p.toString());
        }
        int latest = Evaluator.latestYear(data);
        Map<Integer, List<Verdict>> byYear = new TreeMap<>();
        List<Expectation> passed = new ArrayList<>();
        List<Mismatch> mismatches = new ArrayList<>();
        for (Expectation e : expectations) {
            int year = e.year() != null ? e.year() : latest;
            if (!data.years().contains(year)) {
                mismatches.add(new Mismatch(e, List.of(), "夹具数据中没有 " + year + " 年（有：" + data.years() + "）"));
                continue;
            }
            List<Verdict> verdicts = byYear.computeIfAbsent(year, y -> {
                Evaluation ev = new Evaluator(rules, 1).evaluate(data, y).withWaivers(waivers, asOf);
                return ev.verdicts();
            });
            List<Verdict> found = verdicts.stream().filter(v -> v.getIndicator().equals(e.indicator()) && v.getEntityCode().equals(e.entity())
                    && (e.part() == null || Objects.equals(e.part(), v.getPart()))).toList();
            boolean known = rules.catalogue().stream().anyMatch(i -> i.id().equals(e.indicator()));
            if (!known) {
                mismatches.add(new Mismatch(e, found, "规则中没有指标“" + e.indicator() + "”（见 dudao rules list）"));
            } else if (found.isEmpty()) {
                mismatches.add(new Mismatch(e, found, "没有结论：该指标对此单位" + (e.part() == null ? "" : "的“" + e.part() + "”部分") + "没有作出结论"));
            } else if (found.stream().allMatch(v -> v.getStatus() == e.status())) {
                passed.add(e);
            } else {
                mismatches.add(new Mismatch(e, found.stream().filter(v -> v.getStatus() != e.status()).toList(), null));
            }
        }
        return new FixtureResult(file, expectations, passed, mismatches, List.copyOf(byYear.keySet()), dataErrors, null);
    }

    static Coverage coverage(RuleBase rules, List<FixtureResult> results) {
        Map<String, Set<Status>> seen = new LinkedHashMap<>();
        Set<String> mentioned = new HashSet<>();
        for (FixtureResult f : results) {
            for (Expectation e : f.expectations()) mentioned.add(e.indicator());
            for (Expectation e : f.passed()) seen.computeIfAbsent(e.indicator(), k -> EnumSet.noneOf(Status.class)).add(e.status());
        }
        List<Coverage.Row> rows = new ArrayList<>();
        for (Indicator i : rules.catalogue()) {
            rows.add(new Coverage.Row(i, required(i), seen.getOrDefault(i.id(), EnumSet.noneOf(Status.class)), mentioned.contains(i.id())));
        }
        return new Coverage(rows);
    }
}
