package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;

import java.util.ArrayList;
import java.util.List;

/**
 * An expression about one stage of education whose indicator does not apply where the region
 * demonstrably has no such stage: its enrolment is 0, or its school table lists schools and none
 * of the stage. A blank is never taken for a missing stage: blank figures are missing data.
 * {@code forStage(x, "在园幼儿数", "幼儿园")}; several words when a stage is taught in schools of several
 * kinds ({@code "小学", "一贯制"}); the first names the stage in a verdict.
 */
public record ForStage(Expr inner, String enrolment, List<String> stageWords) implements Expr {
    public Value eval(Facts facts, Entity entity, int year) { return inner.eval(facts, entity, year); }

    public String describe() { return inner.describe(); }

    public String name() { return inner.name(); }

    String label() { return stageWords.get(0); }

    /** Why the region had no such stage in the year, or null when it may have had one. */
    String absent(Facts facts, Entity e, int year) {
        Metric m = facts.metric(e.getCode(), enrolment, year);
        // a figure decides alone: the schools are read only without one
        return absent(m, m != null && m.getValue() != null ? SchoolTally.NONE : schools(facts, e, year), year);
    }

    /** The region's schools reported in the year, and whether any of them is of the stage. */
    SchoolTally schools(Facts facts, Entity e, int year) {
        String schools = EntityKind.SCHOOL.label();
        return facts.memo().tallies().of(e, year, schools, () -> "forStage " + stageWords, SchoolTally.NONE,
                () -> SchoolTally.of(facts.descendants(e, schools), year, s -> Children.stageMatches(s.getStage(), stageWords)));
    }

    /** Why the region had no such stage in the year, from its enrolment cell (null: none) and the tally of its schools. */
    String absent(Metric m, SchoolTally schools, int year) {
        if (m != null && m.getValue() != null) return m.getValue().signum() == 0 ? year + "年“" + enrolment + "”为 0" : null;
        if (!schools.noneOfKind()) return null;
        return "学校表中" + year + "年本地区的 " + schools.schools() + " 所学校均不是" + label() + "，也未填报“" + enrolment + "”";
    }

    /** The enrolment cells of the years, for a verdict that rests on them. */
    List<Metric> enrolments(Facts facts, Entity e, int... years) {
        List<Metric> out = new ArrayList<>();
        for (int y : years) {
            Metric m = facts.metric(e.getCode(), enrolment, y);
            if (m != null) out.add(m);
        }
        return out;
    }
}
