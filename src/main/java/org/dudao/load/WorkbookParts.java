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
import org.dudao.util.Packed;
import org.dudao.util.TempFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>
 * Parts may instead be bounded by a county ({@link #distribute(Path, Router, int, boolean, Path)}):
 * whole counties with their schools and classes, each part with copies of the regions above its
 * counties (their rows and values, every year), so that a part stays small however large a
 * province is. A region copied into several parts is named by {@link Distributed#shared()}: no one
 * part holds all of what lies beneath it.
 */
final class WorkbookParts {
    private static final byte ENTITY = 1, METRIC = 2;

    private WorkbookParts() {}

    /** Stage one: what the sheets yield, to disk, tagged; the rest kept in order for the first part. */
    static final class Router extends DatasetBuilder {
        private final OutputStream out;
        /** One record at a time, then its tag and length go to {@link #out} before it. */
        private final Packed.Out record = new Packed.Out(256);
        private final Packed.Out frame = new Packed.Out(16);
        /** The parent of every region and school read (classes are leaves: their tag is their school). */
        final Map<String, String> parents = new HashMap<>();
        /** The kind of every region and school read, as first read (as {@link DatasetBuilder} keeps it): for parts by county. */
        final Map<String, EntityKind> kinds = new HashMap<>();
        /** Each tag's number (its index here) and its count of records, in the order first seen. */
        final Map<String, int[]> counts = new LinkedHashMap<>();
        /**
         * The strings that recur in every row (file, sheet, metric, unit, stage), kept once here and
         * written as their number: a few hundred, shared by every part and by every value loaded.
         */
        final Words words = new Words();
        /** What is not an entity or value: InputFile, SheetTally, LoadProblem, Param, in the order given. */
        final List<Object> global = new ArrayList<>();
        private String lastCode;
        private int[] lastTag;
        /** The latest year of any entity row read (0: none). */
        int latestYear;

        Router(Path file) throws IOException {
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16); // made by TempFiles.create
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
                kinds.putIfAbsent(tag, e.getKind());
            }
            lastCode = e.getCode();
            lastTag = tag(tag);
            latestYear = Math.max(latestYear, year);
            record.writeByte(ENTITY);
            record.writeString(e.getCode());
            record.writeString(e.getName());
            record.writeByte(e.getKind().ordinal());
            record.writeString(e.getParentCode());
            record.writeVar(words.id(e.getStage()));
            origin(e.getOrigin());
            record.writeVar(year);
            write(lastTag);
        }

        @Override void metric(Metric m) {
            int[] tag = m.getEntityCode().equals(lastCode) ? lastTag : tag(m.getEntityCode());
            record.writeByte(METRIC);
            record.writeString(m.getEntityCode());
            record.writeVar(m.getYear());
            record.writeVar(words.id(m.getKey()));
            record.writeDecimal(m.getValue());
            record.writeString(m.getText());
            record.writeVar(words.id(m.getUnit()));
            origin(m.getOrigin());
            write(tag);
        }

        private void origin(Origin o) {
            record.writeBoolean(o != null);
            if (o == null) return;
            record.writeVar(words.id(o.getFile()));
            record.writeVar(words.id(o.getSheet()));
            record.writeString(o.getCell());
        }

        private int[] tag(String code) {
            int[] t = counts.get(code);
            if (t == null) counts.put(code, t = new int[] {counts.size(), 0});
            return t;
        }

        private void write(int[] tag) {
            tag[1]++;
            frame.reset();
            frame.writeVar(tag[0]);
            frame.writeVar(record.size());
            try {
                frame.writeTo(out);
                record.writeTo(out);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            record.reset();
        }

        void close() throws IOException { out.close(); }
    }

    /** Strings numbered in the order first seen; number 0 is null. */
    static final class Words {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> list = new ArrayList<>();

        int id(String s) {
            if (s == null) return 0;
            Integer id = ids.get(s);
            if (id != null) return id;
            list.add(s);
            ids.put(s, list.size());
            return list.size();
        }

        String word(int id) throws IOException {
            if (id < 0 || id > list.size()) throw new IOException("暂存数据引用了未知的字符串 " + id);
            return id == 0 ? null : list.get(id - 1);
        }
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
     * A tag's line of ancestors as {@link #root} walks it: the tag, its parent, … up to its root (at
     * most 33 codes: parent codes that form a cycle stop there, and repeat).
     */
    static List<String> ancestry(String tag, Map<String, String> parents) {
        List<String> line = new ArrayList<>(6);
        String code = tag;
        line.add(code);
        for (int depth = 0; depth < 32; depth++) {
            String parent = parents.get(code);
            if (parent == null || parent.isEmpty() || !parents.containsKey(parent)) return line;
            code = parent;
            line.add(code);
        }
        return line;
    }

    /**
     * The county roots in the order a workbook read whole walks the hierarchy (a city's counties one after
     * another, siblings in the order first read), not the order first read: a workbook may list a province's
     * counties city by city or round the cities. A region's tallies are added up in the parts' order
     * ({@code engine.Tallies}), and its lists of classes must come out as a whole read gives them.
     */
    private static Map<String, int[]> inHierarchyOrder(Map<String, int[]> roots, Router r) {
        Map<String, int[]> path = new HashMap<>();
        for (String root : roots.keySet()) {
            List<String> line = ancestry(root, r.parents);
            int[] p = new int[line.size()];
            for (int i = 0; i < p.length; i++) {
                int[] tag = r.counts.get(line.get(line.size() - 1 - i));
                p[i] = tag == null ? Integer.MAX_VALUE : tag[0]; // from the top down, each code by when it was first read
            }
            path.put(root, p);
        }
        List<String> order = new ArrayList<>(roots.keySet());
        order.sort((a, b) -> Arrays.compare(path.get(a), path.get(b)));
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String root : order) out.put(root, roots.get(root));
        return out;
    }

    /** Stage two's result: one file per part, and for each part the regions copied into it that another part holds too. */
    record Distributed(List<Path> files, List<Set<String>> shared) {}

    /** The most part files open at once: more parts are written in further reads of the stage-one file. */
    static final int OPEN_AT_ONCE = 128;

    /**
     * Stage two, in parts of whole provinces (see {@link #root}) or, {@code byCounty}, of whole
     * counties: a tag's root is then the nearest county at or above it; the regions above the counties
     * (nation, province, city) that have a county, school or class beneath them are packed with none
     * of them but copied, every record of theirs, into each part holding one of those (they do not
     * count towards {@code recordsPerPart}); a tag with no county at or above it keeps its highest
     * ancestor as its root, or the highest below the copied regions (a school hanging from a city, a
     * city with nothing beneath it). Subtrees are packed in the order first seen, county parts in the
     * order the hierarchy is walked; a part is closed once it holds {@code recordsPerPart} records.
     * Records reach each part file in the order of the stage-one file.
     */
    static Distributed distribute(Path all, Router r, int recordsPerPart, boolean byCounty, Path dir) throws IOException {
        int tags = r.counts.size();
        String[] rootOf = new String[tags]; // null: a region copied into the parts beneath it
        List<List<String>> copied = new ArrayList<>(tags); // per tag, the copied regions above it (null: none)
        if (byCounty) byCounty(r, rootOf, copied);
        else for (Map.Entry<String, int[]> t : r.counts.entrySet()) rootOf[t.getValue()[0]] = root(t.getKey(), r.parents);
        Map<String, int[]> roots = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> t : r.counts.entrySet()) {
            String root = rootOf[t.getValue()[0]];
            if (root != null) roots.computeIfAbsent(root, k -> new int[2])[0] += t.getValue()[1];
        }
        if (byCounty) roots = inHierarchyOrder(roots, r);
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
        int[][] single = new int[parts][];
        for (int i = 0; i < parts; i++) single[i] = new int[] {i};
        int[][] partsOf = new int[tags][];
        for (int tag = 0; tag < tags; tag++) if (rootOf[tag] != null) partsOf[tag] = single[roots.get(rootOf[tag])[1]];
        List<Set<String>> shared = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) shared.add(new LinkedHashSet<>());
        if (byCounty) {
            Map<String, BitSet> copies = new HashMap<>();
            for (int tag = 0; tag < tags; tag++) {
                if (rootOf[tag] == null || copied.get(tag) == null) continue;
                int p = partsOf[tag][0];
                for (String region : copied.get(tag)) copies.computeIfAbsent(region, k -> new BitSet(parts)).set(p);
            }
            for (Map.Entry<String, int[]> t : r.counts.entrySet()) {
                int tag = t.getValue()[0];
                if (rootOf[tag] != null) continue;
                BitSet in = copies.get(t.getKey()); // never null: what made it copied is beneath it, in a part
                partsOf[tag] = in.stream().toArray();
                if (partsOf[tag].length > 1) for (int p : partsOf[tag]) shared.get(p).add(t.getKey());
            }
        }
        List<Path> files = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) files.add(TempFiles.create(dir, "part", "bin")); // deleted once loaded, else at shutdown
        for (int from = 0; from < parts; from += OPEN_AT_ONCE) copy(all, partsOf, files, from, Math.min(parts, from + OPEN_AT_ONCE));
        List<Set<String>> frozen = new ArrayList<>(parts);
        for (Set<String> s : shared) frozen.add(Collections.unmodifiableSet(s));
        return new Distributed(files, frozen);
    }

    /**
     * Each tag's root in parts by county ({@code rootOf}, null for a region copied into the parts
     * beneath it) and the copied regions above it ({@code copied}, null for none).
     */
    private static void byCounty(Router r, String[] rootOf, List<List<String>> copied) {
        Map<String, String> countyOf = new HashMap<>();
        Set<String> above = new HashSet<>(); // nation, province or city codes with a county, school or class beneath
        for (String tag : r.counts.keySet()) {
            List<String> line = ancestry(tag, r.parents);
            String county = null;
            for (String code : line) {
                if (r.kinds.get(code) == EntityKind.COUNTY) {
                    county = code;
                    break;
                }
            }
            if (county != null) countyOf.put(tag, county);
            if (aboveCounty(r.kinds.get(tag))) continue;
            for (int i = 1; i < line.size(); i++) if (aboveCounty(r.kinds.get(line.get(i)))) above.add(line.get(i));
        }
        above.removeAll(countyOf.keySet()); // a city under a county (sic) goes with that county
        for (String tag : r.counts.keySet()) {
            int index = r.counts.get(tag)[0];
            if (above.contains(tag)) {
                copied.add(null);
                continue;
            }
            List<String> line = ancestry(tag, r.parents);
            List<String> copies = null;
            String top = null; // the highest code below the copied regions: the root of the whole line when none is copied
            for (String code : line) {
                if (above.contains(code)) {
                    if (copies == null) copies = new ArrayList<>(4);
                    if (!copies.contains(code)) copies.add(code);
                } else if (copies == null) {
                    top = code;
                }
            }
            String county = countyOf.get(tag);
            rootOf[index] = county != null ? county : top;
            copied.add(copies);
        }
    }

    /** A code not seen (null) is not above the county. */
    private static boolean aboveCounty(EntityKind kind) {
        return kind != null && kind.isAboveCounty();
    }

    /** One read of the stage-one file, each record copied into the files of its parts from {@code from} to {@code to} (exclusive). */
    private static void copy(Path all, int[][] partsOf, List<Path> files, int from, int to) throws IOException {
        List<OutputStream> outs = new ArrayList<>(to - from);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(all), 1 << 16)) {
            for (int i = from; i < to; i++) outs.add(new BufferedOutputStream(Files.newOutputStream(files.get(i), StandardOpenOption.WRITE), 1 << 15));
            byte[] buffer = new byte[1024];
            while (true) {
                int tag = var(in, true);
                if (tag < 0) break;
                int n = var(in, false);
                if (tag >= partsOf.length || n < 0) throw new IOException("暂存数据已损坏");
                if (n > buffer.length) buffer = new byte[Math.max(n, buffer.length * 2)];
                if (in.readNBytes(buffer, 0, n) != n) throw new EOFException("暂存数据比应有的短");
                for (int p : partsOf[tag]) if (p >= from && p < to) outs.get(p - from).write(buffer, 0, n);
            }
        } finally {
            for (OutputStream o : outs) o.close();
        }
    }

    /** A stage-one frame's number; -1 at the end of the file where {@code endAllowed}. */
    private static int var(InputStream in, boolean endAllowed) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && shift == 0) return -1;
                throw new EOFException("暂存数据比应有的短");
            }
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new IOException("暂存数据已损坏");
    }

    /** Loads one part: the global items (first part only), then its records, into {@code b}. */
    static void replay(Path file, List<Object> global, Words words, DatasetBuilder b) throws IOException {
        for (Object o : global) {
            if (o instanceof InputFile f) b.input(f);
            else if (o instanceof SheetTally t) b.sheet(t);
            else if (o instanceof LoadProblem p) b.problem(p.severity(), p.file(), p.sheet(), p.cell(), p.message());
            else if (o instanceof Param p) b.param(p);
        }
        EntityKind[] kinds = EntityKind.values();
        Map<String, String> parents = new HashMap<>(); // a school's classes share its code as their parent
        Packed.In in = new Packed.In(Files.readAllBytes(file)); // a part is a small share of the heap (see StreamingEvaluator)
        try {
            while (!in.atEnd()) {
                int type = in.readByte();
                if (type == ENTITY) {
                    String code = in.readString(), name = in.readString();
                    EntityKind kind = kinds[in.readByte()];
                    String parent = shared(parents, in.readString()), stage = words.word(in.readVar());
                    Origin origin = origin(in, words);
                    int year = in.readVar();
                    b.entity(Entity.read(code, name, kind, parent, stage, origin, year), year);
                } else if (type == METRIC) {
                    String entity = in.readString();
                    int year = in.readVar();
                    String key = words.word(in.readVar());
                    BigDecimal value = in.readDecimal();
                    String text = in.readString(), unit = words.word(in.readVar());
                    b.metric(new Metric(entity, year, key, value, text, unit, origin(in, words)));
                } else {
                    throw new IOException("暂存数据已损坏（记录类型 " + type + "）");
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("暂存数据已损坏", e);
        }
    }

    private static String shared(Map<String, String> shared, String s) {
        if (s == null) return null;
        String before = shared.putIfAbsent(s, s);
        return before == null ? s : before;
    }

    private static Origin origin(Packed.In in, Words words) throws IOException {
        if (!in.readBoolean()) return null;
        return new Origin(words.word(in.readVar()), words.word(in.readVar()), in.readString());
    }
}
