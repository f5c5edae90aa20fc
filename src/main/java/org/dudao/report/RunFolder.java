package org.dudao.report;

import org.dudao.util.Sha256;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A folder holds one run: the reports of one run, listed in its {@link Manifest}. A run stages every
 * file it writes beside its target ({@code .report.json.<run id>.tmp}), publishes the manifest
 * (atomically, the moment the new run takes over the folder), renames the staged files over their
 * targets and removes the previous run's files it did not rewrite. Killed at any point, the folder
 * holds the old run whole (before the manifest) or the new one (after it: what is missing is in the
 * staged files the manifest points at, and {@link #prepare} — run by the next run, or by
 * {@code batch} before it trusts a folder — finishes it).
 * <p>
 * A report-like file no manifest lists (left by something else, or by a dudao without manifests), or a
 * listed one changed since (a draft edited in place), is not overwritten or removed without
 * {@code --force}: the run refuses with the names instead.
 */
public final class RunFolder {
    /** Files a run of dudao writes: the reports (the docx draft is report.docx where Chinese names cannot be written) and the batch summary. */
    private static final Pattern REPORT = Pattern.compile("report\\.(json|json\\.gz|xlsx|html|docx)|督导报告.*\\.docx|batch-summary\\.(json|xlsx|html)");
    /** What a killed writer leaves: {@code .<name>.<anything>.tmp}, for a report or the manifest. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.[^.]+\\.tmp");
    private static final Map<Path, Publication> OPEN = new ConcurrentHashMap<>();
    /** Test hook: the process halts (as kill -9 would) after this many steps of publishing; see the chaos test. */
    private static final long HALT_AFTER = Long.getLong("dudao.test.haltAfterSteps", -1);
    private static final AtomicLong STEPS = new AtomicLong();

    private RunFolder() {}

    /** The folder cannot take a run as asked; the message (Chinese) names the files and the way out. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Makes {@code dir} ready for a run: creates it, finishes or clears what a killed run left, and
     * refuses (unless {@code force}, which removes them) when it holds report files that no manifest
     * lists or that changed since their run wrote them.
     */
    public static void prepare(Path dir, boolean force) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Files.createDirectories(abs);
        Manifest m = recover(abs);
        List<Path> strangers = strangers(abs, m);
        if (strangers.isEmpty()) return;
        if (!force) throw new Refused(refusal(abs, strangers, m));
        for (Path p : strangers) Files.deleteIfExists(p);
    }

    /**
     * The manifest of the run the folder holds, when it holds exactly that run: every file it lists
     * present with its hash, no staged file waiting, no other report file. Empty otherwise (no
     * manifest, a run killed before its end, a file changed or missing, reports of another run beside).
     */
    public static Optional<Manifest> verified(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Manifest m = read(abs);
        if (m == null) return Optional.empty();
        for (Manifest.Entry e : m.files()) {
            Path f = abs.resolve(e.name());
            if (!matches(f, e)) return Optional.empty();
        }
        for (Manifest.Entry e : m.replaced()) if (matches(abs.resolve(e.name()), e)) return Optional.empty();
        return strangers(abs, m).isEmpty() ? Optional.of(m) : Optional.empty();
    }

    /** Starts a run's publication into {@code dir}: until it is committed, {@link AtomicFiles} stages whatever is written there. */
    public static Publication begin(Path dir, Manifest.Run run) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        prepare(abs, false);
        Publication p = new Publication(abs, run, read(abs));
        if (OPEN.putIfAbsent(abs, p) != null) throw new Refused("输出目录 " + abs + " 正被本程序的另一次运行写入");
        return p;
    }

    /** The publication open for a folder, or null. */
    static Publication open(Path dir) {
        return OPEN.isEmpty() ? null : OPEN.get(dir.toAbsolutePath().normalize());
    }

    /** True for the name of a file a run writes (a report or the batch summary). */
    public static boolean isReport(String name) {
        return REPORT.matcher(name).matches();
    }

    // ---- recovery -------------------------------------------------------------------------------

    /** Finishes a published run (staged files renamed, the replaced ones removed), clears temporaries; returns the manifest. */
    private static Manifest recover(Path dir) throws IOException {
        Manifest m = read(dir);
        if (m != null) {
            for (Manifest.Entry e : m.files()) {
                Path target = dir.resolve(e.name());
                Path staged = staged(dir, e.name(), m.runId());
                if (Files.isRegularFile(staged) && !matches(target, e) && Sha256.of(staged).equals(e.sha256())) {
                    AtomicFiles.move(staged, target);
                }
            }
            for (Manifest.Entry e : m.replaced()) {
                Path old = dir.resolve(e.name());
                if (matches(old, e)) Files.deleteIfExists(old);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                var t = TEMPORARY.matcher(f.getFileName().toString());
                if (t.matches() && (isReport(t.group(1)) || t.group(1).equals(Manifest.FILE_NAME)) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return m;
    }

    /** Report files the manifest does not list, or lists with another hash. */
    private static List<Path> strangers(Path dir, Manifest m) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!isReport(name) || !Files.isRegularFile(f)) continue;
                Manifest.Entry e = m == null ? null : m.file(name);
                if (e == null || !matches(f, e)) out.add(f);
            }
        }
        out.sort(null);
        return out;
    }

    private static String refusal(Path dir, List<Path> strangers, Manifest m) {
        List<String> names = strangers.stream().limit(5).map(p -> p.getFileName().toString()).toList();
        String some = String.join("、", names) + (strangers.size() > 5 ? " 等 " + strangers.size() + " 个文件" : "");
        String why = m == null ? "这些报告不是 dudao 的运行清单（" + Manifest.FILE_NAME + "）所列的，可能来自别的程序或较早版本的 dudao"
                : "这些报告不在上一次运行的清单（" + Manifest.FILE_NAME + "）中，或写出后已被修改";
        return "输出目录 " + dir + " 中有 " + some + "：" + why + "。为免两次运行的报告混在一起，本次不写入："
                + "请换一个 --out 目录、移走这些文件，或加 --force（会删除它们）";
    }

    /**
     * Whether {@code file} is the one the manifest lists: of its size and, unless its time of last change is the one its run left
     * (the quick check of make and rsync; a renamed file keeps its time), of its hash. Reading a national report.json (4 GB) again
     * on every run into its folder cost 20 s.
     */
    private static boolean matches(Path file, Manifest.Entry e) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != e.size()) return false;
        if (e.modified() != null && e.modified().equals(Files.getLastModifiedTime(file).toString())) return true;
        return Sha256.of(file).equals(e.sha256());
    }

    private static Manifest read(Path dir) throws IOException {
        Path f = dir.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(f)) return null;
        try {
            return Manifest.read(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // a manifest that does not read lists nothing: every report beside it is a stranger
            return null;
        }
    }

    static Path staged(Path dir, String name, String runId) {
        return dir.resolve("." + name + "." + runId + ".tmp");
    }

    static void step() {
        if (HALT_AFTER > 0 && STEPS.incrementAndGet() == HALT_AFTER) Runtime.getRuntime().halt(137);
    }

    // ---- publishing -----------------------------------------------------------------------------

    /** One run's files on their way into a folder. */
    public static final class Publication implements AutoCloseable {
        private final Path dir;
        private final Manifest.Run run;
        private final Manifest previous;
        private final Map<String, Manifest.Entry> staged = new LinkedHashMap<>();
        private boolean committed;

        private Publication(Path dir, Manifest.Run run, Manifest previous) {
            this.dir = dir;
            this.run = run;
            this.previous = previous;
        }

        /** Writes a target's content to its staged file (called by {@link AtomicFiles#write} for files in this folder). */
        synchronized void stage(Path target, AtomicFiles.Writer writer) throws IOException {
            String name = target.getFileName().toString();
            Path file = staged(dir, name, run.runId());
            try {
                AtomicFiles.Content c = AtomicFiles.writeTo(file, target, writer);
                staged.put(name, new Manifest.Entry(name, c.size(), c.sha256(), Manifest.Entry.formatOf(name),
                        Files.getLastModifiedTime(file).toString()));
            } catch (IOException | RuntimeException | Error e) {
                Files.deleteIfExists(file);
                throw e;
            }
            step();
        }

        /** Publishes the run: the manifest, then the files, then the previous run's files not rewritten are removed. Returns the files. */
        public synchronized List<Path> commit() throws IOException {
            List<Manifest.Entry> replaced = new ArrayList<>();
            if (previous != null) {
                for (Manifest.Entry e : previous.files()) if (!staged.containsKey(e.name())) replaced.add(e);
            }
            Manifest m = Manifest.of(run, List.copyOf(staged.values()), replaced);
            Path tmp = staged(dir, Manifest.FILE_NAME, run.runId());
            AtomicFiles.writeTo(tmp, dir.resolve(Manifest.FILE_NAME), m::write);
            AtomicFiles.move(tmp, dir.resolve(Manifest.FILE_NAME));
            committed = true;
            step();
            List<Path> files = new ArrayList<>();
            for (String name : staged.keySet()) {
                Path target = dir.resolve(name);
                AtomicFiles.move(staged(dir, name, run.runId()), target);
                files.add(target);
                step();
            }
            for (Manifest.Entry e : replaced) {
                Path old = dir.resolve(e.name());
                if (matches(old, e)) Files.deleteIfExists(old);
                step();
            }
            return files;
        }

        /** Ends the publication; one not committed leaves the folder as it was (its staged files removed). */
        @Override public synchronized void close() throws IOException {
            OPEN.remove(dir, this);
            if (committed) return;
            for (String name : staged.keySet()) Files.deleteIfExists(staged(dir, name, run.runId()));
        }
    }
}
