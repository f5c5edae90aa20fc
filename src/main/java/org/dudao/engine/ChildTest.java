package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What a child must meet for share-of-children: {@code meets(value("平安校园"), "= 是")}, {@code oneOf(...)}. */
public interface ChildTest {
    /** TRUE/FALSE, or null when the child lacks the value; the metrics looked at go to {@code evidence}. */
    Boolean test(Facts facts, Entity child, int year, List<Metric> evidence);

    String describe();

    /** As {@link #test}, with the run's parameters ({@link #meets} with a bound that is a parameter). */
    default Boolean test(Facts facts, Entity child, int year, List<Metric> evidence, Function<String, Param> params) {
        return test(facts, child, year, evidence);
    }

    default String describe(Function<String, Param> params) { return describe(); }

    /**
     * A child's value against a bound: {@code meets(value("平安校园"), "= 是")}; the bound may be a parameter
     * ({@code ">= {PRE-8户外场地|4} 平方米"}), taken from the workbook's 参数 sheet or rules/params.csv, else its default.
     */
    static ChildTest meets(Expr x, String bound) {
        Bound b = Bound.parse(bound);
        return new ChildTest() {
            public Boolean test(Facts facts, Entity child, int year, List<Metric> evidence) {
                return test(facts, child, year, evidence, name -> null);
            }

            public Boolean test(Facts facts, Entity child, int year, List<Metric> evidence, Function<String, Param> params) {
                Value v = x.eval(facts, child, year);
                evidence.addAll(v.evidence());
                BigDecimal limit = limit(params);
                if (!v.present() || limit == null) return null;
                return b.op().test(v.number(), limit);
            }

            private BigDecimal limit(Function<String, Param> params) {
                Param p = b.param() == null ? null : params.apply(b.param());
                return p != null && p.getValue() != null ? p.getValue() : b.number();
            }

            public String describe() { return describe(name -> null); }

            /** In words, the parameter's value used: 平安校园为“是”, 幼儿园户外活动场地面积 / 在园幼儿数不低于 4 平方米. */
            public String describe(Function<String, Param> params) {
                String name = x.name() != null ? x.name() : x.describe();
                if (b.isYesNo() && b.param() == null) return name + StandardWords.words(b, null, null, null);
                BigDecimal n = limit(params);
                return name + StandardWords.words(b, null, n == null ? null : n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros(), b.unit());
            }
        };
    }

    /** A category metric that is one of the values given: {@code oneOf("清廉学校等级", "引领型", "规范型")}. */
    static ChildTest oneOf(String metric, String... values) {
        Set<String> ok = new LinkedHashSet<>(List.of(values));
        return new ChildTest() {
            public Boolean test(Facts facts, Entity child, int year, List<Metric> evidence) {
                Metric m = facts.metric(child.getCode(), metric, year);
                if (m == null || m.getText() == null || m.getText().isBlank()) return null;
                evidence.add(m);
                return ok.contains(m.getText().strip());
            }

            public String describe() { return metric + "为" + String.join("或", ok); }
        };
    }
}
