package org.dudao.report;

import org.dudao.engine.SourceDocuments;
import org.dudao.model.Indicator;
import org.dudao.model.Verdict;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words every format uses about one report, worked out once: an indicator's standard and source
 * as a reader sees them, a failure's requirement and deadline, the parameters and the documents cited.
 * No verdict is read to make them; the writers keep their one pass.
 */
final class Wording {
    final Parameters parameters;
    final Standards standards;
    final Requirements requirements;
    private final SourceDocuments documents;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();

    Wording(Report report) {
        this.parameters = Parameters.of(report);
        this.standards = new Standards(report, parameters);
        this.requirements = new Requirements(standards, report.run().year());
        this.documents = report.context().documents();
        for (Indicator i : report.catalogue()) indicators.put(i.id(), i);
    }

    /** The catalogue entry of a verdict's indicator; made from the verdict when the catalogue lacks it. */
    Indicator indicator(Verdict v) {
        Indicator i = indicators.get(v.getIndicator());
        return i != null ? i : new Indicator(v.getIndicator(), v.getName(), v.getLevel(), null, v.getBound(), v.getSource(), null, null, null);
    }

    /** An indicator's source with its documents named: 《××市2022年教育工作要点》第五部分第2条. */
    String source(Indicator i) {
        return Shown.text(documents.cite(i.source()).text());
    }

    /** The standard a verdict's entity is held to, in words. */
    String standard(Verdict v) {
        return standards.of(indicator(v), v);
    }

    /** What the answerable unit must do about a failure (its deadline goes in a column beside it). */
    String requirement(Verdict v) {
        return requirements.of(indicator(v), v);
    }

    /** What the answerable unit must do about a failure, and by when where the plan says. */
    String requirementWithDeadline(Verdict v) {
        return requirements.withDeadline(indicator(v), v);
    }

    /** The plan's deadline for a verdict's indicator, or "". */
    String deadline(Verdict v) {
        return requirements.deadline(indicator(v));
    }

    /** The documents the catalogue cites, in the documents table's order. */
    List<SourceDocuments.Document> cited() {
        Set<SourceDocuments.Document> used = new LinkedHashSet<>();
        for (Indicator i : indicators.values()) used.addAll(documents.cite(i.source()).documents());
        return documents.all().stream().filter(used::contains).toList();
    }
}
