package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.api.ExitCodes;
import org.dudao.batch.Folders;
import org.dudao.report.RunFolder;
import org.dudao.testing.Fixture;
import org.dudao.testing.RegionWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch} skips a region as 输入和规则未变化 only when its last recorded run finished and wrote
 * every report, and the folder still holds exactly the reports that run wrote (by the manifest's hashes).
 */
class BatchSkipTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    private Path in;
    private Path out;

    private Cli batch() {
        return Cli.run("batch", "--rules", Fixture.RULES, "--out", out.toString(), in.toString());
    }

    private String outcome() throws IOException {
        JsonNode s = JSON.readTree(out.resolve("batch-summary.json").toFile());
        return s.path("regions").get(0).path("outcome").asText();
    }

    private Path regionFolder() {
        return Folders.runFolder(out.resolve("regions"), "880100", "乙市");
    }

    private void inputs(int county1, int county2) throws IOException {
        in = Files.createDirectories(tmp.resolve("in"));
        out = tmp.resolve("out");
        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, county1, county2);
    }

    @Test
    void an_unchanged_region_whose_folder_holds_its_run_is_skipped() throws IOException {
        inputs(100, 90);
        assertThat(batch().exit()).isNotEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(outcome()).isEqualTo("EVALUATED");
        Cli again = batch();
        assertThat(outcome()).isEqualTo("SKIPPED");
        assertThat(again.out()).contains("未变化");
    }

    @Test
    void a_run_that_failed_to_write_is_not_taken_for_done_even_once_its_reports_are_in_place() throws IOException {
        inputs(100, 90);
        // report.json cannot be put in place: a folder of that name stands there
        Files.createDirectories(regionFolder().resolve("report.json").resolve("obstacle"));
        Cli failed = batch();
        assertThat(failed.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(failed.out() + failed.err()).contains("无法写入报告").contains(regionFolder().toString()).doesNotContain("Exception");

        // the obstacle goes and the published run is finished: the folder looks whole, but its run ended with 3
        Files.delete(regionFolder().resolve("report.json").resolve("obstacle"));
        Files.delete(regionFolder().resolve("report.json"));
        RunFolder.prepare(regionFolder(), false);
        assertThat(RunFolder.verified(regionFolder())).isPresent();
        batch();
        assertThat(outcome()).isEqualTo("EVALUATED");
        batch();
        assertThat(outcome()).isEqualTo("SKIPPED");
    }

    @Test
    void a_folder_holding_another_inputs_reports_is_evaluated_again() throws IOException {
        inputs(100, 90);
        batch();
        // a killed run of other inputs published its reports into the region's folder but never reached the history
        Path other = RegionWorkbooks.city(tmp.resolve("other.xlsx"), 2024, 50, 200);
        assertThat(Cli.run("evaluate", "--rules", Fixture.RULES, "--out", regionFolder().toString(), other.toString()).exit())
                .isNotEqualTo(ExitCodes.CANNOT_RUN);
        batch();
        assertThat(outcome()).isEqualTo("EVALUATED");
        assertThat(RunFolder.verified(regionFolder()).orElseThrow().inputs()).singleElement()
                .satisfies(i -> assertThat(i.path()).endsWith("2024.xlsx"));
    }

    @Test
    void a_report_changed_since_its_run_is_neither_skipped_over_nor_overwritten_without_force() throws IOException {
        inputs(100, 90);
        batch();
        Files.writeString(regionFolder().resolve("report.json"), "{}");
        Cli r = batch();
        assertThat(outcome()).isEqualTo("NOT_EVALUATED");
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.out() + r.err()).contains("report.json").contains("--force");
        assertThat(Files.readString(regionFolder().resolve("report.json"))).isEqualTo("{}");
        Cli.run("batch", "--rules", Fixture.RULES, "--out", out.toString(), "--force", in.toString());
        assertThat(outcome()).isEqualTo("EVALUATED");
        assertThat(RunFolder.verified(regionFolder())).isPresent();
    }
}
