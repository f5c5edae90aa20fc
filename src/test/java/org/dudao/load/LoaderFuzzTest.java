package org.dudao.load;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.testing.HandMadeXlsx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the loader's entry point with Jazzer. The first byte of an input picks
 * what the rest becomes: a raw {@code .xlsx}, {@code .xls} or {@code .csv} file, or the XML of a sheet
 * wrapped in a well-formed {@code .xlsx} (so that mutations reach the sheet parser and the
 * interpreter instead of failing the zip checksum). Whatever the input, the load must return; a file
 * it cannot read is a {@link WorkbookException} whose cause was thrown outside our code; every sheet
 * balances, and every rejected row has its problem.
 *
 * <p>In {@code mvn test} this runs only the seeds under {@code src/test/resources/org/dudao/load/LoaderFuzzTestInputs/}
 * (regression mode). To fuzz: {@code JAZZER_FUZZ=1 mvn test -Dtest=LoaderFuzzTest} (see README, Reliability).
 */
class LoaderFuzzTest {
    private static Path dir;
    private static WorkbookLoader loader;

    @BeforeAll
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("dudao-fuzz");
        loader = new WorkbookLoader(MetricDictionary.read(Path.of("rules/metrics.csv")));
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // No JUnit @Timeout: in fuzzing mode Jazzer 0.24 lets it time the whole session, not one input.
    @FuzzTest(maxDuration = "5m")
    void loadAnyBytes(byte[] input) throws IOException {
        if (input.length == 0) return;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        Path file;
        switch (Math.floorMod(input[0], 4)) {
            case 0 -> file = Files.write(dir.resolve("fuzz.xlsx"), body);
            case 1 -> file = Files.write(dir.resolve("fuzz.xls"), body);
            case 2 -> file = Files.write(dir.resolve("fuzz.csv"), body);
            default -> {
                String xml = new String(body, StandardCharsets.UTF_8);
                file = HandMadeXlsx.write(dir.resolve("sheet.xlsx"), "表1", w -> HandMadeXlsx.out(w, xml));
            }
        }

        WorkbookLoader.Result r = loader.load(List.of(file));

        for (WorkbookException e : r.unreadable()) {
            assertThat(e.getFile()).isEqualTo(file.toString());
            assertThat(e.getMessage()).isNotBlank();
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                StackTraceElement[] trace = t.getStackTrace();
                if (trace.length > 0 && trace[0].getClassName().startsWith("org.dudao.")) {
                    throw new AssertionError("our own code failed on this input, reported as a damaged file", t);
                }
            }
        }
        for (SheetTally t : r.dataset().sheets()) {
            assertThat(t.balances()).isTrue();
            long rejections = r.dataset().problems().stream()
                    .filter(p -> p.sheet() != null && p.sheet().equals(t.getSheet()) && p.message().endsWith("本行未采用"))
                    .count();
            assertThat(rejections).as("every rejected row of %s has its problem", t.getSheet()).isEqualTo(t.getRejected());
        }
        for (LoadProblem p : r.dataset().problems()) assertThat(p.file()).isEqualTo(file.toString());
    }
}
