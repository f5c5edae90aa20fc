package org.dudao.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.cli.Main;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "在 Java 程序中调用" example, compiled and run on the shipped sample: it counts what
 * {@code dudao evaluate} reports. The example uses org.dudao.api (and the verdicts' own types) only;
 * the command line is run beside it to compare.
 */
class EmbeddingExampleTest {
    @TempDir Path tmp;

    @Test
    void the_readme_example_counts_what_evaluate_reports() throws Exception {
        Path out = tmp.resolve("api");
        Map<Status, Long> counted = null;
        // ---- the README's example, line for line ----
        try {
            Rules rules = Dudao.rules(Path.of("rules"));        // 或 Dudao.builtInRules()
            Evaluation result = rules.evaluate(EvaluationRequest.of(
                    List.of(Path.of("sample-data/sample-2023.xlsx"), Path.of("sample-data/sample-2024.xlsx"))));
            Map<Status, Long> byStatus = result.stream()
                    .collect(Collectors.groupingBy(Verdict::getStatus, Collectors.counting()));
            System.out.println(result.year() + " 年：" + byStatus + "，退出状态 " + result.exitCode());
            result.write(out, List.of(ReportFormat.JSON, ReportFormat.HTML));   // out：报告文件夹
            // ---- end of the example ----
            counted = byStatus;
            assertThat(result.tally().total()).isEqualTo(byStatus.values().stream().mapToLong(Long::longValue).sum());
        } catch (DudaoException e) {
            System.err.println(e.getMessage());
            e.problems().forEach(System.err::println);           // 如 rules/10-kg.drl:12:5: …
        }
        assertThat(counted).as("the example ran").isNotNull();

        Path cli = tmp.resolve("cli");
        int exit = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "evaluate", "--rules", "rules", "--format", "json", "--out", cli.toString(),
                "sample-data/sample-2023.xlsx", "sample-data/sample-2024.xlsx");
        JsonNode summary = new ObjectMapper().readTree(cli.resolve("report.json").toFile()).path("summary");
        Map<Status, Long> reported = new EnumMap<>(Status.class);
        for (Status s : Status.values()) if (summary.path(s.name()).asLong() > 0) reported.put(s, summary.path(s.name()).asLong());
        assertThat(reported).isNotEmpty().isEqualTo(counted);
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("summary")).isEqualTo(summary);
        assertThat(Files.exists(out.resolve("report.html"))).isTrue();
        assertThat(exit).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void the_readme_shows_this_test_s_example() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("### 在 Java 程序中调用");
        String block = readme.substring(readme.indexOf("```java\n", at) + 8, readme.indexOf("```\n", readme.indexOf("```java\n", at) + 8));
        String test = Files.readString(Path.of("src/test/java/org/dudao/api/EmbeddingExampleTest.java"));
        for (String line : block.strip().split("\n")) assertThat(test).as("README line %s", line).contains(line.strip());
    }
}
