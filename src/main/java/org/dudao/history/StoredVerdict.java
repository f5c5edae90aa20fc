package org.dudao.history;

import org.dudao.model.Status;

import java.math.BigDecimal;

/** A verdict as the history holds it: enough to compare runs and draw trends, not the evidence (that is in the report). */
public record StoredVerdict(long runId, String indicator, String name, String level, String entityCode, String entityName,
                            String parentCode, int year, Status status, BigDecimal observed, String observedText,
                            String bound, String message) {
    /** What identifies "the same finding" across runs: the indicator and the entity. */
    public String key() { return indicator + "\u0000" + entityCode; }
}
