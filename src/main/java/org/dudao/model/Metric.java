package org.dudao.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One statistic of one entity in one year, in the metric dictionary's canonical unit, with the cell
 * it was read from. Yes/no values are 1/0 with text 是/否; category values (清廉学校等级) keep their
 * text and have no number.
 */
public final class Metric {
    private final String entityCode;
    private final int year;
    private final String key;
    private final BigDecimal value;
    private final String text;
    private final String unit;
    private final Origin origin;

    public Metric(String entityCode, int year, String key, BigDecimal value, String text, String unit, Origin origin) {
        this.entityCode = entityCode;
        this.year = year;
        this.key = key;
        this.value = value;
        this.text = text;
        this.unit = unit;
        this.origin = origin;
    }

    public String getEntityCode() { return entityCode; }
    public int getYear() { return year; }
    public String getKey() { return key; }
    public BigDecimal getValue() { return value; }
    public String getText() { return text; }
    public String getUnit() { return unit; }
    public Origin getOrigin() { return origin; }

    /** True for a 是 answer. */
    public boolean isYes() { return value != null && value.signum() != 0 && "是".equals(text); }

    /** True when the other value says the same (33000 万元 and 3.3 亿元 read alike; 是 and 是): not a conflict. */
    public boolean sameValueAs(Metric other) {
        if (value != null && other.value != null) return value.compareTo(other.value) == 0;
        return value == null && other.value == null && Objects.equals(text, other.text);
    }

    /** The value as a person reads it: the number in its unit, or the text. */
    public String display() {
        if (value == null || (text != null && !text.isEmpty())) return text == null ? "" : text;
        String n = value.stripTrailingZeros().toPlainString();
        if (unit == null || unit.isEmpty()) return n;
        return "%".equals(unit) ? n + "%" : n + " " + unit;
    }

    @Override public String toString() {
        return entityCode + " " + year + " " + key + "=" + display() + " @" + origin;
    }
}
