package org.dudao.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.report.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The console's runs, one folder each under {@code DATA/runs/<id>}: its inputs (named by SHA-256),
 * its reports, and {@code run.json}, its state, rewritten atomically at every change. Opening the
 * store reads every folder back, so a restart keeps every finished run; a run that was queued or
 * running when the server stopped is marked {@link RunState.State#INTERRUPTED}, never finished.
 */
public final class RunStore {
    public static final String STATE_FILE = "run.json";

    private final Path root;
    private final ObjectMapper json;
    private final Map<Long, RunState> runs = new ConcurrentHashMap<>();
    private long lastId;

    private RunStore(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    public static RunStore open(Path root, ObjectMapper json) throws IOException {
        RunStore store = new RunStore(root, json);
        Files.createDirectories(root);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d{1,18}")).toList()) {
                long id = Long.parseLong(dir.getFileName().toString());
                store.lastId = Math.max(store.lastId, id);
                Path file = dir.resolve(STATE_FILE);
                if (!Files.isRegularFile(file)) continue; // a run whose upload never completed
                store.runs.put(id, json.readValue(file.toFile(), RunState.class));
            }
        }
        store.interruptUnfinished();
        return store;
    }

    /**
     * Marks every queued or running run as interrupted: when the server stops, and again when it starts
     * (a stop that left no time to say so). An interrupted run's state is final: the run's own thread,
     * should it go on a moment longer, can no longer make it look finished.
     */
    public void interruptUnfinished() throws IOException {
        for (RunState s : runs.values()) {
            if (s.state.finished()) continue;
            update(s.id, r -> {
                r.state = RunState.State.INTERRUPTED;
                r.stage = RunState.State.INTERRUPTED.label();
                r.message = "服务在本次运行完成前停止，运行未完成，结果不可用；请重新上传评估";
            });
        }
    }

    /** A new run's folder, with the next id; the run exists once {@link #put} records it. */
    public synchronized long allocate() throws IOException {
        long id = ++lastId;
        Files.createDirectories(folder(id));
        return id;
    }

    public void put(RunState state) throws IOException {
        runs.put(state.id, state);
        write(state);
    }

    public Path folder(long id) { return root.resolve(Long.toString(id)); }

    /** Changes a run and writes its state file; an interrupted run is left as it is. */
    public void update(long id, Consumer<RunState> change) throws IOException {
        RunState s = runs.get(id);
        if (s == null) throw new IllegalArgumentException("no run " + id);
        synchronized (s) {
            if (s.state == RunState.State.INTERRUPTED) return;
            change.accept(s);
            write(s);
        }
    }

    /** A copy of the run, safe to read while it goes on. */
    public Optional<RunState> get(long id) {
        RunState s = runs.get(id);
        if (s == null) return Optional.empty();
        synchronized (s) {
            return Optional.of(json.convertValue(s, RunState.class));
        }
    }

    /** Copies of every run, newest first. */
    public List<RunState> all() {
        List<Long> ids = new ArrayList<>(runs.keySet());
        ids.sort(Comparator.reverseOrder());
        List<RunState> out = new ArrayList<>();
        for (long id : ids) get(id).ifPresent(out::add);
        return out;
    }

    /** Deletes a run's folder when its upload was refused before the run was recorded. */
    public void discard(long id) throws IOException {
        runs.remove(id);
        deleteTree(folder(id));
    }

    /** Deletes a folder and everything in it (nothing when it is not there). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private void write(RunState s) throws IOException {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(s);
        AtomicFiles.write(folder(s.id).resolve(STATE_FILE), out -> out.write(bytes));
    }
}
