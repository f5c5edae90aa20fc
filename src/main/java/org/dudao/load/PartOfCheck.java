package org.dudao.load;

import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.model.Origin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sub-population ≤ population, as the dictionary's 所属指标 column says: 公办园在园幼儿数 250 of 在园幼儿数 100
 * is no 250% share but a typing error in one of the two cells. Such a pair is an error on both cells and
 * neither value is used, so an indicator built on them answers 数据不足 rather than a share above 100%.
 */
final class PartOfCheck {
    private PartOfCheck() {}

    /** A part and the whole it exceeds, for one unit and year. */
    private record Over(DatasetBuilder.Held held, Metric part, Metric whole) {}

    /** Every 所属指标 must be a numeric metric of the dictionary, other than the metric itself. */
    static void validate(List<MetricDictionary.Def> defs, Path csv, Map<String, Long> lines) throws MetricDictionary.DictionaryException {
        Map<String, MetricDictionary.Def> byName = new HashMap<>();
        for (MetricDictionary.Def d : defs) byName.put(Text.normalize(d.name()), d);
        for (MetricDictionary.Def d : defs) {
            for (String w : d.partOf()) {
                MetricDictionary.Def whole = byName.get(Text.normalize(w));
                String why = whole == null ? "不是指标字典中的指标名称"
                        : whole == d ? "就是本指标自己"
                        : whole.type() != MetricType.NUMBER || d.type() != MetricType.NUMBER ? "与本指标不都是数值类指标"
                        : !Objects.equals(whole.unit(), d.unit()) ? "的单位“" + whole.unit() + "”与本指标的“" + d.unit() + "”不同" : null;
                if (why != null) {
                    throw new MetricDictionary.DictionaryException(csv + ":" + lines.get(d.name()) + ": “" + d.name() + "”的所属指标“" + w + "”" + why);
                }
            }
        }
    }

    /** Reports and sets aside every part that exceeds its whole. */
    static void apply(DatasetBuilder data, Map<String, List<String>> wholesOf) {
        List<Over> over = new ArrayList<>();
        for (int i = 0, n = data.slotCount(); i < n; i++) {
            Metric part = data.metricAt(i);
            if (part == null || part.getValue() == null) continue;
            List<String> wholes = wholesOf.get(part.getKey());
            if (wholes == null) continue;
            DatasetBuilder.Held held = data.held().get(part.getEntityCode());
            if (held == null || held.entity() == null) continue;
            for (String w : wholes) {
                Metric whole = data.metric(held, part.getYear(), w);
                if (whole != null && whole.getValue() != null && Objects.equals(part.getUnit(), whole.getUnit())
                        && part.getValue().compareTo(whole.getValue()) > 0) {
                    over.add(new Over(held, part, whole));
                }
            }
        }
        for (Over o : over) {
            String what = o.part.getEntityCode() + " " + o.part.getYear() + "年“" + o.part.getKey() + "”" + o.part.display() + "（"
                    + o.part.getOrigin() + "）大于“" + o.whole.getKey() + "”" + o.whole.display() + "（" + o.whole.getOrigin()
                    + "），而前者是后者的一部分：两者均不采用，请核实";
            problem(data, o.part.getOrigin(), what);
            problem(data, o.whole.getOrigin(), what);
        }
        // set aside only now: a whole two parts exceed is reported for both
        for (Over o : over) {
            data.dropMetric(o.held, o.part.getYear(), o.part.getKey());
            data.dropMetric(o.held, o.whole.getYear(), o.whole.getKey());
        }
    }

    private static void problem(DatasetBuilder data, Origin o, String message) {
        data.problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), message);
    }
}
