package org.dudao.model;

/** What a rule concludes about one entity in one year. Order: worst first, for sorting. */
public enum Status {
    FAIL("不达标"),
    /** A failure covered by an approved, unexpired waiver: counted apart, shown with its reason. */
    WAIVED("已豁免"),
    WARN("预警"), INSUFFICIENT_DATA("数据不足"), PASS("达标"), NOT_APPLICABLE("不适用");

    private final String label;

    Status(String label) { this.label = label; }

    public String label() { return label; }
}
