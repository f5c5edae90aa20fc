package org.dudao.report;

import org.dudao.engine.Evaluation;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.List;
import java.util.Map;

/** Everything a report of any format is written from: the run, the load reconciliation, the catalogue and the verdicts. */
public record Report(RunInfo run, Dataset data, List<Indicator> catalogue, Evaluation evaluation, List<String> runProblems) {

    public List<Verdict> verdicts() { return evaluation.verdicts(); }

    /** Verdicts counted by status, every status present (zero where none). */
    public Map<Status, Integer> counts() {
        return evaluation.tally().counts();
    }

    public Map<Status, Integer> counts(String indicator) {
        return evaluation.tally().counts(indicator);
    }
}
