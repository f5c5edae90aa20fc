package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.List;

/**
 * A verdict builder that already carries the rule's metadata and remembers the formula text and
 * evidence; on {@link #build()} it applies {@code @soft}.
 */
final class VerdictBuilder extends Verdict.Builder {
    private final RuleMeta meta;
    private String formula;
    private List<Metric> evidence = List.of();
    private Status status;
    private String message;

    VerdictBuilder(RuleMeta meta, Entity e, int year) {
        super(meta.indicator().id(), e, year);
        this.meta = meta;
        name(meta.indicator().name()).source(meta.indicator().source()).bound(meta.bound() == null ? null : meta.bound().text());
    }

    @Override public Verdict.Builder status(Status v) { status = v; return super.status(v); }

    @Override public Verdict.Builder message(String v) { message = v; return super.message(v); }

    /** {@code @soft}: the source asks (鼓励, 力争), it does not require: a shortfall is 预警, saying so. */
    @Override public Verdict build() {
        String soft = meta.indicator().reading().soft();
        if (status == Status.FAIL && soft != null) {
            status(Status.WARN);
            message(message + "。原文为“" + soft + "”，是努力方向而非硬性要求：未达到记为预警，不记为不达标");
        }
        return super.build();
    }

    VerdictBuilder formulaText(String f) { formula = f; formula(f); return this; }

    String formulaText() { return formula; }

    @Override public Verdict.Builder evidence(List<Metric> v) { evidence = v; return super.evidence(v); }

    List<Metric> evidenceSoFar() { return evidence; }
}
