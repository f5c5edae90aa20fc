package org.dudao.load;

import org.dudao.model.Dataset;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.SheetTally;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads workbooks through the real dictionary and answers the questions the loader tests ask. */
final class Loaded {
    final WorkbookLoader.Result result;
    final Dataset dataset;

    private Loaded(WorkbookLoader.Result result) {
        this.result = result;
        this.dataset = result.dataset();
    }

    static Loaded load(Path... files) {
        try {
            MetricDictionary dictionary = MetricDictionary.read(Path.of("rules/metrics.csv"));
            return new Loaded(new WorkbookLoader(dictionary).load(List.of(files)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MetricDictionary.DictionaryException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Metric> find(String entity, int year, String key) {
        List<Metric> found = dataset.metrics().stream()
                .filter(m -> m.getEntityCode().equals(entity) && m.getYear() == year && m.getKey().equals(key))
                .toList();
        assertThat(found).as("metrics %s %d %s", entity, year, key).hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    Metric metric(String entity, int year, String key) {
        return find(entity, year, key).orElseThrow(() -> new AssertionError(
                "no metric " + entity + " " + year + " " + key + " in " + dataset.metrics() + "\nproblems: " + problemsText()));
    }

    BigDecimal value(String entity, int year, String key) {
        return metric(entity, year, key).getValue();
    }

    SheetTally tally(String sheet) {
        return dataset.sheets().stream().filter(t -> t.getSheet().equals(sheet)).findFirst()
                .orElseThrow(() -> new AssertionError("no tally for sheet " + sheet + " in " + dataset.sheets()));
    }

    List<LoadProblem> problems() { return dataset.problems(); }

    List<LoadProblem> problemsAt(String sheet, String cell) {
        return dataset.problems().stream()
                .filter(p -> sheet.equals(p.sheet()) && java.util.Objects.equals(cell, p.cell())).toList();
    }

    List<LoadProblem> errors() {
        return dataset.problems().stream().filter(p -> p.severity() == LoadProblem.Severity.ERROR).toList();
    }

    String problemsText() {
        StringBuilder b = new StringBuilder();
        for (LoadProblem p : dataset.problems()) b.append("\n  ").append(p.severity()).append(' ').append(p.describe());
        return b.toString();
    }

    /** Asserts a tally's four numbers and that it balances. */
    void assertTally(String sheet, int read, int accepted, int skipped, int rejected) {
        SheetTally t = tally(sheet);
        assertThat(new int[]{t.getRead(), t.getAccepted(), t.getSkipped(), t.getRejected()})
                .as("read/accepted/skipped/rejected of %s; problems:%s", sheet, problemsText())
                .containsExactly(read, accepted, skipped, rejected);
        assertThat(t.balances()).isTrue();
    }
}
