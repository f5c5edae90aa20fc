package org.dudao.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.api.Rules;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleFolder;
import org.dudao.engine.Waivers;
import org.dudao.history.HistoryStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console serves from: the rule base compiled once at start and shared by every run (it is
 * thread-safe; each run opens its own sessions), the history database {@code batch} also writes,
 * the runs under {@code --data}, the bounded run queue, the users and the logs.
 */
public final class Console implements AutoCloseable {
    private final ConsoleConfig config;
    private final Rules rules;
    private final HistoryStore history;
    private final RunStore runs;
    private final RunQueue queue;
    private final Users users;
    private final Logs logs;
    private final ObjectMapper json;

    public Console(ConsoleConfig config, Rules rules, HistoryStore history, RunStore runs, Users users, Logs logs, ObjectMapper json) {
        this.config = config;
        this.rules = rules;
        this.history = history;
        this.runs = runs;
        this.users = users;
        this.logs = logs;
        this.json = json;
        this.queue = new RunQueue(config.jobs(), config.queue());
    }

    public ConsoleConfig config() { return config; }

    public Rules rules() { return rules; }

    public HistoryStore history() { return history; }

    public RunStore runs() { return runs; }

    public RunQueue queue() { return queue; }

    public Users users() { return users; }

    public Logs logs() { return logs; }

    public ObjectMapper json() { return json; }

    /** Evaluation threads a run gets: the cores shared by the runs that may go at once. */
    int threadsPerRun() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / queue.jobs());
    }

    /** The waiver files in force: the rules folder's, those given with --waivers, and the console's own. */
    public List<Path> waiverFiles() {
        return RuleFolder.waiverFiles(rules.location().folder(), extraWaiverFiles());
    }

    /** The waiver files besides the rules folder's (which the rules apply themselves): --waivers and the console's own. */
    List<Path> extraWaiverFiles() {
        List<Path> files = new ArrayList<>(config.waiverFiles());
        if (Files.isRegularFile(config.consoleWaivers())) files.add(config.consoleWaivers());
        return files;
    }

    /** The waivers as they stand now (read at each run, so one added in the console applies to the next run). */
    public Waivers waivers() throws RuleCompileException {
        return Waivers.read(waiverFiles());
    }

    /** Queues a recorded run; false when the queue is full. */
    public boolean start(long id, User user) {
        return queue.submit(id, new RunJob(this, id, user));
    }

    /** Stops the runs (marking those not done as interrupted), then closes the history and the logs. */
    @Override public void close() throws Exception {
        queue.shutdown();
        runs.interruptUnfinished();
        try (logs; history) {
            // closes both
        }
    }
}
