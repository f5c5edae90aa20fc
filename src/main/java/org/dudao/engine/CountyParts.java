package org.dudao.engine;

import org.dudao.ast.ConsequenceCalls;
import org.dudao.ast.Expression;
import org.dudao.ast.Rule;
import org.dudao.ast.RuleFile;
import org.dudao.ast.RuleFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Whether a workbook too large for the heap may be read in county parts ({@link StreamingEvaluator}): only
 * when every rule about a region above the county reaches the schools and classes under it through a
 * roll-up that adds up over the counties ({@link Tallies}). A rule calling anything else there (a helper
 * that reads the schools directly, an unknown helper, a consequence outside the rule language) keeps the
 * workbook in province parts, which hold every school of a province. Read from the rule files' text.
 */
final class CountyParts {
    private CountyParts() {}

    /**
     * The helpers a rule about a province, city or the nation may call: those reading the region's own
     * figures, the selections of children, and the roll-ups whose tallies add up. Not here, and so refused
     * above the county: {@code countOf}/{@code maxOf} with a level name, {@code rollUp}, {@code dispersion},
     * {@code balance}, {@code balanceSchool}, {@code wholeSchool}, {@code compulsoryEnrolment}.
     */
    private static final Set<String> ADDS_UP = Set.of("insert", "value", "share", "shareOf", "ratio", "ratioOf", "sum", "firstOf",
            "growth", "perHundred", "perPupil", "times", "called", "forStage", "condition", "meets", "oneOf", "stages", "per",
            "children", "schools", "primaryAndSecondary", "higherEducation", "basicEducationSchools", "compulsoryClasses",
            "seniorClasses", "regionsFromHere", "threshold", "zero", "conditional", "targetProgress", "noDecrease", "noRebound",
            "changeBy", "changeRatio", "coverage", "shareOfChildren", "shareOfClasses", "everyClass", "phaseOut", "task", "stockTask",
            "countOf");

    private static final Set<String> ABOVE_COUNTY = Set.of("全国", "省", "市");

    /** Null when county parts give the same verdicts as a whole read; else why not (a rule and its call), in Chinese. */
    static String refusal(RuleBase rules) {
        for (Map.Entry<Path, byte[]> src : rules.folder().sources().entrySet()) {
            RuleFile file = RuleFiles.parse(src.getKey(), new String(src.getValue(), StandardCharsets.UTF_8));
            for (Rule r : file.rules()) {
                RuleMeta meta = rules.rules().get(file.packageName() + "." + r.name());
                if (meta == null || !aboveCounty(meta.indicator().level())) continue;
                ConsequenceCalls calls = ConsequenceCalls.of(file, r);
                String why = !calls.parsed() ? "其结论部分不是规则语言" : refused(calls);
                if (why != null) return "规则“" + r.name() + "”（" + src.getKey().getFileName() + "）" + why;
            }
        }
        return null;
    }

    private static boolean aboveCounty(String levels) {
        for (String l : levels.split("[,，、\\s]+")) if (ABOVE_COUNTY.contains(l.strip())) return true;
        return false;
    }

    /** The first call that does not add up over counties, in words; null when none. */
    private static String refused(ConsequenceCalls calls) {
        for (String name : calls.names()) if (!ADDS_UP.contains(name)) return "调用了 " + name;
        for (Expression.Call c : calls.calls("countOf")) {
            // countOf("班级", …) reads the classes directly; countOf(compulsoryClasses(), …) is tallied
            if (!c.args().isEmpty() && c.args().get(0) instanceof Expression.Literal l && l.value() instanceof String level
                    && (level.equals("学校") || level.equals("班级"))) {
                return "按级别名“" + level + "”计数（countOf）";
            }
        }
        return null;
    }
}
