package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.api.ExitCodes;
import org.dudao.batch.Folders;
import org.dudao.history.HistoryStore;
import org.dudao.history.StoredRun;
import org.dudao.report.Manifest;
import org.dudao.report.RunFolder;
import org.dudao.testing.Fixture;
import org.dudao.testing.RegionWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at random points of a batch (after a file is staged, the manifest published, a file renamed,
 * an old one removed: every step of publishing), then the batch again: each folder always holds one
 * run's reports (the old one whole, or the new one once the next run has finished it), and after the
 * rerun every region's folder holds the run the history records last, with the same counts.
 * The batch runs in a forked JVM that halts itself at step N ({@code -Ddudao.test.haltAfterSteps=N}, as
 * kill -9 would: no finally block, no shutdown hook runs).
 */
class BatchChaosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] REGIONS = {{"880100", "乙市", "六县", "七县"}, {"770100", "丙市", "八县", "九县"}};

    @TempDir Path tmp;

    @Test
    void a_batch_killed_at_random_steps_leaves_one_run_per_folder_and_its_rerun_agrees_with_the_history() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        inputs(in, 0);
        assertThat(batch(in, out).exit()).isNotEqualTo(ExitCodes.CANNOT_RUN);

        // a whole batch here is 17 steps: 2 regions × (2 files staged + the manifest + 2 renames), then the summary's 3 + 1 + 3;
        // one random step in each quarter, so that the kills fall in a region's staging, its renames and the summary's
        Random random = new Random(15);
        TreeSet<Integer> points = new TreeSet<>();
        for (int quarter = 0; quarter < 4; quarter++) points.add(1 + quarter * 4 + random.nextInt(quarter == 3 ? 5 : 4));
        int round = 0;
        for (int step : points) {
            inputs(in, ++round); // every region's data changes, so every file is written again
            int code = killedBatch(in, out, step);
            for (Path folder : folders(out)) {
                // the next run's first act: finish or clear what the killed one left; then the folder holds one run
                RunFolder.prepare(folder, false);
                assertThat(RunFolder.verified(folder)).as("step %d (exit %d): %s holds one run", step, code, folder).isPresent();
            }
            Cli again = batch(in, out);
            assertThat(again.exit()).as(again.err()).isNotEqualTo(ExitCodes.CANNOT_RUN);
            assertOneRunEachAgreeingWithTheHistory(out, step);
        }
    }

    private void assertOneRunEachAgreeingWithTheHistory(Path out, int step) throws Exception {
        try (HistoryStore history = HistoryStore.open(HistoryStore.defaultUrl(out))) {
            for (String[] r : REGIONS) {
                Path folder = Folders.runFolder(out.resolve("regions"), r[0], r[1]);
                Manifest m = RunFolder.verified(folder).orElseThrow(() -> new AssertionError("step " + step + ": " + folder));
                try (Stream<Path> files = Files.list(folder)) {
                    assertThat(files.map(f -> f.getFileName().toString()))
                            .containsExactlyInAnyOrder(Manifest.FILE_NAME, "report.json", "report.html");
                }
                List<StoredRun> runs = history.runsOfRegion(r[0]);
                StoredRun last = runs.get(runs.size() - 1);
                assertThat(last.inputsSha256()).as("step %d: the history's last run of %s is the folder's", step, r[0]).isEqualTo(m.inputsSha256());
                JsonNode summary = JSON.readTree(folder.resolve("report.json").toFile()).path("summary");
                assertThat(summary.path("FAIL").asInt()).isEqualTo(last.fail());
                assertThat(summary.path("PASS").asInt()).isEqualTo(last.pass());
                assertThat(summary.path("INSUFFICIENT_DATA").asInt()).isEqualTo(last.insufficient());
            }
            assertThat(RunFolder.verified(out)).as("step %d: the batch summary", step).isPresent();
        }
    }

    private static List<Path> folders(Path out) {
        List<Path> all = new ArrayList<>();
        all.add(out);
        for (String[] r : REGIONS) all.add(Folders.runFolder(out.resolve("regions"), r[0], r[1]));
        return all;
    }

    /** Two cities, one workbook each; round {@code n} gives other figures (the 2024 expenditure) than round n-1. */
    private static void inputs(Path in, int n) {
        for (String[] r : REGIONS) RegionWorkbooks.city(in.resolve(r[1] + ".xlsx"), r[0], r[1], r[2], r[3], 2024, 100 + n, 90 + 2 * n);
    }

    private static Cli batch(Path in, Path out) {
        return Cli.run("batch", "--rules", Fixture.RULES, "--out", out.toString(), "--format", "json,html", "--jobs", "1", "--quiet", in.toString());
    }

    /** The batch in a JVM of its own that halts at publishing step {@code step}; its exit code (137 when halted). */
    private static int killedBatch(Path in, Path out, int step) throws IOException, InterruptedException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Ddudao.test.haltAfterSteps=" + step, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", "--rules", Fixture.RULES, "--out", out.toString(), "--format", "json,html", "--jobs", "1", "--quiet", in.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
        return p.exitValue();
    }
}
