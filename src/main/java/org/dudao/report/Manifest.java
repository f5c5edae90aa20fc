package org.dudao.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.dudao.model.InputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code manifest.json}: what one run wrote into its folder, published last. It names the run (id,
 * time, tool, the rules' hash and the inputs with their hashes) and every file with its size, SHA-256
 * and format; {@code replaced} lists the files of the previous run this one did not rewrite, which it
 * removes (so that a run killed while removing them is finished by the next). A file in the folder
 * belongs to the run when the manifest lists it with the same hash.
 * <p>
 * Read and written with Jackson's streaming parser and generator, in the form its object mapper gave
 * (fields in the records' order, indented, unknown fields ignored): the mapper's first use costs
 * 0.3–0.5 s of class loading and introspection, and every run reads or writes a manifest.
 */
public record Manifest(int version, String tool, String toolVersion, String runId, String time, String rulesSha256, String inputsSha256,
                       List<InputFile> inputs, List<Entry> files, List<Entry> replaced) {
    public static final String FILE_NAME = "manifest.json";
    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    /** A file the run wrote: its name in the folder, size, SHA-256 and format ({@code json}, {@code xlsx}, {@code html}, {@code docx}). */
    /**
     * A file a run wrote: its name, size, SHA-256, format, and the time it was last changed as its run left it ({@code modified},
     * null in older manifests): a file of that size and time is taken as the run's without being read again.
     */
    public record Entry(String name, long size, String sha256, String format, String modified) {
        public Entry(String name, long size, String sha256, String format) {
            this(name, size, sha256, format, null);
        }

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
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeNumberField("version", version);
            g.writeStringField("tool", tool);
            g.writeStringField("toolVersion", toolVersion);
            g.writeStringField("runId", runId);
            g.writeStringField("time", time);
            g.writeStringField("rulesSha256", rulesSha256);
            g.writeStringField("inputsSha256", inputsSha256);
            writeList(g, "inputs", inputs, (i, gen) -> {
                gen.writeStringField("path", i.path());
                gen.writeStringField("sha256", i.sha256());
                gen.writeNumberField("bytes", i.bytes());
            });
            writeList(g, "files", files, Manifest::writeEntry);
            writeList(g, "replaced", replaced, Manifest::writeEntry);
            g.writeEndObject();
        }
    }

    private interface Fields<T> {
        void write(T value, JsonGenerator g) throws IOException;
    }

    private static <T> void writeList(JsonGenerator g, String name, List<T> list, Fields<T> fields) throws IOException {
        g.writeFieldName(name);
        if (list == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T t : list) {
            g.writeStartObject();
            fields.write(t, g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeEntry(Entry e, JsonGenerator g) throws IOException {
        g.writeStringField("name", e.name());
        g.writeNumberField("size", e.size());
        g.writeStringField("sha256", e.sha256());
        g.writeStringField("format", e.format());
        g.writeStringField("modified", e.modified());
    }

    static Manifest read(Path file) throws IOException {
        Map<String, Object> m;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("不是 dudao 的运行清单");
            m = fields(p);
        }
        if (!(m.get("runId") instanceof String runId) || !(m.get("files") instanceof List<?>)) throw new IOException("不是 dudao 的运行清单");
        return new Manifest(m.get("version") instanceof Number n ? n.intValue() : 0, text(m, "tool"), text(m, "toolVersion"), runId,
                text(m, "time"), text(m, "rulesSha256"), text(m, "inputsSha256"),
                list(m, "inputs", f -> new InputFile(text(f, "path"), text(f, "sha256"), number(f, "bytes"))),
                list(m, "files", Manifest::entry), list(m, "replaced", Manifest::entry));
    }

    private static Entry entry(Map<String, Object> f) {
        return new Entry(text(f, "name"), number(f, "size"), text(f, "sha256"), text(f, "format"), text(f, "modified"));
    }

    /** An object's fields as strings, numbers, lists of objects (as maps) and null; anything else is skipped. */
    private static Map<String, Object> fields(JsonParser p) throws IOException {
        Map<String, Object> out = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING) out.put(name, p.getText());
            else if (t == JsonToken.VALUE_NUMBER_INT) out.put(name, p.getLongValue());
            else if (t == JsonToken.START_ARRAY) out.put(name, objects(p));
            else if (t != JsonToken.VALUE_NULL) p.skipChildren();
        }
        return out;
    }

    private static List<Map<String, Object>> objects(JsonParser p) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t == null) throw new IOException("运行清单不完整");
            if (t == JsonToken.START_OBJECT) out.add(fields(p));
            else p.skipChildren();
        }
        return out;
    }

    private static String text(Map<String, Object> m, String name) {
        return m.get(name) instanceof String s ? s : null;
    }

    private static long number(Map<String, Object> m, String name) {
        return m.get(name) instanceof Number n ? n.longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> m, String name, Function<Map<String, Object>, T> each) {
        if (!(m.get(name) instanceof List<?> l)) return null;
        List<T> out = new ArrayList<>();
        for (Object o : l) out.add(each.apply((Map<String, Object>) o));
        return List.copyOf(out);
    }

    /** The entry of a file name, or null. */
    public Entry file(String name) {
        for (Entry e : files) if (e.name().equals(name)) return e;
        return null;
    }
}
