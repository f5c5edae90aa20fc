package org.dudao.model;

import java.util.Set;

/**
 * A region, school or class. Immutable: rules read it, never change it.
 * A school's {@code stage} is its 学段 (小学, 初中, 九年一贯制, ...); a class's parent is its school.
 */
public final class Entity {
    private final String code;
    private final String name;
    private final EntityKind kind;
    private final String parentCode;
    private final String stage;
    private final Origin origin;
    private final long yearMask;

    public Entity(String code, String name, EntityKind kind, String parentCode, String stage, Origin origin) {
        this(code, name, kind, parentCode, stage, origin, 0L);
    }

    private Entity(String code, String name, EntityKind kind, String parentCode, String stage, Origin origin, long yearMask) {
        this.yearMask = yearMask;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentCode = parentCode;
        this.stage = stage;
        this.origin = origin;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public EntityKind getKind() { return kind; }
    /** The level in Chinese (全国, 省, 市, 县, 学校, 班级): what rules match on. */
    public String getLevel() { return kind.label(); }
    public String getParentCode() { return parentCode; }
    public String getStage() { return stage; }
    public Origin getOrigin() { return origin; }

    /** An entity as a data row of the given year gives it: {@code new Entity(...).withYear(year)} in one object. */
    public static Entity read(String code, String name, EntityKind kind, String parentCode, String stage, Origin origin, int year) {
        return new Entity(code, name, kind, parentCode, stage, origin, yearMask(year));
    }

    /** The same entity, also reported in the given year (a data row for it was read). */
    public Entity withYear(int year) {
        long bit = yearMask(year);
        return (yearMask & bit) == bit ? this : new Entity(code, name, kind, parentCode, stage, origin, yearMask | bit);
    }

    /** The same entity with the years of another record of it added. */
    public Entity withYearsOf(Entity other) {
        return new Entity(code, name, kind, parentCode, stage, origin, yearMask | other.yearMask);
    }

    /** The same entity no longer reported in the given year (its figures for the year were set aside). */
    public Entity withoutYear(int year) {
        return new Entity(code, name, kind, parentCode, stage, origin, yearMask & ~yearMask(year));
    }

    /** The same entity under another parent and with another 学段 (a class placed in the part of its school). */
    public Entity withParent(String parent, String newStage) {
        return new Entity(code, name, kind, parent, newStage, origin, yearMask);
    }

    /** True when a data row for this entity was read for the year (years outside 2000–2063 are not tracked). */
    public boolean hasYear(int year) {
        long bit = yearMask(year);
        return bit == 0 || (yearMask & bit) != 0;
    }

    private static long yearMask(int year) {
        return year >= 2000 && year < 2064 ? 1L << (year - 2000) : 0L;
    }

    /**
     * True for a school some of whose classes may be compulsory-education ones (小学, 初中, 九年一贯制 and
     * its parts, 完全中学, 十二年一贯制 but not its 高中部, a 中学 not said to be either) and for a school whose
     * 学段 was not given; false for kindergartens, senior high, vocational, higher and special schools.
     */
    public boolean isCompulsory() {
        return kind == EntityKind.SCHOOL && Stage.ofSchool(stage).mayBeCompulsory();
    }

    /**
     * True for a basic-education school (幼儿园, 小学, 初中, 普通高中, 一贯制, 完全中学, 特殊教育) or one whose
     * 学段 was not given; false for 中职, 技工院校 and 普通高校.
     */
    public boolean isBasicEducation() {
        if (kind != EntityKind.SCHOOL) return false;
        Set<Stage> s = Stage.ofSchool(stage).stages();
        return s.isEmpty() || s.stream().anyMatch(x -> x != Stage.VOCATIONAL && x != Stage.HIGHER);
    }

    /** What this school's 学段 says (the stages of its classes, the part of a whole it is). */
    public Stage.School school() { return Stage.ofSchool(stage); }

    /** A name to show: the entity's name, or its code where no name was given. */
    public String displayName() { return name == null || name.isBlank() ? code : name; }

    @Override public String toString() { return kind.label() + " " + code + (name == null ? "" : " " + name); }
}
