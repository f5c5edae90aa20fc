package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.engine.StreamingEvaluator;
import org.dudao.synthetic.NationalDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's million-class workbook scaled down by ten: 300 counties, 3,000 schools and 99,900 classes
 * (2.6 MB), evaluated with all the shipped indicators in a forked JVM with a 64 MB heap, as a user runs
 * it (the verdicts held in memory before they go to disk are the default's, a 16th of the heap). Two
 * shapes of the same size: the counties spread over 31 provinces, and all of them in one province. Read
 * in county parts both complete; read whole the first runs out of that heap while loading, and read in
 * parts of whole provinces the second does: so this fails if what the heap holds grows with the
 * workbook, or with a province, instead of with a county. About three minutes on 2 cores: an
 * integration test, not in the default test run; nothing here is timed.
 */
class BoundedHeapIT {
    @TempDir static Path tmp;
    static Path provinces;
    static Path oneProvince;

    @BeforeAll
    static void generate() throws Exception {
        provinces = tmp.resolve("one-300.xlsx");
        NationalDataGenerator.Summary s = new NationalDataGenerator(7, 1.0, 2024).writeOneWorkbook(provinces, 31, 300, 10, 333);
        assertThat(s.classes()).isEqualTo(99_900);
        oneProvince = tmp.resolve("province-300.xlsx");
        s = new NationalDataGenerator(7, 1.0, 2024).writeOneWorkbook(oneProvince, 1, 300, 10, 333);
        assertThat(s.classes()).isEqualTo(99_900);
    }

    private static Run evaluate(Path workbook, String out, String... jvm) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + tmp));
        cmd.addAll(List.of(jvm));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "evaluate", "--by-workbook", "--progress",
                "--threads", "1", "--format", "json", "--out", tmp.resolve(out).toString(), workbook.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), text);
    }

    private record Run(int exit, String out) {}

    @Test
    void a_hundred_thousand_classes_in_31_provinces_go_through_a_64_mb_heap_county_by_county() throws Exception {
        Run r = evaluate(provinces, "provinces");
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("大工作簿按县分块读取", "读取 110793 行 = 采用 110793", "报告已写入");
        assertThat(tmp.resolve("provinces/report.json")).isNotEmptyFile();
    }

    @Test
    void the_same_workbook_read_whole_does_not_fit_that_heap() throws Exception {
        Run r = evaluate(provinces, "whole", "-D" + StreamingEvaluator.PARTS_ABOVE_PROPERTY + "=" + Long.MAX_VALUE);
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.CANNOT_RUN); // the JVM's exit on OutOfMemoryError
        assertThat(r.out()).contains("OutOfMemoryError");
    }

    @Test
    void a_hundred_thousand_classes_in_one_province_go_through_a_64_mb_heap_county_by_county() throws Exception {
        Run r = evaluate(oneProvince, "one-province");
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("大工作簿按县分块读取", "报告已写入");
        assertThat(tmp.resolve("one-province/report.json")).isNotEmptyFile();
    }

    @Test
    void the_one_province_workbook_read_in_province_parts_does_not_fit_that_heap() throws Exception {
        Run r = evaluate(oneProvince, "by-province", "-D" + StreamingEvaluator.PARTS_BY_PROPERTY + "=province");
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.out()).contains("大工作簿按省分块读取", "OutOfMemoryError");
    }
}
