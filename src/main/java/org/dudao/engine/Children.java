package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The child entities a roll-up looks at: {@code children("县")}, {@code schools("小学", "初中")},
 * {@code compulsoryClasses()}. A membership, when given, decides instead of the 学段 words, and may not
 * know (a class of a 完全中学 without 年级): such a child is left out here and weighed by the class-size
 * helpers, which name it where it could change the verdict. {@code label} names one of them in a
 * sentence (学校, 普通高校, 义务教育班级).
 */
public record Children(String level, List<String> stages, String label, Membership membership) {
    /** The level of {@link #regionsFromHere()}. */
    static final String REGIONS = "地区";

    public Children(String level, List<String> stages, String label) { this(level, stages, label, null); }

    /** Whether a child belongs to a selection: yes, no, or unknown (null). */
    public interface Membership {
        Boolean of(Facts facts, Entity child);
    }

    /** The selection in words, the same in every session (a membership is a lambda): a tally's key in {@link Tallies}. */
    String key() { return level + stages + label; }

    /** The measure word a count of them takes: 3 所学校, 2 个县, 5 个班级. */
    String measure() { return level.equals("学校") ? "所" : "个"; }

    /** The children selected under {@code parent} in {@code year}, by code; computed once per session and shared: never change the list. */
    List<Entity> of(Facts facts, Entity parent, int year) {
        return facts.memo().children(parent, this, year, () -> select(facts, parent, year));
    }

    private List<Entity> select(Facts facts, Entity parent, int year) {
        List<Entity> out = new ArrayList<>();
        for (Entity c : level.equals(REGIONS) ? facts.regionsFrom(parent) : facts.descendants(parent, level)) {
            // closed, or not in this year's return; asked of the entity in hand, not looked up by code among all the run's
            if (!c.hasYear(year)) continue;
            if (membership != null ? membership.of(facts, c) == Boolean.TRUE : stages.isEmpty() || stageMatches(c.getStage(), stages)) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Entity::getCode));
        return out;
    }

    /** Every descendant region or school at a level (县, 学校, 班级). */
    static Children children(String level) { return new Children(level, List.of(), level); }

    /** Schools whose 学段 contains one of the words given; none given: every school. */
    static Children schools(String... stages) {
        return new Children("学校", List.of(stages), label(List.of(stages)));
    }

    /**
     * What schools of those 学段 words are called: 幼儿园 for 幼儿园, 小学、初中等学校 for several; never 高校学校 (a word
     * that already names a kind of school is not followed by 学校).
     */
    static String label(List<String> words) {
        if (words.isEmpty()) return "学校";
        if (words.size() == 1) return names(words.get(0)) ? words.get(0) : words.get(0) + "学校";
        return String.join("、", words.subList(0, 2)) + "等学校";
    }

    private static boolean names(String word) {
        return word.endsWith("学校") || word.endsWith("园") || word.endsWith("小学") || word.endsWith("中学") || word.endsWith("高校")
                || word.endsWith("大学") || word.endsWith("学院");
    }

    /** 中小学: 小学, 初中, 普通高中, 一贯制, 完全中学 and other 中学, their parts; not 中职 nor special-education schools. */
    static Children primaryAndSecondary() {
        return schoolsOf("中小学", s -> !s.isEmpty() && Set.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR).containsAll(s));
    }

    /** 普通高等学校 (本科 and 高职): not 技工院校 (技师学院 …), which train at secondary vocational level. */
    static Children higherEducation() {
        return schoolsOf("普通高校", s -> s.equals(Set.of(Stage.HIGHER)));
    }

    /** Basic-education schools (幼儿园 to 普通高中, and special-education): not 中职, 技工院校 or 普通高校. */
    static Children basicEducationSchools() {
        return new Children("学校", List.of(), "基础教育学校", (facts, s) -> s.getStage() == null || s.getStage().isBlank() ? null : s.isBasicEducation());
    }

    /** Classes of 义务教育 (小学 and 初中, including the 小学部 and 初中部 of 一贯制 schools and 完全中学). */
    static Children compulsoryClasses() {
        return new Children("班级", List.of(), "义务教育班级", (facts, c) -> Stage.compulsory(ClassSizes.stagesOf(facts, c)));
    }

    /** Classes of 普通高中 (including the 高中部 of 完全中学 and 十二年一贯制 schools). */
    static Children seniorClasses() {
        return new Children("班级", List.of(), "普通高中班级", (facts, c) -> Stage.is(ClassSizes.stagesOf(facts, c), Stage.SENIOR));
    }

    /** The region itself and every region below it ({@code coverage} over 省、市、县 alike). */
    static Children regionsFromHere() {
        return new Children(REGIONS, List.of(), "地区", null);
    }

    private static Children schoolsOf(String label, Predicate<Set<Stage>> test) {
        return new Children("学校", List.of(), label, (facts, s) -> test.test(s.school().stages()));
    }

    static boolean stageMatches(String stage, List<String> words) {
        if (stage == null) return false;
        for (String w : words) if (stage.contains(w)) return true;
        return false;
    }
}
