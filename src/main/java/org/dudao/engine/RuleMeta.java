package org.dudao.engine;

import org.dudao.model.Indicator;

import java.math.BigDecimal;

/**
 * A rule's metadata made ready for evaluation: the catalogue entry, its bound parsed, its warning
 * margin. Built once when the rules compile, so a malformed bound is a compile error, not a
 * surprise in the middle of a run.
 */
public record RuleMeta(Indicator indicator, Bound bound, BigDecimal warnMargin) {}
