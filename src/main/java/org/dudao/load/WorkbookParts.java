package org.dudao.load;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Param;
import org.dudao.model.SheetTally;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workbook too large to hold read in parts, each part whole subtrees of the region hierarchy (a
 * province with its cities, counties, schools and classes; a county whose city is not in the
 * workbook with its own): so that a part's roll-ups see every school and class they would see in
 * the whole workbook, and a part's parents are missing exactly when they are missing from the whole.
 * <p>
 * One read of the workbook: every entity and value it yields goes to a temporary file, tagged by
 * the region or school it hangs from (a class by its school), while the parent of every region and
 * school is kept in memory (a few tens of thousands of codes). Then the tags are placed in their
 * subtrees, the subtrees packed into parts of about {@code recordsPerPart} entities and values, and
 * the file copied into one file per part. A part is loaded by replaying its file into a
 * {@link DatasetBuilder}, which checks and merges as it does for a workbook read whole. What is not
 * an entity or a value (the file, sheet tallies, parameters, problems found while reading) goes to
 * the first part. Each part's file is deleted once loaded.
 */
final class WorkbookParts {
    private static final byte ENTITY = 1, METRIC = 2;

    private WorkbookParts() {}

    /** Stage one: what the sheets yield, to disk, tagged; the rest kept in order for the first part. */
    static final class Router extends DatasetBuilder {
        private final DataOutputStream out;
        private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
        private final DataOutputStream data = new DataOutputStream(record);
        /** The parent of every region and school read (classes are leaves: their tag is their school). */
        final Map<String, String> parents = new HashMap<>();
        /** How many records each tag has, in the order first seen. */
        final Map<String, int[]> counts = new LinkedHashMap<>();
        /** What is not an entity or value: InputFile, SheetTally, LoadProblem, Param, in the order given. */
        final List<Object> global = new ArrayList<>();
        private String lastCode, lastTag;
        /** The latest year of any entity row read (0: none). */
        int latestYear;

        Router(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        @Override void input(InputFile f) { global.add(f); }

        @Override void sheet(SheetTally t) { global.add(t); }

        @Override void problem(Severity s, String file, String sheet, String cell, String message) {
            global.add(new LoadProblem(s, file, sheet, cell, message));
        }

        @Override void param(Param p) { global.add(p); }

        @Override void entity(Entity e, int year) {
            String tag;
            if (e.getKind() == EntityKind.CLASS && e.getParentCode() != null) {
                tag = e.getParentCode();
            } else {
                tag = e.getCode();
                String before = parents.get(tag);
                if (before == null || e.getParentCode() != null) parents.put(tag, e.getParentCode() == null ? "" : e.getParentCode());
            }
            lastCode = e.getCode();
            lastTag = tag;
            latestYear = Math.max(latestYear, year);
            try {
                data.writeByte(ENTITY);
                str(data, e.getCode());
                str(data, e.getName());
                data.writeByte(e.getKind().ordinal());
                str(data, e.getParentCode());
                str(data, e.getStage());
                origin(data, e.getOrigin());
                data.writeInt(year);
                write(tag);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        @Override void metric(Metric m) {
            String tag = m.getEntityCode().equals(lastCode) ? lastTag : m.getEntityCode();
            try {
                data.writeByte(METRIC);
                str(data, m.getEntityCode());
                data.writeInt(m.getYear());
                str(data, m.getKey());
                str(data, m.getValue() == null ? null : m.getValue().toString());
                str(data, m.getText());
                str(data, m.getUnit());
                origin(data, m.getOrigin());
                write(tag);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        private void write(String tag) throws IOException {
            counts.computeIfAbsent(tag, k -> new int[1])[0]++;
            str(out, tag);
            out.writeInt(record.size());
            record.writeTo(out);
            record.reset();
        }

        void close() throws IOException { out.close(); }
    }

    /** The subtree a tag hangs from: its highest ancestor among the regions and schools read. */
    static String root(String tag, Map<String, String> parents) {
        String code = tag;
        for (int depth = 0; depth < 32; depth++) { // parent codes that form a cycle stop here
            String parent = parents.get(code);
            if (parent == null || parent.isEmpty() || !parents.containsKey(parent)) return code;
            code = parent;
        }
        return code;
    }

    /**
     * Stage two: each tag's part (subtrees packed in the order first seen, a part closed once it
     * holds {@code recordsPerPart} records), and the records copied into one file per part.
     */
    static List<Path> distribute(Path all, Router r, int recordsPerPart, Path dir) throws IOException {
        Map<String, int[]> roots = new LinkedHashMap<>();
        Map<String, String> rootOf = new HashMap<>();
        for (Map.Entry<String, int[]> t : r.counts.entrySet()) {
            String root = root(t.getKey(), r.parents);
            rootOf.put(t.getKey(), root);
            roots.computeIfAbsent(root, k -> new int[2])[0] += t.getValue()[0];
        }
        int part = 0;
        long inPart = 0;
        for (int[] root : roots.values()) {
            if (inPart > 0 && inPart + root[0] > recordsPerPart) {
                part++;
                inPart = 0;
            }
            root[1] = part;
            inPart += root[0];
        }
        int parts = part + 1;
        Map<String, Integer> partOf = new HashMap<>();
        rootOf.forEach((tag, root) -> partOf.put(tag, roots.get(root)[1]));
        List<Path> files = new ArrayList<>(parts);
        List<DataOutputStream> outs = new ArrayList<>(parts);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(all), 1 << 16))) {
            for (int i = 0; i < parts; i++) {
                Path f = Files.createTempFile(dir, "dudao-part-", ".bin");
                f.toFile().deleteOnExit();
                files.add(f);
                outs.add(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 15)));
            }
            byte[] buffer = new byte[1024];
            while (true) {
                String tag;
                try {
                    tag = str(in);
                } catch (EOFException end) {
                    break;
                }
                int n = in.readInt();
                if (n > buffer.length) buffer = new byte[Math.max(n, buffer.length * 2)];
                in.readFully(buffer, 0, n);
                DataOutputStream o = outs.get(partOf.get(tag));
                o.writeInt(n);
                o.write(buffer, 0, n);
            }
        } finally {
            for (DataOutputStream o : outs) o.close();
        }
        return files;
    }

    /** Loads one part: the global items (first part only), then its records, into {@code b}. */
    static void replay(Path file, List<Object> global, DatasetBuilder b) throws IOException {
        for (Object o : global) {
            if (o instanceof InputFile f) b.input(f);
            else if (o instanceof SheetTally t) b.sheet(t);
            else if (o instanceof LoadProblem p) b.problem(p.severity(), p.file(), p.sheet(), p.cell(), p.message());
            else if (o instanceof Param p) b.param(p);
        }
        Map<String, String> shared = new HashMap<>();
        EntityKind[] kinds = EntityKind.values();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                try {
                    in.readInt();
                } catch (EOFException end) {
                    break;
                }
                byte type = in.readByte();
                if (type == ENTITY) {
                    String code = str(in), name = str(in);
                    EntityKind kind = kinds[in.readByte()];
                    String parent = shared(shared, str(in)), stage = shared(shared, str(in));
                    Origin origin = origin(in, shared);
                    int year = in.readInt();
                    b.entity(Entity.read(code, name, kind, parent, stage, origin, year), year);
                } else {
                    String entity = str(in);
                    int year = in.readInt();
                    String key = shared(shared, str(in)), value = str(in), text = str(in), unit = shared(shared, str(in));
                    b.metric(new Metric(entity, year, key, value == null ? null : new BigDecimal(value), text, unit, origin(in, shared)));
                }
            }
        }
    }

    private static String shared(Map<String, String> shared, String s) {
        if (s == null) return null;
        String before = shared.putIfAbsent(s, s);
        return before == null ? s : before;
    }

    private static void origin(DataOutputStream d, Origin o) throws IOException {
        d.writeBoolean(o != null);
        if (o == null) return;
        str(d, o.getFile());
        str(d, o.getSheet());
        str(d, o.getCell());
    }

    private static Origin origin(DataInputStream in, Map<String, String> shared) throws IOException {
        if (!in.readBoolean()) return null;
        return new Origin(shared(shared, str(in)), shared(shared, str(in)), str(in));
    }

    private static void str(DataOutputStream d, String s) throws IOException {
        if (s == null) {
            d.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
