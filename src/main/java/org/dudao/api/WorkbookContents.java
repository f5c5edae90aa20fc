package org.dudao.api;

import org.dudao.model.Entity;

import java.util.List;
import java.util.SortedSet;

/**
 * What a quick look into a workbook found ({@link Rules#probe}): the regions, schools and classes it
 * holds (from the first rows of each sheet) and the years it has data for. Enough to tell which region
 * a workbook belongs to before it is loaded for real.
 */
public record WorkbookContents(List<Entity> entities, SortedSet<Integer> years) {
    public WorkbookContents {
        entities = List.copyOf(entities);
    }
}
