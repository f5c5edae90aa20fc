package org.dudao.report;

import org.dudao.engine.Evaluation;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.InputFile;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report of any format is written from: the run, the load reconciliation, the catalogue,
 * the verdicts, and what the rule base and the run tell besides ({@link ReportContext}).
 */
public record Report(RunInfo run, Dataset data, List<Indicator> catalogue, Evaluation evaluation, List<String> runProblems,
                     ReportContext context) {

    /** A report without a rule base's context: sources and bounds are shown as the rules write them. */
    public Report(RunInfo run, Dataset data, List<Indicator> catalogue, Evaluation evaluation, List<String> runProblems) {
        this(run, data, catalogue, evaluation, runProblems, ReportContext.NONE);
    }

    public List<Verdict> verdicts() { return evaluation.verdicts(); }

    /** Verdicts counted by status, every status present (zero where none). */
    public Map<Status, Integer> counts() {
        return evaluation.tally().counts();
    }

    public Map<Status, Integer> counts(String indicator) {
        return evaluation.tally().counts(indicator);
    }

    /** A workbook given to the run: its hash and size when it could be read from disk, and why it could not be read, if it could not. */
    public record Received(String path, String sha256, Long bytes, String unreadable) {}

    /**
     * Every workbook given to the run, in the order given: those read and those that could not be (one
     * that could not be read is among the inputs when it was there to be hashed, else only among the
     * unreadable).
     */
    public List<Received> received() {
        Map<String, String> why = new LinkedHashMap<>();
        for (ReportContext.Unreadable u : context.unreadable()) why.putIfAbsent(u.file(), u.reason());
        List<Received> out = new ArrayList<>();
        for (InputFile f : data.inputs()) out.add(new Received(f.path(), f.sha256(), f.bytes(), why.remove(f.path())));
        why.forEach((file, reason) -> out.add(new Received(file, null, null, reason)));
        return out;
    }

    /**
     * The run's problems other than the workbooks that could not be read (those are listed with the
     * inputs, named by the file, and not again with their folders).
     */
    public List<String> otherRunProblems() {
        List<String> out = new ArrayList<>(runProblems);
        for (ReportContext.Unreadable u : context.unreadable()) out.remove("无法读取工作簿 " + u.file() + "：" + u.reason());
        return out;
    }

    /** How many workbooks were given to the run, including those that could not be read. */
    public int workbooksReceived() {
        return received().size();
    }
}
