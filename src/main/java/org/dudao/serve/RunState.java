package org.dudao.serve;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A console run as its folder's {@code run.json} keeps it and {@code GET /api/runs/{id}} shows it:
 * who started it, its inputs (as uploaded, and stored by SHA-256), where it is, and what it gave.
 * Changed only through {@link RunStore#update}, which writes the file; readers get copies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RunState {
    public enum State {
        QUEUED("排队中"), RUNNING("运行中"), DONE("已完成"), FAILED("失败"), INTERRUPTED("已中断");

        private final String label;

        State(String label) { this.label = label; }

        public String label() { return label; }

        public boolean finished() { return this != QUEUED && this != RUNNING; }
    }

    /** A workbook of the run: its name as uploaded, its content type and hash, and what the quick look found in it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Input {
        public String name;
        public String type;
        public String sha256;
        public long bytes;
        /** The file in the run folder: {@code inputs/<sha256>.<type>}. */
        public String stored;
        public List<Integer> years;
        public List<String> regions;
        public Integer regionCount;
        public String problem;
    }

    /** One line of progress: when, which stage, what. */
    public record Step(String at, String stage, String message) {}

    /** An indicator with failures in the run, for the result page. */
    public record Failing(String id, String name, int count, List<String> subjects) {}

    public long id;
    public State state;
    public String user;
    public String createdAt;
    public String startedAt;
    public String finishedAt;
    public Integer year;
    public List<Input> inputs = new ArrayList<>();
    public String regionKey;
    public String regionName;
    public String stage;
    public List<Step> progress = new ArrayList<>();
    public Integer evaluatedYear;
    public Map<String, Integer> counts;
    public Integer exitCode;
    public String message;
    public List<String> problems = new ArrayList<>();
    public List<Failing> failing;
    public Long historyRunId;
    public List<String> reports = new ArrayList<>();
    public List<String> regionReports = new ArrayList<>();
    public String rulesSha256;

    /** The counts by status in the order reports list them, as {@link org.dudao.model.Status#label()} → n. */
    public Map<String, Integer> countsOrEmpty() { return counts == null ? new LinkedHashMap<>() : counts; }
}
