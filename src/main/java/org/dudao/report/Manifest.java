package org.dudao.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dudao.model.InputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code manifest.json}: what one run wrote into its folder, published last. It names the run (id,
 * time, tool, the rules' hash and the inputs with their hashes) and every file with its size, SHA-256
 * and format; {@code replaced} lists the files of the previous run this one did not rewrite, which it
 * removes (so that a run killed while removing them is finished by the next). A file in the folder
 * belongs to the run when the manifest lists it with the same hash.
 */
public record Manifest(int version, String tool, String toolVersion, String runId, String time, String rulesSha256, String inputsSha256,
                       List<InputFile> inputs, List<Entry> files, List<Entry> replaced) {
    public static final String FILE_NAME = "manifest.json";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A file the run wrote: its name in the folder, size, SHA-256 and format ({@code json}, {@code xlsx}, {@code html}, {@code docx}). */
    public record Entry(String name, long size, String sha256, String format) {
        static String formatOf(String name) {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** What a run says about itself before it writes: the manifest is completed with its files when it is published. */
    public record Run(String runId, String time, String tool, String toolVersion, String rulesSha256, String inputsSha256, List<InputFile> inputs) {}

    static Manifest of(Run run, List<Entry> files, List<Entry> replaced) {
        return new Manifest(VERSION, run.tool(), run.toolVersion(), run.runId(), run.time(), run.rulesSha256(), run.inputsSha256(),
                List.copyOf(run.inputs()), List.copyOf(files), List.copyOf(replaced));
    }

    void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    static Manifest read(Path file) throws IOException {
        Manifest m = JSON.readValue(file.toFile(), Manifest.class);
        if (m.runId() == null || m.files() == null) throw new IOException("不是 dudao 的运行清单");
        return m;
    }

    /** The entry of a file name, or null. */
    public Entry file(String name) {
        for (Entry e : files) if (e.name().equals(name)) return e;
        return null;
    }
}
