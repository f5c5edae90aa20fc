package org.dudao.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the embedding API promises besides the README's example: located errors, refusals in Chinese, one Rules for many threads. */
class DudaoApiTest {
    private static final List<Path> SAMPLE = List.of(Path.of("sample-data/sample-2023.xlsx"), Path.of("sample-data/sample-2024.xlsx"));

    @TempDir Path tmp;

    @Test
    void rules_that_do_not_compile_are_one_exception_with_each_place() throws Exception {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("10-funding.drl"), "\nrule \"broken\"\nwhen\n  $x : \nthen\nend\n", StandardOpenOption.APPEND);
        DudaoException e = catchThrowableOfType(DudaoException.class, () -> Dudao.rules(rules));
        assertThat(e.getMessage()).startsWith("规则无法编译（");
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.location().file()).endsWith("10-funding.drl");
        assertThat(e.location().line()).isPositive();
        assertThat(e.problems().get(0).toString()).startsWith(e.location().file() + ":" + e.location().line() + ":");
    }

    @Test
    void a_year_the_data_does_not_hold_and_an_unknown_format_are_refused_in_chinese() throws Exception {
        Rules rules = Dudao.rules(Path.of("rules"));
        assertThatThrownBy(() -> rules.evaluate(EvaluationRequest.of(SAMPLE).withYear(1999)))
                .isInstanceOf(DudaoException.class).hasMessageContaining("数据中没有 1999 年的数据");
        assertThatThrownBy(() -> ReportFormat.parse(List.of("json", "pdf")))
                .isInstanceOf(DudaoException.class).hasMessage("不支持的报告格式：pdf（目前支持：json,json.gz,xlsx,html,docx）");
        assertThat(ReportFormat.parse(List.of("ALL"))).containsExactly(ReportFormat.JSON, ReportFormat.XLSX, ReportFormat.HTML, ReportFormat.DOCX);
        assertThat(ReportFormat.parse(List.of("json.gz", "all"))).containsExactly(ReportFormat.values());
    }

    @Test
    void one_compiled_rule_set_serves_evaluations_on_several_threads_at_once() throws Exception {
        Rules rules = Dudao.rules(Path.of("rules"));
        EvaluationRequest request = EvaluationRequest.of(SAMPLE).withThreads(1);
        List<CompletableFuture<Evaluation>> runs = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return rules.evaluate(request);
            } catch (DudaoException e) {
                throw new IllegalStateException(e);
            }
        })).limit(2).toList();
        Evaluation alone = rules.evaluate(request);
        for (CompletableFuture<Evaluation> run : runs) {
            Evaluation parallel = run.get();
            assertThat(parallel.tally().counts()).isEqualTo(alone.tally().counts());
            assertThat(parallel.verdicts().stream().map(v -> v.getIndicator() + v.getSubject() + v.getStatus()).toList())
                    .isEqualTo(alone.verdicts().stream().map(v -> v.getIndicator() + v.getSubject() + v.getStatus()).toList());
        }
    }

    private Path copyOfRules() throws Exception {
        Path to = tmp.resolve("rules");
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            Files.createDirectories(to);
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName().toString()));
        }
        return to;
    }

    @Test
    void writing_a_document_per_region_tells_how_many_are_done_as_it_goes() throws Exception {
        List<String> told = new ArrayList<>();
        Evaluation.Ticker every = new Evaluation.Ticker(System.nanoTime(), 0, told::add);
        every.accept(tmp.resolve("a.docx"));
        every.accept(tmp.resolve("b.docx"));
        assertThat(told).hasSize(2).allMatch(m -> m.contains("份地区督导报告，继续写入中（"));
        assertThat(told.get(1)).startsWith("已写入 2 份地区督导报告");
        List<String> seldom = new ArrayList<>();
        Evaluation.Ticker ticker = new Evaluation.Ticker(System.nanoTime(), Evaluation.Ticker.EVERY, seldom::add);
        for (int i = 0; i < 100; i++) ticker.accept(tmp.resolve(i + ".docx"));
        assertThat(seldom).as("a hundred documents in well under three seconds: nothing said yet").isEmpty();

        Rules rules = Dudao.rules(Path.of("rules"));
        List<String> progress = new ArrayList<>();
        List<Path> docs = rules.evaluate(EvaluationRequest.of(SAMPLE)).write(tmp.resolve("regions"), List.of(ReportFormat.DOCX),
                Evaluation.WriteOptions.defaults().withDocxPerRegion(true).withProgress(progress::add));
        assertThat(progress).last().asString().startsWith("已写入 " + docs.size() + " 份地区督导报告（");
    }
}
