package org.dudao.bench;

import org.dudao.engine.WeightedCv;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * FUND-01, FUND-02 and CLASS-01 written as plain Java loops over a loaded {@link Dataset}, with the
 * same decimal arithmetic and the same missing-data rules as the DRL: the yardstick the Drools
 * evaluation is measured against. Only the statuses are computed (no messages, no evidence), so the
 * ratio is an upper bound on what the rule engine and its verdict-building cost.
 * <p>
 * Also the enrolment-weighted coefficient of variation of the balance indicators (差异系数, see
 * NATIONAL-STANDARDS.md): per county and stage, X̄ = Σ resource / Σ pupils,
 * S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²), CV = S / X̄. The BAL rules are not on this branch yet, so this has no
 * Drools counterpart in the figures.
 */
public final class HandLoop {
    private HandLoop() {}

    static final String SPENDING = "一般公共预算教育支出";
    static final String PER_PUPIL = "生均一般公共预算教育经费";
    static final String PUPILS = "在校学生数";
    static final String CLASS_SIZE = "班额";
    static final BigDecimal BIG_CLASS = BigDecimal.valueOf(56);
    static final List<String> BALANCE = List.of("高于规定学历教师数", "县级及以上骨干教师数", "体育艺术专任教师数",
            "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "网络多媒体教室数");

    /** Status counts per indicator, as {@code Report.counts} gives them for the Drools side. */
    public static Map<String, Map<Status, Integer>> verdicts(Dataset data, int year) {
        Map<String, Map<String, Metric>> metrics = index(data);
        Map<String, List<Entity>> children = new HashMap<>();
        for (Entity e : data.allEntities()) {
            if (e.getParentCode() != null) children.computeIfAbsent(e.getParentCode(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Map<Status, Integer>> counts = new TreeMap<>();
        for (Entity e : data.allEntities()) {
            EntityKind k = e.getKind();
            if (k == EntityKind.COUNTY || k == EntityKind.CITY || k == EntityKind.PROVINCE) {
                count(counts, "FUND-01", noDecrease(value(metrics, e, SPENDING, year), value(metrics, e, SPENDING, year - 1)));
                count(counts, "FUND-02", noDecrease(perPupil(metrics, e, year), perPupil(metrics, e, year - 1)));
            }
            if (k == EntityKind.COUNTY || k == EntityKind.SCHOOL && e.isCompulsory()) {
                count(counts, "CLASS-01", bigClasses(metrics, children, e, year));
            }
        }
        return counts;
    }

    private static Map<String, Map<String, Metric>> index(Dataset data) {
        Map<String, Map<String, Metric>> byEntity = new HashMap<>();
        for (Metric m : data.metrics()) {
            byEntity.computeIfAbsent(m.getEntityCode(), c -> new HashMap<>()).put(m.getYear() + m.getKey(), m);
        }
        return byEntity;
    }

    private static BigDecimal value(Map<String, Map<String, Metric>> metrics, Entity e, String name, int year) {
        Map<String, Metric> m = metrics.get(e.getCode());
        Metric v = m == null ? null : m.get(year + name);
        return v == null ? null : v.getValue();
    }

    /** FUND-02's value: the per-pupil figure if given, else spending (万元) / pupils × 10000. */
    private static BigDecimal perPupil(Map<String, Map<String, Metric>> metrics, Entity e, int year) {
        BigDecimal given = value(metrics, e, PER_PUPIL, year);
        if (given != null) return given;
        BigDecimal spending = value(metrics, e, SPENDING, year);
        BigDecimal pupils = value(metrics, e, PUPILS, year);
        if (spending == null || pupils == null || pupils.signum() == 0) return null;
        return spending.divide(pupils, MathContext.DECIMAL128).multiply(BigDecimal.valueOf(10000), MathContext.DECIMAL128);
    }

    private static Status noDecrease(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) return Status.INSUFFICIENT_DATA;
        return now.compareTo(before) >= 0 ? Status.PASS : Status.FAIL;
    }

    private static Status bigClasses(Map<String, Map<String, Metric>> metrics, Map<String, List<Entity>> children, Entity e, int year) {
        List<Entity> classes = new ArrayList<>();
        collectClasses(children, e, classes, 0);
        int count = 0, seen = 0, lacking = 0;
        for (Entity c : classes) {
            BigDecimal size = value(metrics, c, CLASS_SIZE, year);
            if (size == null) {
                if (c.hasYear(year)) lacking++;
                continue;
            }
            seen++;
            if (size.compareTo(BIG_CLASS) >= 0) count++;
        }
        if (seen == 0 && lacking == 0) return Status.INSUFFICIENT_DATA;
        if (lacking > 0 && count == 0) return Status.INSUFFICIENT_DATA;
        return count == 0 ? Status.PASS : Status.FAIL;
    }

    private static void collectClasses(Map<String, List<Entity>> children, Entity e, List<Entity> out, int depth) {
        if (depth > 8) return;
        for (Entity c : children.getOrDefault(e.getCode(), List.of())) {
            if (c.getKind() == EntityKind.CLASS) out.add(c);
            else collectClasses(children, c, out, depth + 1);
        }
    }

    private static void count(Map<String, Map<Status, Integer>> counts, String indicator, Status s) {
        counts.computeIfAbsent(indicator, k -> new EnumMap<>(Status.class)).merge(s, 1, Integer::sum);
    }

    /** One county's balance for one stage: the largest coefficient of variation over the indicators, and how many schools. */
    public record Balance(String county, String stage, int schools, BigDecimal maxCv) {
        public boolean passes() { return maxCv.compareTo(new BigDecimal("初中".equals(stage) ? "0.45" : "0.50")) <= 0; }
    }

    /**
     * The enrolment-weighted coefficients of variation, per county and stage (小学, 初中), in the same
     * decimal arithmetic as the rules ({@link WeightedCv}): the engine's cost is what differs.
     */
    public static List<Balance> balance(Dataset data, int year) {
        Map<String, Map<String, Metric>> metrics = index(data);
        Map<String, List<Entity>> byCountyStage = new TreeMap<>();
        for (Entity e : data.allEntities()) {
            if (e.getKind() != EntityKind.SCHOOL || e.getStage() == null) continue;
            if (!e.getStage().equals("小学") && !e.getStage().equals("初中")) continue;
            byCountyStage.computeIfAbsent(e.getParentCode() + "|" + e.getStage(), k -> new ArrayList<>()).add(e);
        }
        List<Balance> out = new ArrayList<>();
        for (Map.Entry<String, List<Entity>> g : byCountyStage.entrySet()) {
            List<Entity> schools = g.getValue();
            BigDecimal maxCv = BigDecimal.ZERO;
            for (String indicator : BALANCE) {
                List<BigDecimal[]> rows = new ArrayList<>(schools.size());
                for (Entity s : schools) {
                    BigDecimal pupils = value(metrics, s, PUPILS, year);
                    BigDecimal resource = value(metrics, s, indicator, year);
                    if (pupils == null || resource == null || pupils.signum() == 0) continue;
                    rows.add(new BigDecimal[]{resource, pupils});
                }
                BigDecimal cv = rows.isEmpty() ? null : WeightedCv.of(rows);
                if (cv != null && cv.compareTo(maxCv) > 0) maxCv = cv;
            }
            String[] key = g.getKey().split("\\|");
            out.add(new Balance(key[0], key[1], schools.size(), maxCv));
        }
        return out;
    }
}
