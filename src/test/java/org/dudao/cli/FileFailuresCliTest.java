package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A failure that is not a verdict ends the run with exit 3 and a message in plain words naming the
 * file by its absolute path, never a raw {@code java.nio.file.FileSystemException}.
 */
class FileFailuresCliTest {
    @TempDir Path tmp;

    private static void assertPlain(Cli r, String words, Path file) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains(words).contains(file.toAbsolutePath().toString())
                .doesNotContain("Exception").doesNotContain("java.nio").doesNotContain("\tat ");
    }

    @Test
    void an_out_folder_that_is_a_file_is_said_so() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "a file, not a folder");
        assertPlain(Cli.run("evaluate", "--rules", Fixture.RULES, "--out", file.toString(), Fixture.S2024), "同名的文件", file);
    }

    @Test
    void an_out_folder_whose_name_is_too_long_is_said_so() {
        Path longName = tmp.resolve("报".repeat(100));
        assertPlain(Cli.run("evaluate", "--rules", Fixture.RULES, "--out", longName.toString(), Fixture.S2024), "文件名过长", longName);
    }

    @Test
    void a_read_only_out_folder_is_said_so() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes anywhere: there, a folder under /sys (which refuses everyone) stands in
            Path readOnly = Files.isWritable(out) ? Path.of("/sys/dudao-read-only-test") : out;
            assumeTrue(!Files.isWritable(out) || Files.isDirectory(Path.of("/sys")), "no read-only folder to test with");
            Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--out", readOnly.toString(), Fixture.S2024);
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
            assertThat(r.err()).containsAnyOf("没有权限", "不允许写入", "只读").contains(readOnly.toString())
                    .doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void an_unwritable_temporary_folder_is_said_so_with_its_path() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("tmpdir"), "a file where java.io.tmpdir should be a folder");
        for (String[] args : new String[][]{
                {"-Ddudao.verdicts.held=0", "evaluate", "--by-workbook", "--format", "json"},
                {"-Ddudao.verdicts.held=1000000", "evaluate", "--format", "xlsx"}}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + notAFolder, args[0], "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args).subList(1, args.length));
            cmd.addAll(List.of("--rules", Fixture.RULES, "--out", tmp.resolve("out").toString(), Fixture.S2023, Fixture.S2024));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.CANNOT_RUN);
            assertThat(output).as(String.join(" ", args)).contains(notAFolder.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
