package org.dudao.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dudao.model.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** manifest.json read and written without Jackson's object mapper, in the very form the mapper gave. */
class ManifestTest {
    /** How the manifest was written and read before: what batch, serve and older runs' folders hold. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir Path dir;

    private static Manifest.Run run() {
        return new Manifest.Run("c533b6ec", "2026-12-02T04:58:23Z", "dudao", "0.1.0", "rules-hash", "inputs-hash",
                List.of(new InputFile("数据/一县 \"2024\".xlsx", "abc", 7832), new InputFile("b.csv", "def", 0)));
    }

    private static Manifest manifest() {
        return Manifest.of(run(), List.of(new Manifest.Entry("report.json", 1159401, "a87e", "json"),
                new Manifest.Entry("督导报告-一县-330102.docx", 3, "d1", "docx")), List.of(new Manifest.Entry("report.html", 9, "h", "html")));
    }

    private static byte[] written(Manifest m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    @Test
    void writes_the_bytes_the_object_mapper_wrote() throws IOException {
        for (Manifest m : List.of(manifest(), Manifest.of(run(), List.of(), List.of()))) {
            assertThat(new String(written(m), StandardCharsets.UTF_8))
                    .isEqualTo(MAPPER.writeValueAsString(m));
        }
    }

    @Test
    void reads_what_it_wrote_and_what_the_object_mapper_wrote() throws IOException {
        Path f = dir.resolve(Manifest.FILE_NAME);
        Files.write(f, written(manifest()));
        assertThat(Manifest.read(f)).isEqualTo(manifest());
        Files.write(f, MAPPER.writeValueAsBytes(manifest()));
        assertThat(Manifest.read(f)).isEqualTo(manifest());
    }

    @Test
    void fields_it_does_not_know_are_skipped_and_a_file_without_run_id_or_files_is_not_a_manifest() throws IOException {
        Path f = dir.resolve(Manifest.FILE_NAME);
        Files.writeString(f, "{\"extra\": {\"a\": [1, {\"b\": 2}]}, \"runId\": \"r\", \"files\": [{\"name\": \"report.json\", \"size\": 3,"
                + " \"more\": [true], \"sha256\": \"s\", \"format\": \"json\"}], \"replaced\": [], \"version\": 1}");
        assertThat(Manifest.read(f).files()).containsExactly(new Manifest.Entry("report.json", 3, "s", "json"));
        assertThat(Manifest.read(f).runId()).isEqualTo("r");
        for (String notOne : List.of("{\"files\": []}", "{\"runId\": \"r\"}", "[]", "{\"runId\": \"r\", \"files\": [", "")) {
            Files.writeString(f, notOne);
            assertThatThrownBy(() -> Manifest.read(f)).as(notOne).isInstanceOf(IOException.class);
        }
    }
}
