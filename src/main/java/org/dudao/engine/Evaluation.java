package org.dudao.engine;

import org.dudao.model.Tally;
import org.dudao.model.Verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts of a run, in a stable order, with their counts; any rule that broke the one-verdict
 * contract; notes worth a look. The verdicts may be a list that reads them from disk as it goes
 * ({@link VerdictStore}): iterate them, and take counts from {@link #tally()}.
 */
public record Evaluation(int year, List<Verdict> verdicts, List<String> ruleProblems, List<String> notes, Tally tally) {

    public Evaluation(int year, List<Verdict> verdicts, List<String> ruleProblems, List<String> notes) {
        this(year, verdicts, ruleProblems, notes, Tally.of(verdicts));
    }

    public Evaluation(int year, List<Verdict> verdicts, List<String> ruleProblems) {
        this(year, verdicts, ruleProblems, List.of());
    }

    /** The same evaluation with waivers applied as of a day; waivers that matched nothing become notes. */
    public Evaluation withWaivers(Waivers waivers, LocalDate asOf) {
        Waivers.Applier a = waivers.applier(asOf);
        List<Verdict> applied = a.apply(verdicts);
        List<String> all = new ArrayList<>(notes);
        all.addAll(a.notes(year));
        return new Evaluation(year, List.copyOf(applied), ruleProblems, List.copyOf(all));
    }
}
