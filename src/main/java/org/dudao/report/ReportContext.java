package org.dudao.report;

import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleFolder;
import org.dudao.engine.SourceDocuments;
import org.dudao.load.MetricDictionary;
import org.dudao.load.WorkbookException;
import org.dudao.model.Indicator;
import org.dudao.model.Param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reports say beyond the verdicts and the data, taken from the rule base and the run: the
 * parameters of {@code rules/params.csv}, the metric dictionary (the column a missing value belongs
 * in), the source documents the rules cite ({@code rules/documents.csv}), the area each rule file
 * covers (its first comment line), and the workbooks that could not be read.
 *
 * @param problems what went wrong reading this context (a malformed documents.csv): run problems
 */
public record ReportContext(Map<String, Param> ruleParams, MetricDictionary dictionary, SourceDocuments documents,
                            Map<String, String> areas, List<Unreadable> unreadable, List<String> problems) {
    /** A workbook given to the run that could not be read, and why. */
    public record Unreadable(String file, String reason) {}

    /** No rule base at hand: reports show sources and bounds as the rules write them. */
    public static final ReportContext NONE = new ReportContext(Map.of(), MetricDictionary.empty(), SourceDocuments.NONE,
            Map.of(), List.of(), List.of());

    public ReportContext {
        ruleParams = Map.copyOf(ruleParams);
        areas = Map.copyOf(areas);
        unreadable = List.copyOf(unreadable);
        problems = List.copyOf(problems);
    }

    /** The context of a run with {@code rules}, in which {@code unreadable} could not be read. */
    public static ReportContext of(RuleBase rules, List<WorkbookException> unreadable) {
        List<String> problems = new ArrayList<>();
        SourceDocuments documents;
        try {
            documents = rules.folder().documents();
        } catch (SourceDocuments.Malformed e) {
            problems.add(e.getMessage());
            documents = SourceDocuments.NONE;
        }
        List<Unreadable> bad = new ArrayList<>();
        for (WorkbookException e : unreadable) bad.add(new Unreadable(e.getFile(), e.getMessage()));
        return new ReportContext(rules.params(), rules.dictionary(), documents, areas(rules.folder(), rules.catalogue()), bad, problems);
    }

    /** The area of the rule file an indicator is defined in, or "" when its file has no heading comment. */
    public String area(Indicator i) {
        return i.file() == null ? "" : areas.getOrDefault(i.file(), "");
    }

    /**
     * Each rule file's area, from its first line when that is a comment: {@code // 经费：“两个只增不减”…}
     * gives 经费 (up to the first colon or full stop, without a parenthesis).
     */
    static Map<String, String> areas(RuleFolder folder, List<Indicator> catalogue) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Indicator i : catalogue) {
            if (i.file() == null || out.containsKey(i.file())) continue;
            String source = folder.source(i.file());
            out.put(i.file(), source == null ? "" : area(source.lines().findFirst().orElse("")));
        }
        return out;
    }

    static String area(String firstLine) {
        String s = firstLine.replace("\uFEFF", "").strip();
        if (!s.startsWith("//")) return "";
        s = s.substring(2).strip();
        int end = s.length();
        for (char c : new char[]{'：', ':', '。'}) {
            int at = s.indexOf(c);
            if (at >= 0) end = Math.min(end, at);
        }
        return s.substring(0, end).replaceAll("（[^）]*）", "").strip();
    }
}
