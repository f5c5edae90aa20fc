package org.dudao.model;

import java.util.List;

/**
 * A child entity named in a rolled-up verdict (a school in a county's verdict, a county in a
 * province's): its status, what was found, and the cells behind it.
 */
public record ChildFinding(String entity, String entityName, Status status, String message, List<Origin> cells) {
    public ChildFinding {
        cells = List.copyOf(cells);
    }
}
