package org.dudao.load;

/** How a metric's cells are read. */
public enum MetricType {
    /** A number in the dictionary's unit. */
    NUMBER("数值"),
    /** 是/否 (有/无, Y/N): stored as 1/0 with the text 是/否. */
    YES_NO("是否"),
    /** A category (清廉学校等级: 引领型/规范型/...): kept as text. */
    TEXT("文本");

    private final String label;

    MetricType(String label) { this.label = label; }

    public String label() { return label; }

    public static MetricType parse(String s) {
        if (s == null || s.isBlank()) return NUMBER;
        for (MetricType t : values()) {
            if (t.label.equals(s.strip()) || t.name().equalsIgnoreCase(s.strip())) return t;
        }
        return null;
    }
}
