package org.dudao.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Everything loaded from a run's workbooks: entities, metrics and parameters (the facts rules see),
 * with the reconciliation of every sheet and every problem found on the way.
 */
public record Dataset(Map<String, Entity> entities, List<Metric> metrics, List<Param> params,
                      List<InputFile> inputs, List<SheetTally> sheets, List<LoadProblem> problems,
                      SortedSet<Integer> years) {

    public Collection<Entity> allEntities() { return entities.values(); }

    /** The reconciliation over every sheet: rows read = accepted + skipped + rejected. */
    public record Rows(int read, int accepted, int skipped, int rejected) {}

    public Rows rows() {
        int read = 0, accepted = 0, skipped = 0, rejected = 0;
        for (SheetTally t : sheets) {
            read += t.getRead();
            accepted += t.getAccepted();
            skipped += t.getSkipped();
            rejected += t.getRejected();
        }
        return new Rows(read, accepted, skipped, rejected);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == LoadProblem.Severity.ERROR);
    }
}
