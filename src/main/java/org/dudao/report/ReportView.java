package org.dudao.report;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.Status;
import org.dudao.model.Tally;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the xlsx, html and docx reports share, gathered in one pass over a {@link Report}'s verdicts
 * (which may be read from disk as they go): the regions in hierarchy order, the region × indicator
 * matrix, counts, and the first few verdicts of each list the reports show. Nothing here grows with
 * the number of verdicts apart from per-region data; the lists stop at what the reports show, and
 * their totals come from the counts. Verdicts arrive sorted by the region hierarchy (the evaluator's
 * order), so first appearance is hierarchy order.
 */
public final class ReportView {
    /** What a matrix cell shows: the worst part's status, observed value and message, not the whole verdict. */
    public record Cell(Status status, String observedText, String message) {
        static Cell of(Verdict v) { return new Cell(v.getStatus(), v.getObservedText(), v.getMessage()); }

        public boolean isFail() { return status == Status.FAIL; }
    }

    /** Receives a region's view; see {@link #byRegion}. */
    @FunctionalInterface
    public interface RegionSink {
        void accept(String region, ReportView view) throws IOException;
    }

    private final Report report;
    private final Tally tally;
    private final boolean counting;
    private final List<String> regions = new ArrayList<>();
    private final Map<String, String> regionNames = new HashMap<>();
    private final Map<String, Cell> cells = new HashMap<>();
    private final Map<String, Map<Status, Integer>> byRegion = new HashMap<>();
    private final Map<EntityKind, Integer> kinds = new EnumMap<>(EntityKind.class);
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final Map<String, List<Verdict>> failuresOf = new HashMap<>();
    private final List<Verdict> failures = new ArrayList<>();
    private final List<Verdict> waived = new ArrayList<>();
    private final List<Verdict> warnings = new ArrayList<>();
    private final WorstFirst worst = new WorstFirst(HtmlReport.DETAIL_LIMIT);
    private final Ranking ranking = new Ranking();
    private final List<DataGaps.Gap> gaps = new ArrayList<>();
    private final DataGaps gapFinder;
    private final Map<String, Integer> failuresByRegion = new HashMap<>();
    private final Map<String, Integer> regionOrder = new HashMap<>();
    private String lastEntity;
    private boolean finished;

    /** The view of the whole run, in one pass over its verdicts. */
    public ReportView(Report report) {
        this(report, v -> {});
    }

    /**
     * The view of the whole run, in one pass over its verdicts that also hands each verdict to
     * {@code alongside}: for a writer that streams every verdict of some kind (xlsx) in the same pass.
     */
    public ReportView(Report report, Consumer<? super Verdict> alongside) {
        this(report, report.evaluation().tally(), false);
        for (Verdict v : report.verdicts()) {
            add(v);
            alongside.accept(v);
        }
        finish();
    }

    private ReportView(Report report, Tally tally, boolean counting) {
        this.report = report;
        this.tally = tally;
        this.counting = counting;
        for (Indicator i : report.catalogue()) indicators.put(i.id(), i);
        this.gapFinder = new DataGaps(report.context().dictionary(), g -> {
            if (gaps.size() < GAP_LIMIT) gaps.add(g);
        });
    }

    /** Rows of the 补报清单 the view keeps; the count of all is {@link #gapCount()}. */
    static final int GAP_LIMIT = 2000;

    /** Ends the pass: the last unit's data gaps are handed on. Called once the view has seen its verdicts. */
    void finish() {
        if (finished) return;
        finished = true;
        gapFinder.finish();
    }

    /** An empty view that counts what it is given: a region's, filled by {@link RegionViews}. */
    static ReportView gathering(Report report) {
        return new ReportView(report, new Tally(), true);
    }

    /**
     * The view of each region with verdicts, covering the region and everything under it (its
     * counties, their schools): what --per-region writes a document for. One pass over the verdicts;
     * a region's view goes to {@code sink} as soon as the verdicts have left its subtree, so a county
     * comes before its city and only the regions above the current verdict are held. Returns the
     * regions in hierarchy order.
     */
    public static List<String> byRegion(Report report, RegionSink sink) throws IOException {
        return RegionViews.each(report, sink);
    }

    void add(Verdict v) {
        if (counting) tally.add(v);
        String code = v.getEntityCode();
        boolean region = v.getKind().isRegion();
        boolean first = region && !regionNames.containsKey(code);
        // an entity's verdicts come together, so a new code is a new entity (a region is counted once whatever the order)
        if (region ? first : !code.equals(lastEntity)) kinds.merge(v.getKind(), 1, Integer::sum);
        lastEntity = code;
        if (first) {
            regionOrder.put(code, regions.size());
            regions.add(code);
            regionNames.put(code, v.getEntityName());
        }
        if (region) {
            byRegion.computeIfAbsent(code, k -> zeros()).merge(v.getStatus(), 1, Integer::sum);
            // An indicator with one verdict per part (BAL-CV-n per 学段) shows its worst part in the matrix.
            cells.merge(key(code, v.getIndicator()), Cell.of(v),
                    (a, b) -> b.status().ordinal() < a.status().ordinal() ? b : a);
        }
        switch (v.getStatus()) {
            case FAIL -> {
                keep(failures, DocxReport.TABLE_LIMIT, v);
                keep(failuresOf.computeIfAbsent(v.getIndicator(), k -> new ArrayList<>()), DocxReport.FINDINGS_LIMIT, v);
                String answerable = regionCode(report.data().entities(), v);
                if (answerable != null) failuresByRegion.merge(answerable, 1, Integer::sum);
            }
            case WAIVED -> keep(waived, DocxReport.WAIVED_LIMIT, v);
            case WARN -> keep(warnings, DocxReport.WARNINGS_LIMIT, v);
            default -> { }
        }
        ranking.add(v);
        gapFinder.accept(v);
        worst.add(v);
    }

    private static void keep(List<Verdict> list, int limit, Verdict v) {
        if (list.size() < limit) list.add(v);
    }

    public Report report() { return report; }

    /** Codes of the regions (province, city, county) that have verdicts, in hierarchy order. */
    public List<String> regions() { return Collections.unmodifiableList(regions); }

    public String regionName(String code) { return regionNames.getOrDefault(code, code); }

    public List<Indicator> indicators() { return report.catalogue(); }

    public Indicator indicator(String id) { return indicators.get(id); }

    /** What the matrix shows for an indicator and region, or null where the indicator gave no verdict. */
    public Cell cell(String region, String indicator) { return cells.get(key(region, indicator)); }

    /** How many verdicts the view covers. */
    public int total() { return Math.toIntExact(tally.total()); }

    /** Verdict counts by status, every status present. */
    public Map<Status, Integer> counts() { return tally.counts(); }

    public Map<Status, Integer> countsOfIndicator(String indicator) { return tally.counts(indicator); }

    /** Counts of a region's own verdicts (not its children's). */
    public Map<Status, Integer> countsOfRegion(String region) {
        return byRegion.getOrDefault(region, zeros());
    }

    /** How many entities of each kind have verdicts, in kind order. */
    public Map<EntityKind, Integer> entityKinds() { return kinds; }

    /** Indicators that failed for at least one entity, in catalogue order. */
    public List<Indicator> failedIndicators() {
        return failed(report.catalogue(), tally);
    }

    /** The indicators of a catalogue that failed somewhere by the counts: known before any pass over the verdicts. */
    static List<Indicator> failed(List<Indicator> catalogue, Tally tally) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : catalogue) if (tally.counts(i.id()).get(Status.FAIL) > 0) out.add(i);
        return out;
    }

    /** The first {@link DocxReport#FINDINGS_LIMIT} failures of an indicator, in hierarchy order; the count is in {@link #countsOfIndicator}. */
    public List<Verdict> firstFailures(String indicator) { return failuresOf.getOrDefault(indicator, List.of()); }

    /** The first {@link DocxReport#TABLE_LIMIT} failures, in hierarchy order. */
    public List<Verdict> firstFailures() { return failures; }

    /** The first {@link DocxReport#WAIVED_LIMIT} waived failures, in hierarchy order. */
    public List<Verdict> firstWaived() { return waived; }

    /** The first {@link DocxReport#WARNINGS_LIMIT} warnings (预警), in hierarchy order. */
    public List<Verdict> firstWarnings() { return warnings; }

    /** The first {@link #GAP_LIMIT} rows of the 补报清单, unit by unit in hierarchy order. */
    List<DataGaps.Gap> firstGaps() { return gaps; }

    /** Rows of the whole 补报清单. */
    int gapCount() { return gapFinder.gaps(); }

    /** Units with values to supply. */
    int gapUnits() { return gapFinder.units(); }

    /** The failed indicators ranked, most units first, each with its worst misses. */
    List<Ranking.Row> ranked() { return ranking.rows(report.catalogue()); }

    /** Units (not verdicts) that failed an indicator. */
    int failedUnits(String indicator) { return ranking.units(indicator); }

    /** The regions answerable for failures (a school's by its county), most failures first, with the number of failures. */
    List<Map.Entry<String, Integer>> failuresByRegion() {
        List<Map.Entry<String, Integer>> out = new ArrayList<>(failuresByRegion.entrySet());
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(e -> regionOrder.getOrDefault(e.getKey(), Integer.MAX_VALUE)));
        return out;
    }

    /** The {@link HtmlReport#DETAIL_LIMIT} worst verdicts: worst status first, hierarchy order within a status. */
    public List<Verdict> worst() { return worst.list(); }

    /** The level label of a region (省, 市, 县). */
    public String regionLevel(String code) {
        Entity e = report.data().entities().get(code);
        return e == null ? "" : e.getLevel();
    }

    /** The region answerable for a verdict: the entity itself when it is a region, else the nearest region above it. */
    public String responsibleRegion(Verdict v) {
        return responsibleRegion(report.data().entities(), v);
    }

    /**
     * The code of the region answerable for a verdict: the entity's own for a region's verdict, else the
     * nearest region above it (or the nearest ancestor the data does not know); null when it has none.
     */
    static String regionCode(Map<String, Entity> all, Verdict v) {
        if (v.getKind().isRegion()) return v.getEntityCode();
        String code = v.getParentCode();
        for (int depth = 0; code != null && depth < 16; depth++) {
            Entity e = all.get(code);
            if (e == null || e.getKind().isRegion()) return code;
            code = e.getParentCode();
        }
        return null;
    }

    /** The name of the region answerable for a verdict (see {@link #regionCode}); "" when there is none. */
    static String responsibleRegion(Map<String, Entity> all, Verdict v) {
        if (v.getKind().isRegion()) return v.getEntityName();
        String code = regionCode(all, v);
        if (code == null) return "";
        Entity e = all.get(code);
        return e == null ? code : e.displayName();
    }

    private static Map<Status, Integer> zeros() {
        Map<Status, Integer> c = new EnumMap<>(Status.class);
        for (Status s : Status.values()) c.put(s, 0);
        return c;
    }

    private static String key(String region, String indicator) { return region + '\u0000' + indicator; }
}
