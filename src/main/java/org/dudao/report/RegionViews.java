package org.dudao.report;

import org.dudao.model.Entity;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ReportView#byRegion} in one pass. In report order a region's verdicts come before those of
 * its subtree and the subtree comes in one stretch, so a region's view is opened at its first verdict
 * and handed on at the first verdict outside its subtree. Open at any time are only the regions above
 * the current verdict: a handful of bounded views, not one per region.
 */
final class RegionViews {
    private static final int MAX_DEPTH = 16;

    private final Report report;
    private final ReportView.RegionSink sink;
    private final Map<String, Entity> entities;
    /** Outermost first. */
    private final LinkedHashMap<String, ReportView> open = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();
    private final List<String> opened = new ArrayList<>();

    private RegionViews(Report report, ReportView.RegionSink sink) {
        this.report = report;
        this.sink = sink;
        this.entities = report.data().entities();
    }

    /** Returns the regions in the order their views were opened: hierarchy order. */
    static List<String> each(Report report, ReportView.RegionSink sink) throws IOException {
        RegionViews r = new RegionViews(report, sink);
        r.run();
        return r.opened;
    }

    private void run() throws IOException {
        String entity = null;
        List<ReportView> into = List.of();
        for (Verdict v : report.verdicts()) {
            if (!v.getEntityCode().equals(entity)) { // an entity's verdicts come together: its regions are worked out once
                entity = v.getEntityCode();
                into = enter(v);
            }
            for (ReportView view : into) view.add(v);
        }
        closeAllBut(Set.of());
    }

    /** Hands on the regions the verdict is outside of, opens its own region's view, and returns the views it belongs to. */
    private List<ReportView> enter(Verdict v) throws IOException {
        Set<String> above = lineage(v.getEntityCode());
        closeAllBut(above);
        for (String code : above) {
            if (done.contains(code)) {
                throw new IllegalStateException("结论未按地区层级排列：" + code + " 的下级结论不连续（" + v + "）");
            }
        }
        if (v.getKind().isRegion() && !open.containsKey(v.getEntityCode())) {
            open.put(v.getEntityCode(), ReportView.gathering(report));
            opened.add(v.getEntityCode());
        }
        List<ReportView> into = new ArrayList<>();
        open.forEach((code, view) -> {
            if (above.contains(code)) into.add(view);
        });
        return into;
    }

    /** The entity's code and the codes above it. */
    private Set<String> lineage(String code) {
        Set<String> out = new HashSet<>();
        for (int depth = 0; code != null && depth < MAX_DEPTH; depth++) {
            out.add(code);
            Entity e = entities.get(code);
            code = e == null ? null : e.getParentCode();
        }
        return out;
    }

    /** Hands on every open view not in {@code keep}, innermost first. */
    private void closeAllBut(Set<String> keep) throws IOException {
        List<String> codes = new ArrayList<>(open.keySet());
        for (int i = codes.size() - 1; i >= 0; i--) {
            String code = codes.get(i);
            if (keep.contains(code)) continue;
            done.add(code);
            ReportView view = open.remove(code);
            view.finish();
            sink.accept(code, view);
        }
    }
}
