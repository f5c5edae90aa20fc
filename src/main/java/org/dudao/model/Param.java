package org.dudao.model;

import java.math.BigDecimal;

/** A named target or bound a province sets (e.g. the KG-04 target), from a workbook's 参数 sheet. */
public final class Param {
    private final String name;
    private final BigDecimal value;
    private final String text;
    private final Origin origin;

    public Param(String name, BigDecimal value, String text, Origin origin) {
        this.name = name;
        this.value = value;
        this.text = text;
        this.origin = origin;
    }

    public String getName() { return name; }
    public BigDecimal getValue() { return value; }
    public String getText() { return text; }
    public Origin getOrigin() { return origin; }
}
