package org.dudao.cli;

import org.dudao.engine.StreamingEvaluator;
import org.dudao.synthetic.NationalDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A run read in parts that is stopped with SIGTERM (what {@code kill} and a service manager send) or
 * SIGINT (Ctrl-C) leaves none of its temporary files behind: not the workbook's rows read to disk,
 * not the parts, not the verdicts waiting for the report. The run is stopped as soon as the file of
 * the stage under test appears (nothing here depends on how long a stage takes: the run is a hundred
 * thousand classes, far longer than the wait for a file). Linux: SIGINT is sent with {@code kill}.
 */
class InterruptedRunIT {
    @TempDir static Path tmp;
    static Path workbook;

    @BeforeAll
    static void generate() throws Exception {
        workbook = tmp.resolve("one-300.xlsx");
        new NationalDataGenerator(7, 1.0, 2024).writeOneWorkbook(workbook, 31, 300, 10, 333);
    }

    private static Process evaluate(Path temp) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-Djava.io.tmpdir=" + temp, "-D" + StreamingEvaluator.PARTS_ABOVE_PROPERTY + "=0", "-Ddudao.verdicts.held=0",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "evaluate", "--by-workbook", "--threads", "1", "--format", "json", "--out", tmp.resolve("out").toString(), workbook.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(temp.getFileName() + ".log").toFile()).start();
    }

    /** Waits until a file whose name starts with {@code prefix} is in {@code dir}, or the process ends. */
    private static void awaitFile(Process p, Path dir, String prefix) throws Exception {
        while (p.isAlive() && names(dir).stream().noneMatch(n -> n.startsWith(prefix))) Thread.sleep(10);
        assertThat(p.isAlive()).as("the run was still running when %s… appeared", prefix).isTrue();
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static void stopsClean(String stage, boolean sigint) throws Exception {
        Path temp = Files.createDirectories(tmp.resolve(stage + (sigint ? "-int" : "-term")));
        Process p = evaluate(temp);
        awaitFile(p, temp, stage);
        if (sigint) new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        else p.destroy(); // SIGTERM
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(128 + (sigint ? 2 : 15)); // stopped by the signal, not finished
        assertThat(names(temp)).isEmpty();
    }

    @Test
    void sigterm_while_the_workbook_is_read_to_disk() throws Exception {
        stopsClean("dudao-read-", false);
    }

    @Test
    void sigint_while_the_workbook_is_read_to_disk() throws Exception {
        // a build started in the background ignores SIGINT, and so do its children: nothing to test then
        String status = Files.readString(Path.of("/proc/self/status"));
        String ignored = status.lines().filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0").substring(7).strip();
        assumeTrue((Long.parseUnsignedLong(ignored, 16) & 2) == 0, "SIGINT is ignored in this process");
        stopsClean("dudao-read-", true);
    }

    @Test
    void sigterm_while_parts_are_evaluated_and_verdicts_spilled() throws Exception {
        stopsClean("dudao-verdicts-", false);
    }
}
