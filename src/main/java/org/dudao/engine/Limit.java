package org.dudao.engine;

import org.dudao.model.Metric;

import java.math.BigDecimal;
import java.util.List;

/** A bound's number resolved for one evaluation, the words for it, the cells it came from, and what is missing for it. */
record Limit(BigDecimal number, String text, List<Metric> evidence, List<String> missing) {}
