package org.dudao.report;

import org.dudao.model.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One run per folder: publication, removal of the previous run's other files, recovery after a kill, refusal of strangers. */
class RunFolderTest {
    @TempDir Path dir;

    private static Manifest.Run run(String id) {
        return new Manifest.Run(id, "2025-01-01T00:00:00Z", "dudao", "test", "rules-hash", "inputs-hash",
                List.of(new InputFile("a.xlsx", "abc", 3)));
    }

    private List<Path> publish(String id, String... namesAndContents) throws IOException {
        try (RunFolder.Publication p = RunFolder.begin(dir, run(id))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] bytes = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(dir.resolve(namesAndContents[i]), out -> out.write(bytes));
            }
            return p.commit();
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_run_publishes_its_files_with_a_manifest_and_the_next_removes_what_it_did_not_rewrite() throws IOException {
        publish("r1", "report.json", "{1}", "report.html", "<1>", "督导报告-一县-330102.docx", "d1");
        Manifest m = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        assertThat(m.runId()).isEqualTo("r1");
        assertThat(m.files()).extracting(Manifest.Entry::name).containsExactly("report.json", "report.html", "督导报告-一县-330102.docx");
        assertThat(m.files().get(0)).satisfies(e -> {
            assertThat(e.size()).isEqualTo(3);
            assertThat(e.format()).isEqualTo("json");
            assertThat(e.sha256()).isEqualTo(org.dudao.util.Sha256.of(dir.resolve("report.json")));
        });
        assertThat(m.inputs()).singleElement().satisfies(i -> assertThat(i.path()).isEqualTo("a.xlsx"));

        publish("r2", "report.json", "{2}");
        assertThat(names()).containsExactly(Manifest.FILE_NAME, "report.json");
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo("{2}");
        assertThat(RunFolder.verified(dir)).hasValueSatisfying(v -> assertThat(v.runId()).isEqualTo("r2"));
    }

    @Test
    void nothing_is_visible_under_a_report_name_before_the_commit_and_an_abandoned_run_leaves_the_old_one() throws IOException {
        publish("r1", "report.json", "{1}");
        try (RunFolder.Publication p = RunFolder.begin(dir, run("r2"))) {
            AtomicFiles.write(dir.resolve("report.json"), out -> out.write("{2}".getBytes(StandardCharsets.UTF_8)));
            AtomicFiles.write(dir.resolve("report.xlsx"), out -> out.write("x2".getBytes(StandardCharsets.UTF_8)));
            assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo("{1}");
            assertThat(dir.resolve("report.xlsx")).doesNotExist();
        }
        assertThat(names()).containsExactly(Manifest.FILE_NAME, "report.json");
        assertThat(RunFolder.verified(dir)).hasValueSatisfying(v -> assertThat(v.runId()).isEqualTo("r1"));
    }

    @Test
    void a_run_killed_after_its_manifest_is_finished_by_the_next_and_leftover_temporaries_are_removed() throws IOException {
        publish("r1", "report.json", "{1}", "report.html", "<1>", "督导报告-甲-1.docx", "d1");
        // what kill -9 leaves half way through r2's renames: its manifest, one file renamed, one still staged,
        // r1's docx not yet removed, and a temporary of a writer killed before that
        Manifest r1 = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        Files.writeString(RunFolder.staged(dir, "report.html", "r2"), "<2>");
        Files.writeString(dir.resolve("report.json"), "{2}");
        Manifest r2 = Manifest.of(run("r2"), List.of(entry("report.json", "{2}"), entry("report.html", "<2>")),
                List.of(r1.file("督导报告-甲-1.docx")));
        try (var out = Files.newOutputStream(dir.resolve(Manifest.FILE_NAME))) {
            r2.write(out);
        }
        Files.writeString(dir.resolve(".report.xlsx.12345.tmp"), "999 KB of a killed writer");
        assertThat(RunFolder.verified(dir)).isEmpty();

        RunFolder.prepare(dir, false);
        assertThat(names()).containsExactly(Manifest.FILE_NAME, "report.html", "report.json");
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("<2>");
        assertThat(RunFolder.verified(dir)).hasValueSatisfying(v -> assertThat(v.runId()).isEqualTo("r2"));
    }

    @Test
    void reports_no_manifest_lists_are_refused_unless_forced_and_forcing_removes_them() throws IOException {
        Files.writeString(dir.resolve("report.html"), "from elsewhere");
        Files.writeString(dir.resolve("notes.txt"), "not a report");
        assertThatThrownBy(() -> RunFolder.prepare(dir, false)).isInstanceOf(RunFolder.Refused.class)
                .hasMessageContaining(dir.toAbsolutePath().toString()).hasMessageContaining("report.html").hasMessageContaining("--force");
        assertThatThrownBy(() -> publish("r1", "report.json", "{1}")).isInstanceOf(RunFolder.Refused.class);
        RunFolder.prepare(dir, true);
        assertThat(names()).containsExactly("notes.txt");
    }

    @Test
    void a_listed_report_edited_since_its_run_is_not_overwritten_without_force() throws IOException {
        publish("r1", "督导报告.docx", "draft");
        Files.writeString(dir.resolve("督导报告.docx"), "draft with the inspectors' edits");
        assertThatThrownBy(() -> publish("r2", "督导报告.docx", "new draft")).isInstanceOf(RunFolder.Refused.class)
                .hasMessageContaining("督导报告.docx").hasMessageContaining("已被修改");
        assertThat(Files.readString(dir.resolve("督导报告.docx"))).isEqualTo("draft with the inspectors' edits");
    }

    @Test
    void an_edit_that_keeps_the_size_is_found_by_its_time_and_hash() throws IOException {
        publish("r1", "督导报告.docx", "draft");
        Path docx = dir.resolve("督导报告.docx");
        Manifest.Entry e = Manifest.read(dir.resolve(Manifest.FILE_NAME)).files().get(0);
        assertThat(e.modified()).isEqualTo(Files.getLastModifiedTime(docx).toString());
        Files.writeString(docx, "DRAFT");
        Files.setLastModifiedTime(docx, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(docx).toMillis() + 2000));
        assertThatThrownBy(() -> publish("r2", "督导报告.docx", "new draft")).isInstanceOf(RunFolder.Refused.class).hasMessageContaining("已被修改");
        assertThat(RunFolder.verified(dir)).isEmpty();
    }

    @Test
    void a_report_of_the_size_and_time_its_run_left_is_not_read_again() throws IOException {
        publish("r1", "report.json", "{1}");
        Path json = dir.resolve("report.json");
        // the quick check of make and rsync: the same size and time of last change are taken as the same file, unhashed
        java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(json);
        Files.writeString(json, "{9}");
        Files.setLastModifiedTime(json, t);
        assertThat(RunFolder.verified(dir)).hasValueSatisfying(v -> assertThat(v.runId()).isEqualTo("r1"));
        // a manifest without times (an older dudao's) has every file hashed
        Manifest m = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        Manifest.Entry old = m.files().get(0);
        Manifest older = new Manifest(m.version(), m.tool(), m.toolVersion(), m.runId(), m.time(), m.rulesSha256(), m.inputsSha256(), m.inputs(),
                List.of(new Manifest.Entry(old.name(), old.size(), old.sha256(), old.format())), m.replaced());
        try (var out = Files.newOutputStream(dir.resolve(Manifest.FILE_NAME))) {
            older.write(out);
        }
        assertThat(RunFolder.verified(dir)).isEmpty();
    }

    @Test
    void a_writer_failing_midway_in_a_publication_leaves_no_staged_file() throws IOException {
        assertThatThrownBy(() -> {
            try (RunFolder.Publication p = RunFolder.begin(dir, run("r1"))) {
                AtomicFiles.write(dir.resolve("report.json"), out -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("No space left on device");
                });
            }
        }).isInstanceOf(java.nio.file.FileSystemException.class).hasMessageContaining(dir.resolve("report.json").toString());
        assertThat(names()).isEmpty();
    }

    private static Manifest.Entry entry(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            return new Manifest.Entry(name, b.length, java.util.HexFormat.of().formatHex(md.digest(b)), Manifest.Entry.formatOf(name));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
