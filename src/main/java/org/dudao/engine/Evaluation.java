package org.dudao.engine;

import org.dudao.model.Verdict;

import java.util.List;

/** The verdicts of a run, in a stable order; any rule that broke the one-verdict contract; notes worth a look. */
public record Evaluation(int year, List<Verdict> verdicts, List<String> ruleProblems, List<String> notes) {

    public Evaluation(int year, List<Verdict> verdicts, List<String> ruleProblems) {
        this(year, verdicts, ruleProblems, List.of());
    }

    /** The same evaluation with waivers applied as of a day; waivers that matched nothing become notes. */
    public Evaluation withWaivers(Waivers waivers, java.time.LocalDate asOf) {
        Waivers.Applied a = waivers.apply(verdicts, asOf);
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(a.notes());
        return new Evaluation(year, List.copyOf(a.verdicts()), ruleProblems, List.copyOf(all));
    }
}
