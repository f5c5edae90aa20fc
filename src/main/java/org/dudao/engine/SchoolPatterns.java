package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Schools entered in parts, and who a measure is for. A 九年一贯制 (or 十二年一贯制) school entered as its
 * 小学部 and 初中部 is one school for its size: the parts are found by their shared code (学校代码#小学部) or,
 * with codes of their own, by their name without the part, in the same county. Called through {@link Patterns}.
 */
final class SchoolPatterns {
    private static final List<String> PART_ORDER = List.of("小学部", "初中部", "高中部");

    private SchoolPatterns() {}

    /**
     * A school's 义务教育 enrolment: its pupils ({@code pupils}, 在校学生数); for a 一贯制 school in parts the sum
     * over its 小学部 and 初中部 (both needed); for a 十二年一贯制 or 完全中学 entered as one school its
     * {@code compulsoryPupils} (义务教育在校生数: its 在校学生数 includes 高中).
     */
    static Expr compulsoryEnrolment(Expr pupils, Expr compulsoryPupils) {
        return new Expr() {
            public Value eval(Facts facts, Entity e, int year) {
                Stage.School st = e.school();
                if (!st.isPart()) {
                    boolean mixed = st.stages().contains(Stage.SENIOR) && st.mayBeCompulsory();
                    if (!mixed) return pupils.eval(facts, e, year);
                    Value v = compulsoryPupils.eval(facts, e, year);
                    if (v.present()) return v;
                    return Value.missing(v.shown(), v.evidence(), List.of(year + "年“" + compulsoryPupils.describe() + "”（" + e.getStage()
                            + "的规模按义务教育阶段计，在校学生数含高中；或按学部分行填报）"));
                }
                if ("完全中学".equals(st.whole())) return pupils.eval(facts, e, year); // its 初中部 is its compulsory stage
                List<Entity> parts = compulsoryParts(facts, e);
                BigDecimal total = BigDecimal.ZERO;
                List<Metric> evidence = new ArrayList<>();
                List<String> shown = new ArrayList<>(), missing = new ArrayList<>();
                for (String want : List.of("小学部", "初中部")) {
                    Entity p = parts.stream().filter(x -> want.equals(x.school().part())).findFirst().orElse(null);
                    if (p == null) {
                        missing.add("同校的" + want + "（学段“" + (st.whole() == null ? "九年一贯制" : st.whole()) + want + "”，与本学部同一学校代码或同名）："
                                + "一贯制学校的规模按小学部与初中部合计");
                        continue;
                    }
                    Value v = pupils.eval(facts, p, year);
                    evidence.addAll(v.evidence());
                    shown.add(p.displayName() + " " + v.shown());
                    if (v.present()) total = total.add(v.number());
                    else missing.addAll(v.missing());
                }
                String s = String.join(" + ", shown);
                return missing.isEmpty() ? Value.derived(total, "人", s, evidence) : Value.missing(s, evidence, missing);
            }

            public String describe() { return "义务教育阶段" + pupils.describe() + "（一贯制学校各学部合计）"; }
        };
    }

    /**
     * threshold for the whole school: the first compulsory part of a 一贯制 school entered in parts carries
     * the verdict, its other part is NOT_APPLICABLE naming it, so a county counts the school once.
     */
    static Verdict wholeSchool(RuleContext kc, Entity e, Expr x) {
        Stage.School st = e.school();
        if (st.isPart() && !"完全中学".equals(st.whole())) {
            Call c = Call.of(kc, e);
            List<Entity> parts = compulsoryParts(c.facts(), e);
            Entity first = parts.isEmpty() ? e : parts.get(0);
            if (!first.getCode().equals(e.getCode())) {
                return c.verdict(Status.NOT_APPLICABLE).message("不适用：一贯制学校按全校计，见 " + first.displayName() + "（" + first.getCode() + "）的结论").build();
            }
        }
        return ValuePatterns.threshold(kc, e, x);
    }

    /** The 小学部 and 初中部 of the school {@code e} is a part of (e among them), 小学部 first. */
    static List<Entity> compulsoryParts(Facts facts, Entity e) {
        List<Entity> out = new ArrayList<>();
        String base = baseCode(e), name = baseName(e);
        for (Entity s : facts.children(e.getParentCode())) {
            Stage.School st = s.school();
            if (s.getKind() != EntityKind.SCHOOL || !st.isPart() || !st.mayBeCompulsory() || st.stages().contains(Stage.SENIOR)) continue;
            if (s != e && !(baseCode(s).equals(base) || name != null && name.equals(baseName(s)))) continue;
            if (s != e && !Objects.equals(st.whole(), e.school().whole())) continue;
            out.add(s);
        }
        out.sort(Comparator.comparingInt((Entity s) -> PART_ORDER.indexOf(s.school().part())).thenComparing(Entity::getCode));
        return out;
    }

    private static String baseCode(Entity e) {
        int at = e.getCode().indexOf('#');
        return at < 0 ? e.getCode() : e.getCode().substring(0, at);
    }

    /** The school's name without its part: 某某学校 for 某某学校（小学部） and 某某学校小学部. */
    private static String baseName(Entity e) {
        String part = e.school().part();
        if (e.getName() == null || part == null) return null;
        String n = e.getName().replace("（" + part + "）", "").replace("(" + part + ")", "");
        if (n.endsWith(part)) n = n.substring(0, n.length() - part.length());
        return n.strip();
    }

    /** rollUp of the children's verdicts, NOT_APPLICABLE when the region's schools are all outside {@code applicable}. */
    static Verdict rollUp(RuleContext kc, Entity e, Collection<?> childVerdicts, Children applicable) {
        Call c = Call.of(kc, e);
        boolean none = childVerdicts.stream().noneMatch(v -> v instanceof Verdict x && x.getYear() == c.year());
        if (none && applicable.membership() != null) {
            List<String> others = new ArrayList<>();
            for (Entity s : c.facts().descendants(e, "学校")) {
                if (!s.hasYear(c.year())) continue;
                if (applicable.membership().of(c.facts(), s) != Boolean.FALSE) { others = null; break; }
                others.add(s.displayName() + "（" + s.getStage() + "）");
            }
            if (others != null && !others.isEmpty()) {
                return c.verdict(Status.NOT_APPLICABLE).message("不适用：本地区没有" + applicable.label() + "（所属学校 " + others.size() + " 所均不适用："
                        + Expr.abbreviate(others) + "）").build();
            }
        }
        return ChildPatterns.rollUp(kc, e, childVerdicts);
    }
}
