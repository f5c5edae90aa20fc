package org.dudao.history;

import org.dudao.model.Status;

import java.math.BigDecimal;

/** A verdict as the history holds it: enough to compare runs and draw trends, not the evidence (that is in the report). */
public record StoredVerdict(long runId, String indicator, String name, String level, String entityCode, String entityName,
                            String part, String parentCode, int year, Status status, BigDecimal observed, String observedText,
                            String bound, String message) {
    /**
     * What identifies "the same finding" across runs: the indicator, the entity and the part (a county's
     * 小学 and 初中 balance coefficients are two findings). Runs recorded before parts were kept have none.
     */
    public String key() { return indicator + "\u0000" + entityCode + "\u0000" + (part == null ? "" : part); }

    /** The entity's name with the part: 一县（小学）, as {@link org.dudao.model.Verdict#getSubject()}. */
    public String subject() {
        String n = entityName == null ? entityCode : entityName;
        return part == null ? n : n + "（" + part + "）";
    }
}
