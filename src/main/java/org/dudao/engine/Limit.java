package org.dudao.engine;

import org.dudao.model.Metric;
import org.dudao.model.MissingValue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bound resolved for one evaluation: the number compared with (null when it could not be had), the
 * standard in words ({@code text}: 不低于 85%), the number as a finding names it ({@code shown}: 85%,
 * 1:15, 公务员平均工资收入 100000 元), the cells it came from, and what is missing for it.
 */
record Limit(BigDecimal number, String text, String shown, List<Metric> evidence, List<String> missing, List<MissingValue> gaps) {}
