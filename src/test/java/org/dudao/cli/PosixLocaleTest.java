package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.util.FileNameCharset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar dudao.jar} under {@code LANG=C} or {@code LC_ALL=C} (cron, systemd, containers), in a
 * forked JVM: Java cannot name a file in Chinese there. A Chinese name given is refused with the way
 * out (bin/dudao, or LC_ALL=C.UTF-8), never an InvalidPathException; the docx draft, named in
 * Chinese, takes an ASCII name instead of failing the run. The launcher test (DistributionIT) shows
 * the same names working through bin/dudao.
 */
class PosixLocaleTest {
    @TempDir Path tmp;

    @Test
    void a_name_fits_the_file_name_charset_of_linux_under_the_posix_locale_only_in_ascii_and_always_on_windows() {
        java.nio.charset.Charset posix = FileNameCharset.charset("ANSI_X3.4-1968", "Linux");
        assertThat(FileNameCharset.fits("sample-2024.xlsx", posix)).isTrue();
        assertThat(FileNameCharset.fits("样本.xlsx", posix)).isFalse();
        assertThat(FileNameCharset.fits("样本.xlsx", FileNameCharset.charset("UTF-8", "Linux"))).isTrue();
        // Windows opens files by their UTF-16 names whatever the code page
        assertThat(FileNameCharset.fits("𠀋样本.xlsx", FileNameCharset.charset("GBK", "Windows 11"))).isTrue();
        // what the JVM made of bytes it could not decode
        assertThat(FileNameCharset.fits("\uFFFD\uFFFD.xlsx", FileNameCharset.charset("UTF-8", "Linux"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LANG", "LC_ALL"})
    void a_chinese_file_name_gets_the_way_out_not_an_exception(String variable) throws Exception {
        Files.copy(Path.of(org.dudao.testing.Fixture.S2024).toAbsolutePath(), tmp.resolve("样本.xlsx"));
        Forked r = Forked.run(tmp, Forked.posixLocale(variable), List.of(), "evaluate", "--format", "json", "样本.xlsx");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("bin/dudao").contains("LC_ALL=C.UTF-8").contains("文件名")
                .doesNotContain("InvalidPathException").doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void an_output_folder_named_in_chinese_gets_the_same_words() throws Exception {
        Forked r = Forked.run(tmp, Forked.posixLocale("LANG"), List.of(), "evaluate", "--out", "报告", "x.xlsx");
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("dudao evaluate：文件名").contains("LC_ALL=C.UTF-8").contains("--out=DIR");
    }

    @Test
    void the_docx_draft_takes_an_ascii_name_and_per_region_is_refused_up_front() throws Exception {
        Path sample = Path.of(org.dudao.testing.Fixture.S2024).toAbsolutePath();
        String rules = Path.of(org.dudao.testing.Fixture.RULES).toAbsolutePath().toString();
        Forked r = Forked.run(tmp, Forked.posixLocale("LC_ALL"), List.of(), "evaluate", "--rules", rules, "--format", "docx", sample.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        try (var files = Files.list(tmp.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("report.docx", "manifest.json");
        }
        assertThat(r.out()).contains("请打开：" + tmp.resolve("out/report.docx"));

        Forked split = Forked.run(tmp, Forked.posixLocale("LC_ALL"), List.of(), "evaluate", "--rules", rules, "--format", "docx",
                "--per-region", "--out", "split", sample.toString());
        assertThat(split.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(split.err()).contains("--per-region").contains("LC_ALL=C.UTF-8");
        assertThat(tmp.resolve("split")).doesNotExist();
    }
}
