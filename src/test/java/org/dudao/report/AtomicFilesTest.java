package org.dudao.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void a_writer_that_fails_midway_leaves_the_old_file_and_no_temporary_file() throws IOException {
        Path target = dir.resolve("report.xlsx");
        Files.writeString(target, "old report");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of a new report".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(java.nio.file.FileSystemException.class).hasMessageContaining(target.toString())
                .satisfies(e -> assertThat(FileProblems.describe(e)).isEqualTo("磁盘已满，无法写入：" + target.toAbsolutePath()));
        assertThat(Files.readString(target)).isEqualTo("old report");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void a_report_writer_that_fails_midway_leaves_no_file_behind() {
        Path target = dir.resolve("report.html");
        Report broken = new Report(Reports.sample().run(), Reports.sample().data(), Reports.sample().catalogue(),
                Reports.sample().evaluation(), null); // runProblems null: the writer fails after starting the page
        assertThatThrownBy(() -> HtmlReport.write(broken, target)).isInstanceOf(NullPointerException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_successful_write_replaces_the_file_and_is_readable_by_others() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new");
        Path fresh = dir.resolve("fresh.html");
        AtomicFiles.write(fresh, out -> out.write("x".getBytes(StandardCharsets.UTF_8)));
        if (Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            // a temporary file is owner-only; the report must not stay that way
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(target, fresh);
        }
    }
}
