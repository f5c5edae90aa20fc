package org.dudao.model;

import java.util.Locale;

/** Levels of the administrative and school hierarchy, from the nation down to a class. */
public enum EntityKind {
    NATION("全国"), PROVINCE("省"), CITY("市"), COUNTY("县"), SCHOOL("学校"), CLASS("班级");

    private final String label;

    EntityKind(String label) { this.label = label; }

    /** The Chinese name rules and reports use: 全国, 省, 市, 县, 学校, 班级. */
    public String label() { return label; }

    public boolean isRegion() { return this.ordinal() <= COUNTY.ordinal(); }

    /** The nation, a province or a city: a region whose schools and classes are its counties'. */
    public boolean isAboveCounty() { return this.ordinal() < COUNTY.ordinal(); }

    /**
     * Reads a 层级 cell. Accepts the forms offices write: 省/省级/自治区/直辖市, 市/地市/市级/州/盟,
     * 县/区/县区/县级/旗, 国家/全国.
     */
    public static EntityKind parseLevel(String text) {
        if (text == null) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) return null;
        switch (t) {
            case "全国", "国家", "国家级", "national", "nation" -> { return NATION; }
            case "省", "省级", "自治区", "直辖市", "province" -> { return PROVINCE; }
            case "市", "地市", "市级", "地级市", "州", "盟", "地区", "city" -> { return CITY; }
            case "县", "区", "县区", "县级", "县级市", "市辖区", "县(市、区)", "县（市、区）", "旗", "自治县", "county" -> { return COUNTY; }
            case "学校", "school" -> { return SCHOOL; }
            case "班级", "class" -> { return CLASS; }
            default -> { return null; }
        }
    }
}
