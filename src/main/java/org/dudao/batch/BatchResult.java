package org.dudao.batch;

import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.InputFile;
import org.dudao.model.Status;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a batch did: one entry per region (or file), the workbooks it could not use, and its exit code. */
public record BatchResult(long batchId, String startedAt, String finishedAt, String rulesDir, String rulesSha256,
                          String history, List<String> formats, boolean perFile, List<RegionResult> regions,
                          List<FileProblem> problems, List<Duplicate> duplicates, int exitCode) {

    /** The history URL as the summaries show it: a password in it is replaced by ***. */
    public String maskedHistory() {
        return history.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public enum Outcome {
        EVALUATED("已核查"), SKIPPED("未变化，已跳过"), NOT_EVALUATED("无法核查");

        private final String label;

        Outcome(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * One run of the batch. For a skipped region, {@code runId} is the earlier run whose results still
     * stand, and its counts, failures and changes are that run's.
     */
    public record RegionResult(String key, String name, Path folder, Outcome outcome, Long runId, Long previousRunId,
                               Integer year, String yearsPresent, List<InputFile> inputs, int exitCode,
                               Map<Status, Integer> counts, List<StoredVerdict> failures, Changes changes,
                               List<Trend> trend, List<String> problems, List<String> reportFiles) {}

    /** A workbook or input argument that could not be used, and why. */
    public record FileProblem(String file, String reason) {}

    /** A workbook with the same content (SHA-256) as one already taken. */
    public record Duplicate(String file, String sameAs) {}
}
