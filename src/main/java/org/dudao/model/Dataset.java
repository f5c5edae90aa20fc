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

    /** A workbook given to the run, with its SHA-256 so a report can be tied to the exact file. */
    public record InputFile(String path, String sha256, long bytes) {}

    public Collection<Entity> allEntities() { return entities.values(); }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == LoadProblem.Severity.ERROR);
    }
}
