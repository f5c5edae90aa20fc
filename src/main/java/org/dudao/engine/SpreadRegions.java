package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regions above the county that no one workbook holds whole, in a run workbook by workbook
 * ({@link StreamingEvaluator}): the nation's row in a workbook of its own beside the provinces', a
 * province whose cities come in workbooks of their own, a city whose counties are in two, and a region
 * whose parent's row is in another workbook. What one workbook concluded for such a region was of a
 * share of its schools and classes, or without its parent's name and values; the region is
 * concluded at the end, its roll-ups over schools and classes tallied in each workbook that holds some
 * of its counties, into which its row, its ancestors' and their values as the whole run has them are copied
 * ({@link #copiedInto}), so that a workbook's tally follows the path the conclusion at the end takes.
 */
final class SpreadRegions {
    /** The spread regions, in the run's order. */
    private final Set<String> codes;
    /** The workbooks that hold counties of a spread region, in the order given. */
    private final List<Path> files;
    private final Map<String, Entity> rows = new LinkedHashMap<>();
    private final List<Metric> values = new ArrayList<>();

    private SpreadRegions(Set<String> codes, List<Path> files, Dataset run) {
        this.codes = codes;
        this.files = files;
        for (String code : codes) {
            for (Entity e = run.entities().get(code); e != null && !rows.containsKey(e.getCode()); e = run.entities().get(e.getParentCode())) {
                rows.put(e.getCode(), e);
            }
        }
        for (Metric m : run.metrics()) if (rows.containsKey(m.getEntityCode())) values.add(m);
    }

    /**
     * The regions above the county of {@code run} (every workbook's regions and values) whose row and counties are
     * not all in one of the workbooks ({@code regionsOf}: each workbook read, or part of one, with the regions it held),
     * or whose parent's row is in none of the workbooks that give theirs (its name and values were not at hand there).
     */
    static SpreadRegions of(Dataset run, List<Map.Entry<Path, Dataset>> regionsOf) {
        Map<String, Set<Path>> rows = new HashMap<>(); // a region above the county: the workbooks with its row
        Map<String, Set<Path>> counties = new HashMap<>(); // … and those with a county under it
        for (Map.Entry<Path, Dataset> w : regionsOf) {
            for (Entity e : w.getValue().allEntities()) {
                if (e.getKind().isAboveCounty()) rows.computeIfAbsent(e.getCode(), k -> new HashSet<>()).add(w.getKey());
                if (e.getKind() != EntityKind.COUNTY) continue;
                int depth = 0; // parent codes that form a cycle must not hang the run
                for (Entity a = run.entities().get(e.getParentCode()); a != null && a.getKind().isAboveCounty() && depth++ < 8; a = run.entities().get(a.getParentCode())) {
                    counties.computeIfAbsent(a.getCode(), k -> new HashSet<>()).add(w.getKey());
                }
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<Path> files = new HashSet<>();
        for (Entity e : run.allEntities()) {
            Set<Path> with = counties.get(e.getCode());
            if (with == null) continue; // no schools or classes under it: the end concludes it from the regions' figures
            Set<Path> all = new HashSet<>(with);
            all.addAll(rows.get(e.getCode()));
            Set<Path> parent = rows.get(e.getParentCode());
            if (all.size() < 2 && (parent == null || !Collections.disjoint(parent, rows.get(e.getCode())))) continue;
            codes.add(e.getCode());
            files.addAll(with);
        }
        List<Path> inOrder = new ArrayList<>();
        for (Map.Entry<Path, Dataset> w : regionsOf) if (files.remove(w.getKey())) inOrder.add(w.getKey());
        return new SpreadRegions(codes, inOrder, run);
    }

    boolean isEmpty() { return codes.isEmpty(); }

    Set<String> codes() { return codes; }

    /** Why these regions are spread, for the progress line and a run problem: 全国、甲省的上级、本级或所辖学校和班级分在不同工作簿中. */
    String said() { return names() + "的上级、本级或所辖学校和班级分在不同工作簿中"; }

    /** The workbooks to read again: those holding counties of a spread region, in the order given. */
    List<Path> files() { return files; }

    /** The spread regions' names, for a message: 全国、甲省, or 全国、省1、省2、省3、省4 等 32 个地区. */
    String names() {
        List<String> names = new ArrayList<>();
        for (String code : codes) names.add(rows.get(code).displayName());
        return Expr.abbreviate(names, "个地区");
    }

    /**
     * {@code workbook} with the spread regions' rows and their ancestors', and their values, as the whole run
     * has them, in place of any the workbook gives: the spread regions can be evaluated there ({@link #subjects()}).
     */
    Dataset copiedInto(Dataset workbook) {
        Map<String, Entity> entities = new LinkedHashMap<>(rows);
        workbook.entities().forEach(entities::putIfAbsent);
        List<Metric> metrics = new ArrayList<>(values);
        for (Metric m : workbook.metrics()) if (!rows.containsKey(m.getEntityCode())) metrics.add(m);
        return new Dataset(entities, metrics, workbook.params(), workbook.inputs(), workbook.sheets(), workbook.problems(), workbook.years());
    }

    /** The spread regions as entities, to be evaluated in a workbook {@link #copiedInto copied into}. */
    List<Entity> subjects() {
        List<Entity> subjects = new ArrayList<>();
        for (String code : codes) subjects.add(rows.get(code));
        return subjects;
    }
}
