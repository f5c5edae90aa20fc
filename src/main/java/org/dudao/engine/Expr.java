package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Origin;
import org.dudao.model.Status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A value a rule checks, built from metric names: {@code value("常住人口")},
 * {@code share("公办园在园幼儿数", "在园幼儿数")}. Evaluated per entity and year, it carries its
 * evidence along, and says what is missing instead of guessing.
 */
public interface Expr {
    Value eval(Facts facts, Entity entity, int year);

    /** The formula in words, without numbers: {@code 公办园在园幼儿数 / 在园幼儿数}. */
    String describe();

    /**
     * What the value is called in a finding (一般公共预算教育支出, 生均教学及辅助用房面积, 教育财政拨款增长率), or null when
     * only the indicator's name can say it (a share of two figures, a sum).
     */
    default String name() { return null; }

    /** This value times a factor, in a new unit: {@code ratio(...).times(10000, "元")}. */
    default Expr times(String factor, String unit) {
        Expr inner = this;
        BigDecimal f = new BigDecimal(factor);
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Value v = inner.eval(facts, entity, year);
                if (!v.present()) return v;
                return v.in(v.number().multiply(f, MathContext.DECIMAL128), unit);
            }

            public String describe() { return inner.describe(); }

            public String name() { return inner.name(); }
        };
    }

    /**
     * This value under the name a finding gives it, where the indicator's name does not name a quantity
     * (公办园非在编教师平均工资不低于在编教师的75%): {@code share(...).called("……工资与在编教师工资之比")}.
     */
    default Expr called(String name) {
        Expr inner = this;
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) { return inner.eval(facts, entity, year); }

            public String describe() { return inner.describe(); }

            public String name() { return name; }
        };
    }

    // ---- the building blocks --------------------------------------------------------------

    /** How a formula shows a value not reported: 学前三年毛入园率（缺）；标准：不低于 90%. */
    static final String MISSING = "（缺）";

    /** A metric of the entity in the year. */
    static Expr value(String metric) {
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Metric m = facts.metric(entity.getCode(), metric, year);
                String sheet = MissingValue.sheetOf(entity.getKind());
                if (m == null) {
                    // in the unit its other values have, so that the standard is said as for them (不低于 1:15, 5 人及以上)
                    return Value.missing(metric + MISSING, List.of(), List.of(year + "年“" + metric + "”"),
                            List.of(new MissingValue(entity.getCode(), sheet, metric, year, List.of(), ""))).in(null, facts.unitOf(metric));
                }
                if (m.getValue() == null) {
                    String note = "“" + m.getText() + "”不是数值";
                    return Value.missing(metric + " " + m.display(), List.of(m), List.of(year + "年“" + metric + "”（" + note + "）"),
                            List.of(new MissingValue(entity.getCode(), sheet, metric, year, List.of(), note)));
                }
                return Value.of(m.getValue(), m.getUnit(), metric + " " + m.display(), List.of(m));
            }

            public String describe() { return metric; }

            public String name() { return metric; }
        };
    }

    /** numerator / denominator, as a percentage. */
    static Expr share(String numerator, String denominator) {
        return divide(value(numerator), value(denominator), true);
    }

    /** numerator / denominator, in the numerator's unit per the denominator's. */
    static Expr ratio(String numerator, String denominator) {
        return divide(value(numerator), value(denominator), false);
    }

    /** numerator / denominator as a percentage, of two expressions: {@code shareOf(sum("a", "b"), value("c"))}. */
    static Expr shareOf(Expr numerator, Expr denominator) {
        return divide(numerator, denominator, true);
    }

    /** numerator / denominator of two expressions. */
    static Expr ratioOf(Expr numerator, Expr denominator) {
        return divide(numerator, denominator, false);
    }

    /** Growth on last year, in %: (value(y) − value(y−1)) / value(y−1) × 100%. */
    static Expr growth(String metric) {
        Expr v = value(metric);
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Value now = v.eval(facts, entity, year);
                Value before = v.eval(facts, entity, year - 1);
                List<Metric> evidence = Value.concat(now.evidence(), before.evidence());
                String shown = "(" + year + "年 " + now.shown() + " − " + (year - 1) + "年 " + before.shown() + ") / " + (year - 1) + "年";
                if (!now.present() || !before.present()) {
                    return Value.missing(shown, evidence, Value.concatAll(now.missing(), before.missing()), Value.concatAll(now.gaps(), before.gaps()));
                }
                if (before.number().signum() == 0) {
                    return Value.missing(shown, evidence, List.of((year - 1) + "年“" + metric + "”为 0，无法计算增长率"));
                }
                BigDecimal g = now.number().subtract(before.number()).movePointRight(2).divide(before.number(), MathContext.DECIMAL128);
                return Value.quotient(g, "%", shown, evidence);
            }

            public String describe() { return metric + "增长率"; }

            public String name() { return metric + "增长率"; }
        };
    }

    /**
     * The largest value of a metric among the entity's descendants at a level (the largest class of a
     * school), naming that descendant; missing when any descendant lacks the value.
     */
    static Expr maxOf(String level, String metric) {
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                List<Entity> all = facts.descendants(entity, level);
                Metric max = null;
                Entity maxOf = null;
                List<String> lacking = new ArrayList<>();
                for (Entity c : all) {
                    Metric m = facts.metric(c.getCode(), metric, year);
                    if (m == null || m.getValue() == null) {
                        if (facts.hasYear(c.getCode(), year)) lacking.add(describeChild(facts, c));
                        continue;
                    }
                    if (max == null || m.getValue().compareTo(max.getValue()) > 0) { max = m; maxOf = c; }
                }
                String sheet = sheetOfLevel(level);
                if (max == null && lacking.isEmpty()) {
                    return Value.missing("最大" + metric + MISSING, List.of(), List.of(year + "年的" + level + "数据（“" + metric + "”）"),
                            List.of(new MissingValue(entity.getCode(), sheet, metric, year, List.of(), "")));
                }
                if (!lacking.isEmpty()) {
                    return Value.missing("最大" + metric + MISSING, max == null ? List.of() : List.of(max),
                            List.of(year + "年“" + metric + "”：" + abbreviate(lacking)),
                            List.of(new MissingValue(entity.getCode(), sheet, metric, year, List.of(), abbreviate(lacking))));
                }
                return Value.of(max.getValue(), max.getUnit(), "最大" + metric + " " + max.display() + "（" + describeChild(facts, maxOf) + "）", List.of(max));
            }

            public String describe() { return "最大" + metric; }
        };
    }

    /** The sum of several metrics; missing if any is missing. */
    static Expr sum(String... metrics) {
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                BigDecimal total = BigDecimal.ZERO;
                List<Metric> evidence = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                List<MissingValue> gaps = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                String unit = null;
                for (String m : metrics) {
                    Value v = value(m).eval(facts, entity, year);
                    evidence.addAll(v.evidence());
                    missing.addAll(v.missing());
                    gaps.addAll(v.gaps());
                    shown.add(v.shown());
                    if (v.present()) { total = total.add(v.number()); unit = v.unit(); }
                }
                String s = String.join(" + ", shown);
                return missing.isEmpty() ? Value.derived(total, unit, s, evidence) : Value.missing(s, evidence, missing, gaps);
            }

            public String describe() { return String.join(" + ", metrics); }
        };
    }

    /** The first of the given expressions that has all it needs (a figure supplied directly, else computed). */
    static Expr firstOf(Expr... choices) {
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Value first = null;
                StringBuilder missing = new StringBuilder();
                List<String> instead = new ArrayList<>();
                for (Expr c : choices) {
                    Value v = c.eval(facts, entity, year);
                    if (v.present()) return v;
                    if (first == null) {
                        first = v;
                        missing.append(String.join("、", v.missing()));
                    } else {
                        List<String> cols = new ArrayList<>(), said = new ArrayList<>();
                        for (MissingValue g : v.gaps()) {
                            if (!cols.contains(g.metric())) cols.add(g.metric());
                            said.add(g.year() + "年“" + g.metric() + "”");
                        }
                        instead.addAll(cols);
                        if (said.isEmpty()) missing.append("（也无法由 ").append(c.describe()).append(" 计算：").append(String.join("、", v.missing())).append("）");
                        else missing.append("（也可填报 ").append(String.join("、", said)).append("，由系统计算）");
                    }
                }
                List<MissingValue> gaps = new ArrayList<>();
                for (MissingValue g : first.gaps()) gaps.add(g.orFrom(instead));
                return Value.missing(first.shown(), first.evidence(), List.of(missing.toString()), gaps);
            }

            public String name() {
                for (Expr c : choices) if (c.name() != null) return c.name();
                return null;
            }

            public String describe() {
                List<String> d = new ArrayList<>();
                for (Expr c : choices) d.add(c.describe());
                return String.join("，或 ", d);
            }
        };
    }

    /**
     * A resource per hundred pupils (每百名学生拥有高于规定学历教师数 4.2 人): the ratio to 在校学生数 × 100, in the resource's
     * own unit (人 of teachers, 间 of rooms), as the standard says it.
     */
    static Expr perHundred(String metric) {
        Expr ratio = ratio(metric, "在校学生数");
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Value v = ratio.eval(facts, entity, year);
                return v.present() ? v.in(v.number().movePointRight(2), numeratorUnit(v.unit())) : v;
            }

            public String describe() { return ratio.describe() + " × 100"; }

            public String name() { return "每百名学生拥有" + metric; }
        };
    }

    /** A resource per pupil (生均教学及辅助用房面积 4.5 平方米): the ratio to 在校学生数, in the resource's unit. */
    static Expr perPupil(String metric) {
        Expr ratio = ratio(metric, "在校学生数");
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Value v = ratio.eval(facts, entity, year);
                return v.present() ? v.in(v.number(), numeratorUnit(v.unit())) : v;
            }

            public String describe() { return ratio.describe(); }

            public String name() { return "生均" + metric; }
        };
    }

    /** 人 of 人/人: the unit of a ratio's numerator. */
    private static String numeratorUnit(String unit) {
        if (unit == null) return null;
        int at = unit.indexOf('/');
        return at < 0 ? unit : unit.substring(0, at);
    }

    private static Expr divide(Expr num, Expr den, boolean percent) {
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                Value n = num.eval(facts, entity, year);
                Value d = den.eval(facts, entity, year);
                List<Metric> evidence = Value.concat(n.evidence(), d.evidence());
                String shown = grouped(n.shown()) + " / " + grouped(d.shown());
                String unit = percent ? "%" : unitPer(n.unit(), d.unit());
                if (!n.present() || !d.present()) {
                    // the unit said only when both sides' are known (a value not reported has its metric's unit, if any was read)
                    return Value.missing(shown, evidence, Value.concatAll(n.missing(), d.missing()), Value.concatAll(n.gaps(), d.gaps()))
                            .in(null, percent || n.unit() != null && d.unit() != null ? unit : null);
                }
                if (d.number().signum() == 0) {
                    return Value.missing(shown, evidence, List.of(year + "年“" + den.describe() + "”为 0，无法计算比值"));
                }
                BigDecimal top = percent ? n.number().movePointRight(2) : n.number();
                BigDecimal q = top.divide(d.number(), MathContext.DECIMAL128);
                return Value.quotient(q, unit, shown, evidence);
            }

            public String describe() { return grouped(num.describe()) + " / " + grouped(den.describe()) + (percent ? " × 100%" : ""); }
        };
    }

    /** A sum or difference in parentheses, as a side of a quotient: (一级园在园幼儿数 + 二级园在园幼儿数) / 在园幼儿数. */
    private static String grouped(String side) {
        return side.contains(" + ") || side.contains(" − ") ? "(" + side + ")" : side;
    }

    private static String unitPer(String a, String b) {
        if (a == null || a.isEmpty()) return "";
        return b == null || b.isEmpty() ? a : a + "/" + b;
    }

    /**
     * How many of the entity's descendants at a level have a metric meeting a condition, e.g. classes
     * with 班额 ≥ 56. The ones counted are the evidence and are named in the verdict. Descendants
     * lacking the metric make the count uncertain: missing, unless some already count.
     */
    static Expr countOf(String level, String metric, String condition) {
        Bound cond = Bound.parse(condition);
        return new Expr() {
            public Value eval(Facts facts, Entity entity, int year) {
                List<Entity> all = entity.getLevel().equals(level) ? List.of(entity) : facts.descendants(entity, level);
                int count = 0;
                int seen = 0;
                List<Metric> evidence = new ArrayList<>();
                List<String> lacking = new ArrayList<>();
                List<ChildFinding> found = new ArrayList<>();
                for (Entity c : all) {
                    Metric m = facts.metric(c.getCode(), metric, year);
                    if (m == null || m.getValue() == null) {
                        if (facts.hasYear(c.getCode(), year)) lacking.add(describeChild(facts, c));
                        continue;
                    }
                    seen++;
                    if (cond.op().test(m.getValue(), cond.number())) {
                        count++;
                        evidence.add(m);
                        found.add(new ChildFinding(c.getCode(), describeChild(facts, c), Status.FAIL,
                                metric + " " + m.display(), List.of(m.getOrigin())));
                    }
                }
                String shown = Messages.condition(metric, cond) + "的" + level + " " + count + " 个";
                String sheet = sheetOfLevel(level);
                if (seen == 0 && lacking.isEmpty()) {
                    return Value.missing(shown, evidence, List.of(year + "年的" + level + "数据（“" + metric + "”）"),
                            List.of(new MissingValue(entity.getCode(), sheet, metric, year, List.of(), "")));
                }
                if (!lacking.isEmpty() && count == 0) {
                    return Value.missing(shown, evidence, List.of(year + "年“" + metric + "”：" + abbreviate(lacking)),
                            List.of(new MissingValue(entity.getCode(), sheet, metric, year, List.of(), abbreviate(lacking))));
                }
                return new Value(BigDecimal.valueOf(count), "个", shown, evidence, List.of(), found, false);
            }

            public String describe() { return Messages.condition(metric, cond) + "的" + level + "数"; }
        };
    }

    /**
     * How many of the selected classes (class-list classes and size bands alike) meet a condition on their
     * size: {@code countOf(compulsoryClasses(), "班额", ">= 56")}. See {@link ClassSizes.Count}.
     */
    static Expr countOf(Children classes, String metric, String condition) {
        return new ClassSizes.Count(classes, metric, Bound.parse(condition));
    }

    /**
     * A child's name with its parent for context, written together as a Chinese address is (甲市二县, 城关小学三年级2班),
     * unless its own name already says it (二县城关小学); a province is named alone, as no address begins with 全国.
     */
    static String describeChild(Facts facts, Entity c) {
        Entity parent = c.getParentCode() == null ? null : facts.entity(c.getParentCode());
        if (parent == null || parent.getKind() == EntityKind.NATION || c.displayName().startsWith(parent.displayName())) return c.displayName();
        return parent.displayName() + c.displayName();
    }

    /** The sheet a child at a level (县, 学校, 班级) has its row in. */
    private static String sheetOfLevel(String level) {
        return level.equals("班级") ? MissingValue.CLASS_SHEET : level.equals("学校") ? MissingValue.SCHOOL_SHEET : MissingValue.REGION_SHEET;
    }

    static String abbreviate(List<String> names) { return abbreviate(names, "个"); }

    /** The first five names, then “等 N 所” in the measure of what they name. */
    static String abbreviate(List<String> names, String measure) { return abbreviate(names, names.size(), measure); }

    /** As {@link #abbreviate(List, String)}, of {@code total} names of which {@code names} are the first. */
    static String abbreviate(List<String> names, int total, String measure) {
        if (total <= 5 && names.size() == total) return String.join("、", names);
        return String.join("、", names.subList(0, Math.min(5, names.size()))) + " 等 " + total + " " + measure;
    }

    /** An origin list for a child finding. */
    static List<Origin> origins(List<Metric> ms) {
        List<Origin> o = new ArrayList<>(ms.size());
        for (Metric m : ms) o.add(m.getOrigin());
        return o;
    }
}
