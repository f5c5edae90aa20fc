package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.report.Manifest;
import org.dudao.report.RunFolder;
import org.dudao.testing.Fixture;
import org.dudao.testing.RegionWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --out} holds one run: its manifest, its reports and nothing left from an earlier run. */
class OutputFolderCliTest {
    @TempDir Path tmp;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_second_run_on_other_inputs_leaves_only_its_own_reports() throws IOException {
        Path out = tmp.resolve("out");
        Cli all = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "all", "--out", out.toString(), Fixture.S2023, Fixture.S2024);
        assertThat(all.exit()).as(all.err()).isEqualTo(ExitCodes.FAILED);
        Path city = RegionWorkbooks.city(tmp.resolve("乙市.xlsx"), 2024, 100, 90);
        Cli json = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", out.toString(), city.toString());
        assertThat(json.exit()).as(json.err()).isNotEqualTo(ExitCodes.CANNOT_RUN);

        assertThat(names(out)).containsExactly("manifest.json", "report.json");
        Manifest m = RunFolder.verified(out).orElseThrow();
        assertThat(m.inputs()).singleElement().satisfies(i -> assertThat(i.path()).endsWith("乙市.xlsx"));
        assertThat(m.files()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("report.json");
            assertThat(e.format()).isEqualTo("json");
        });
        assertThat(Files.readString(out.resolve("report.json"))).contains("880100").doesNotContain("990000");
    }

    @Test
    void per_region_drafts_of_regions_no_longer_in_the_data_are_removed() throws IOException {
        Path out = tmp.resolve("out");
        Cli first = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "docx", "--per-region", "--out", out.toString(), Fixture.S2024);
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(names(out)).filteredOn(n -> n.endsWith(".docx")).hasSize(7);
        Path city = RegionWorkbooks.city(tmp.resolve("乙市.xlsx"), 2024, 100, 90);
        Cli second = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "docx", "--per-region", "--out", out.toString(), city.toString());
        assertThat(second.exit()).as(second.err()).isNotEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(names(out)).containsExactly("manifest.json", "督导报告-七县-880102.docx", "督导报告-乙市-880100.docx", "督导报告-六县-880101.docx");
    }

    @Test
    void reports_of_unknown_origin_make_the_run_refuse_before_evaluating_unless_forced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("report.html"), "<p>a report from somewhere else</p>");
        Cli refused = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", out.toString(), Fixture.S2024);
        assertThat(refused.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(refused.err()).contains(out.toAbsolutePath().toString()).contains("report.html").contains("--force");
        assertThat(refused.out()).as("refused before evaluating").isEmpty();
        assertThat(names(out)).containsExactly("report.html");

        Cli forced = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--force", "--out", out.toString(), Fixture.S2024);
        assertThat(forced.exit()).as(forced.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(names(out)).containsExactly("manifest.json", "report.json");
    }

    @Test
    void temporaries_of_killed_writers_are_cleaned_by_the_next_run() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.write(out.resolve(".report.html.8123456789.tmp"), new byte[999 * 1024]);
        Files.writeString(out.resolve(".report.xlsx.42.tmp"), "half");
        Files.writeString(out.resolve(".notes.txt.1.tmp"), "not ours");
        Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", out.toString(), Fixture.S2024);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(names(out)).containsExactly(".notes.txt.1.tmp", "manifest.json", "report.json");
    }
}
