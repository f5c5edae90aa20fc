package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.testing.Fixture;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person running {@code evaluate} gets: reports to read (json, xlsx, html by default), the
 * path of the one to open last on the console, {@code --open}, and which year was evaluated with the
 * other years the data holds.
 */
class ReportsForAPersonTest {
    @TempDir Path tmp;

    @Test
    void by_default_a_run_writes_the_page_and_the_workbook_beside_the_json_and_ends_with_the_page_to_open() throws Exception {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--out", out.toString(), Fixture.S2023, Fixture.S2024);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("report.json", "report.xlsx", "report.html", "manifest.json");
        }
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("请打开：" + out.resolve("report.html").toAbsolutePath());
        assertThat(lines.get(0)).startsWith("规则：" + Path.of(Fixture.RULES).toAbsolutePath() + "（--rules 指定）；SHA-256 ");
    }

    @Test
    void the_report_to_open_first_is_the_page_then_the_word_draft_then_the_workbook() {
        assertThat(ReportOpener.first(List.of(Path.of("o/report.json"), Path.of("o/report.xlsx"), Path.of("o/督导报告.docx"))))
                .contains(Path.of("o/督导报告.docx"));
        assertThat(ReportOpener.first(List.of(Path.of("o/report.json"), Path.of("o/report.html")))).contains(Path.of("o/report.html"));
        assertThat(ReportOpener.command("Windows 11", Path.of("r.html"))).containsExactly("cmd", "/c", "start", "\"\"", "r.html");
        assertThat(ReportOpener.command("Mac OS X", Path.of("r.html"))).containsExactly("open", "r.html");
        assertThat(ReportOpener.command("Linux", Path.of("r.html"))).containsExactly("xdg-open", "r.html");
    }

    @Test
    void open_hands_the_page_to_the_desktop_opener_and_a_missing_opener_does_not_fail_the_run() throws Exception {
        // a headless JVM skips java.awt.Desktop and runs xdg-open from PATH: here a stand-in that notes what it was given
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path opener = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\necho \"$1\" > \"" + tmp.resolve("opened") + "\"\n");
        Files.setPosixFilePermissions(opener, PosixFilePermissions.fromString("rwxr-xr-x"));
        String rules = Path.of(Fixture.RULES).toAbsolutePath().toString();
        String sample = Path.of(Fixture.S2024).toAbsolutePath().toString();
        List<String> headless = List.of("-Djava.awt.headless=true");
        Forked r = Forked.run(tmp, Map.of("PATH", bin + ":" + System.getenv("PATH")), headless,
                "evaluate", "--rules", rules, "--format", "json,html", "--open", sample);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(tmp.resolve("opened")).strip()).isEqualTo(tmp.resolve("out/report.html").toString());
        assertThat(r.out()).contains("已用默认程序打开：" + tmp.resolve("out/report.html"));

        Forked none = Forked.run(tmp, Map.of("PATH", tmp.resolve("empty").toString()), headless,
                "evaluate", "--rules", rules, "--format", "json", "--open", "--out", "o2", sample);
        assertThat(none.exit()).as(none.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(none.out()).contains("无法自动打开报告").contains("请手动打开：" + tmp.resolve("o2/report.json"));
    }

    @Test
    void the_console_names_the_other_years_in_the_data_and_how_to_evaluate_them() {
        Cli both = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", tmp.resolve("a").toString(), Fixture.S2023, Fixture.S2024);
        assertThat(both.out()).contains("本次评估的是 2024 年；数据中还有 2023 年。评估其他年度请加 --year（如 --year 2023）");
        Cli one = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", tmp.resolve("b").toString(), Fixture.S2024);
        assertThat(one.out()).doesNotContain("数据中还有");
    }

    @Test
    void explain_on_a_year_without_the_values_points_to_the_year_that_has_them() {
        Path wb = Workbooks.create().sheet("地区")
                .row("地区代码", "地区名称", "层级", "年度", "公办园在园幼儿数(人)", "在园幼儿数(人)")
                .row("990101", "一县", "县", 2023, null, null)
                .row("990101", "一县", "县", 2024, 600, 1000)
                .save(tmp.resolve("一县.xlsx"));
        Cli r = Cli.run("explain", "--rules", Fixture.RULES, "--indicator", "KG-01", "--entity", "990101", "--year", "2023", wb.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.WARNINGS);
        assertThat(r.out()).contains("数据不足").contains("提示：本单位“公办园在园幼儿数”在 2024 年有数据").contains("请加 --year 2024");
        Cli latest = Cli.run("explain", "--rules", Fixture.RULES, "--indicator", "KG-01", "--entity", "990101", wb.toString());
        assertThat(latest.out()).doesNotContain("提示：");
        Cli noYear = Cli.run("explain", "--rules", Fixture.RULES, "--indicator", "KG-01", "--entity", "990101", "--year", "2019", wb.toString());
        assertThat(noYear.err()).contains("数据中没有 2019 年的数据（有：2024、2023 年）。请改用 --year 2024 等。");
    }
}
