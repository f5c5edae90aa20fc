package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rules, compiled once for all tests of a JVM, and short ways to evaluate against them. */
final class Rules {
    private static RuleBase shipped;

    private Rules() {}

    static synchronized RuleBase shipped() {
        if (shipped == null) {
            try {
                shipped = RuleBase.compile(Path.of("rules"));
            } catch (RuleCompileException e) {
                throw new AssertionError("shipped rules do not compile: " + e.messages());
            }
        }
        return shipped;
    }

    static List<Verdict> evaluate(Dataset data, int year) {
        return new Evaluator(shipped(), 1).evaluate(data, year).verdicts();
    }

    /** The one verdict of an indicator for an entity; fails the test if there is none or more than one. */
    static Verdict verdict(List<Verdict> verdicts, String indicator, String entity) {
        List<Verdict> found = verdicts.stream()
                .filter(v -> v.getIndicator().equals(indicator) && v.getEntityCode().equals(entity)).toList();
        assertThat(found).as("verdicts of %s for %s", indicator, entity).hasSize(1);
        return found.get(0);
    }

    static Optional<Verdict> find(List<Verdict> verdicts, String indicator, String entity) {
        return verdicts.stream().filter(v -> v.getIndicator().equals(indicator) && v.getEntityCode().equals(entity)).findFirst();
    }

    static Status status(List<Verdict> verdicts, String indicator, String entity) {
        return verdict(verdicts, indicator, entity).getStatus();
    }
}
