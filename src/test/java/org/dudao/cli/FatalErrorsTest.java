package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Error in any thread — out of memory in an evaluation worker, with one thread, while compiling —
 * ends the run with exit 3 and one Chinese line, never a hang, and no stack trace without --debug.
 * Memory runs out for real: in a forked JVM with a small heap, under a trusted rule that allocates
 * without end (or a rule set too big to compile in the heap).
 */
class FatalErrorsTest {
    @TempDir Path tmp;

    private static final String HEAD = "package fatal;\nimport org.dudao.model.*;\nimport function org.dudao.engine.Patterns.*;\n\n";

    private Path rules(String drl) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("fatal.drl"), HEAD + drl, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void an_error_thrown_in_a_worker_is_one_line_without_a_stack_trace_and_exit_3() throws IOException {
        Path rules = rules("""
                rule "DEEP 递归"
                when
                    $e : Entity(level == "县")
                then
                    throw new StackOverflowError();
                end
                """);
        Cli r = Cli.run("evaluate", "--trust-rules", "--rules", rules.toString(), "--out", tmp.resolve("out").toString(), "sample-data/sample-2024.xlsx");
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("调用层次过深").doesNotContain("\tat ").doesNotContain("Exception");
        Cli debug = Cli.run("evaluate", "--debug", "--trust-rules", "--rules", rules.toString(), "--out", tmp.resolve("out").toString(),
                "sample-data/sample-2024.xlsx");
        assertThat(debug.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(debug.err()).contains("调用层次过深").contains("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--threads 2", "--threads 1", "--by-workbook --threads 2"})
    void out_of_memory_in_an_evaluation_ends_the_process_with_3_and_one_line(String threads) throws Exception {
        Path rules = rules("""
                rule "HOG 占满内存"
                when
                    $e : Entity(level == "县")
                then
                    java.util.List hog = new java.util.ArrayList();
                    while (true) { hog.add(new long[1048576]); }
                end
                """);
        List<String> args = new ArrayList<>(List.of("evaluate", "--trust-rules", "--rules", rules.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(Arrays.asList(threads.split(" ")));
        args.add("sample-data/sample-2024.xlsx");
        Forked r = fork("-Xmx128m", args);
        assertThat(r.exit()).as(r.output()).isEqualTo(ExitCodes.CANNOT_RUN);
        // with --by-workbook already given, only a larger heap is suggested
        assertThat(r.output()).contains("内存不足：").contains(threads.contains("--by-workbook") ? "请增大 -Xmx（" : "请增大 -Xmx 或使用 --by-workbook")
                .doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
        assertThat(tmp.resolve("out/report.json")).doesNotExist();
    }

    @Test
    void out_of_memory_with_by_workbook_suggests_only_a_larger_heap() {
        try {
            Fatal.byWorkbook(true);
            assertThat(Fatal.describe(new OutOfMemoryError())).contains("请增大 -Xmx（").doesNotContain("或使用 --by-workbook");
            Fatal.byWorkbook(false);
            assertThat(Fatal.describe(new OutOfMemoryError())).contains("请增大 -Xmx 或使用 --by-workbook");
        } finally {
            Fatal.byWorkbook(false);
        }
    }

    @Test
    void out_of_memory_while_compiling_ends_with_3_and_one_line() throws Exception {
        Forked r = fork("-Xmx20m", List.of("rules", "check", "--rules", "rules"));
        assertThat(r.exit()).as(r.output()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.output()).contains("内存不足：").doesNotContain("\tat ");
    }

    private record Forked(int exit, String output) {}

    private static Forked fork(String heap, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // a rule-cache hit needs far less heap than a compile: these runs must compile
        pb.environment().put("DUDAO_CACHE_DIR", "off");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly();
        assertThat(ended).as("the process ends\n" + output).isTrue();
        return new Forked(p.exitValue(), output);
    }
}
