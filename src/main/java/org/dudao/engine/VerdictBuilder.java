package org.dudao.engine;

import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.List;

/**
 * A verdict builder that already carries the rule's metadata and remembers the formula text and
 * evidence. On {@link #build()} it applies {@code @soft}, says the standard in words where the pattern
 * set no bound of its own, and records the parameters and thresholds-table cell the call resolved.
 */
final class VerdictBuilder extends Verdict.Builder {
    private final Call call;
    private String formula;
    private List<Metric> evidence = List.of();
    private Status status;
    private String message;
    private boolean bounded;

    VerdictBuilder(Call call) {
        super(call.meta().indicator().id(), call.entity(), call.year());
        this.call = call;
        name(call.meta().indicator().name()).source(call.meta().indicator().source());
    }

    @Override public Verdict.Builder status(Status v) { status = v; return super.status(v); }

    @Override public Verdict.Builder message(String v) { message = v; return super.message(v); }

    @Override public Verdict.Builder bound(String v) { bounded = true; return super.bound(v); }

    /** {@code @soft}: the source asks (鼓励, 力争), it does not require: a shortfall is 预警, saying so. */
    @Override public Verdict build() {
        String soft = call.meta().indicator().reading().soft();
        if (status == Status.FAIL && soft != null) {
            status(Status.WARN);
            message(message + Messages.soft(soft));
        }
        if (!bounded && call.meta().bound() != null) bound(call.standard(null));
        parameters(call.parameters()).boundOrigin(call.boundOrigin());
        return super.build();
    }

    VerdictBuilder formulaText(String f) { formula = f; formula(f); return this; }

    String formulaText() { return formula; }

    @Override public Verdict.Builder evidence(List<Metric> v) { evidence = v; return super.evidence(v); }

    List<Metric> evidenceSoFar() { return evidence; }
}
