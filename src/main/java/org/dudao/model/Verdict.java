package org.dudao.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one indicator concludes for one entity and year, with everything a reader needs to check it:
 * the observed value, the bound, the formula with its numbers, the cells the numbers came from and,
 * for a roll-up, the child entities that did not pass. Rules insert verdicts; Java code does not
 * decide them.
 */
public final class Verdict {
    private final String indicator;
    private final String name;
    private final EntityKind level;
    private final String entityCode;
    private final String entityName;
    private final String parentCode;
    private final int year;
    private final Status status;
    private final BigDecimal observed;
    private final String observedText;
    private final String bound;
    private final String formula;
    private final String message;
    private final String source;
    private final List<Metric> evidence;
    private final List<String> missing;
    private final List<ChildFinding> children;
    private final int childrenCount;
    private final Waiver waiver;
    private final String part;
    private final BigDecimal limit;
    private final List<MissingValue> missingValues;
    private final List<String> parameters;
    private final String boundOrigin;

    public Verdict(Builder b) {
        this.indicator = b.indicator;
        this.name = b.name;
        this.level = b.level;
        this.entityCode = b.entityCode;
        this.entityName = b.entityName;
        this.parentCode = b.parentCode;
        this.year = b.year;
        this.status = b.status;
        this.observed = b.observed;
        this.observedText = b.observedText;
        this.bound = b.bound;
        this.formula = b.formula;
        this.message = b.message;
        this.source = b.source;
        this.evidence = List.copyOf(b.evidence);
        this.missing = List.copyOf(b.missing);
        this.children = List.copyOf(b.children);
        this.childrenCount = Math.max(b.childrenCount, children.size());
        this.part = b.part;
        this.limit = b.limit;
        this.waiver = b.waiver;
        this.missingValues = List.copyOf(b.missingValues);
        this.parameters = List.copyOf(b.parameters);
        this.boundOrigin = b.boundOrigin;
    }

    /** A builder holding everything this verdict has, to make a changed copy of it. */
    private Builder copy() {
        return restore(indicator, level, entityCode, entityName, parentCode, year).name(name).status(status)
                .observed(observed, observedText).bound(bound).formula(formula).message(message).source(source)
                .evidence(evidence).missing(missing).children(children, childrenCount).part(part).limit(limit).waiver(waiver)
                .missingValues(missingValues).parameters(parameters).boundOrigin(boundOrigin);
    }

    /** This failure, waived: status WAIVED, the waiver attached, the rule's own finding kept in the message. */
    public Verdict waived(Waiver w) {
        return copy().status(Status.WAIVED).message("已豁免：" + w.describe() + "。原结论：" + message).waiver(w).build();
    }

    /** This failure, still failing, with a note that its waiver has expired. */
    public Verdict withExpiredWaiver(Waiver w) {
        return copy().message(message + "（豁免已于 " + w.expires() + " 到期，不再适用：" + w.origin() + "）").waiver(w).build();
    }

    public String getIndicator() { return indicator; }
    public String getName() { return name; }
    public EntityKind getKind() { return level; }
    /** The level in Chinese, as {@link Entity#getLevel()}. */
    public String getLevel() { return level.label(); }
    public String getEntityCode() { return entityCode; }
    public String getEntityName() { return entityName; }
    public String getParentCode() { return parentCode; }
    public int getYear() { return year; }
    public Status getStatus() { return status; }
    public BigDecimal getObserved() { return observed; }
    public String getObservedText() { return observedText; }
    public String getBound() { return bound; }
    public String getFormula() { return formula; }
    public String getMessage() { return message; }
    public String getSource() { return source; }
    public List<Metric> getEvidence() { return evidence; }
    public List<String> getMissing() { return missing; }
    public List<ChildFinding> getChildren() { return children; }
    /** How many children the roll-up named: more than {@link #getChildren()} lists where a region's list was cut (the first 1,000 kept). */
    public int getChildrenCount() { return childrenCount; }
    /** The waiver that covers (WAIVED) or no longer covers (expired, still FAIL) this verdict; null if none. */
    public Waiver getWaiver() { return waiver; }
    /**
     * The part of the entity the verdict is about, when an indicator gives one verdict per part: the
     * 学段 (小学, 初中) of a county's balance coefficient. Null for a verdict about the whole entity.
     */
    public String getPart() { return part; }
    /** The number the observed value was compared with (a parameter resolved, a 学段's bound), or null. */
    public BigDecimal getLimit() { return limit; }
    /** Each value of {@link #getMissing()} as a record: the unit, sheet, metric and year it belongs to. */
    public List<MissingValue> getMissingValues() { return missingValues; }
    /**
     * The parameters the bound (or a setting of the rule's call) was resolved with, by name: what value each had
     * and where it came from is said once for the run (report.json's {@code parameters}), never in the verdict's text.
     */
    public List<String> getParameters() { return parameters; }
    /** Where the bound was set when the thresholds table set it ({@code thresholds.xlsx!界值!C3}), else null. */
    public String getBoundOrigin() { return boundOrigin; }
    /** The entity's name with the part: 一县（小学）. */
    public String getSubject() { return part == null ? entityName : entityName + "（" + part + "）"; }

    public boolean isFail() { return status == Status.FAIL; }

    @Override public String toString() {
        return indicator + " " + entityCode + (part == null ? "" : "/" + part) + " " + year + " " + status + " " + message;
    }

    public static Builder builder(String indicator, Entity entity, int year) {
        return new Builder(indicator, entity, year);
    }

    /**
     * A builder for a verdict read back from its stored form ({@code engine.VerdictJson}), where the entity
     * is known by its level, code, name and parent rather than as an {@link Entity}.
     */
    public static Builder restore(String indicator, EntityKind level, String entityCode, String entityName, String parentCode, int year) {
        return new Builder(indicator, level, entityCode, entityName, parentCode, year);
    }

    public static class Builder {
        private final String indicator;
        private final EntityKind level;
        private final String entityCode;
        private final String entityName;
        private final String parentCode;
        private final int year;
        private Waiver waiver;
        private String name;
        private Status status;
        private BigDecimal observed;
        private String observedText;
        private String bound;
        private String formula;
        private String message;
        private String source;
        private List<Metric> evidence = List.of();
        private List<String> missing = List.of();
        private List<ChildFinding> children = List.of();
        private int childrenCount;
        private String part;
        private BigDecimal limit;
        private List<MissingValue> missingValues = List.of();
        private List<String> parameters = List.of();
        private String boundOrigin;

        protected Builder(String indicator, Entity entity, int year) {
            this(indicator, entity.getKind(), entity.getCode(), entity.displayName(), entity.getParentCode(), year);
        }

        private Builder(String indicator, EntityKind level, String entityCode, String entityName, String parentCode, int year) {
            this.indicator = indicator;
            this.level = level;
            this.entityCode = entityCode;
            this.entityName = entityName;
            this.parentCode = parentCode;
            this.year = year;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder observed(BigDecimal v, String text) { observed = v; observedText = text; return this; }
        public Builder bound(String v) { bound = v; return this; }
        public Builder formula(String v) { formula = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder evidence(List<Metric> v) { evidence = v; return this; }
        public Builder missing(List<String> v) { missing = v; return this; }
        public Builder children(List<ChildFinding> v) { return children(v, v.size()); }

        /** The first children named, of {@code count} in all. */
        public Builder children(List<ChildFinding> v, int count) {
            children = v;
            childrenCount = count;
            return this;
        }
        public Builder part(String v) { part = v; return this; }
        public Builder limit(BigDecimal v) { limit = v; return this; }
        public Builder missingValues(List<MissingValue> v) { missingValues = v; return this; }
        public Builder parameters(List<String> v) { parameters = v; return this; }
        public Builder boundOrigin(String v) { boundOrigin = v; return this; }
        /** Only for a verdict read back: a verdict a rule inserts never carries a waiver. */
        public Builder waiver(Waiver v) { waiver = v; return this; }

        public Verdict build() {
            if (status == null) throw new IllegalStateException("verdict without status: " + indicator);
            return new Verdict(this);
        }
    }
}
