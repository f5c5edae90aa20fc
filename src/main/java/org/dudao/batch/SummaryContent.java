package org.dudao.batch;

import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.InputFile;
import org.dudao.model.Status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What batch-summary.xlsx and batch-summary.html both show, worked out once so the two say the same:
 * the wording of outcomes and exit codes, a region's failing indicators in one line, the changes of
 * every region as rows, and the runs a region's trend spans.
 */
final class SummaryContent {
    /** Entities named in one failing indicator's line; the rest are counted. */
    private static final int ENTITIES_NAMED = 10;

    private SummaryContent() {}

    /** One finding that changed in one region. */
    record ChangeRow(BatchResult.RegionResult region, String kind, Changes.Change change) {}

    /** A run a region's trend has a point for: its id and the year it evaluated. */
    record TrendRun(long runId, int year) {
        String label() { return "#" + runId + "（" + year + "年）"; }
    }

    static String exitMeaning(int code) {
        return switch (code) {
            case 0 -> "全部达标";
            case 1 -> "无不达标，但有预警、数据不足或已豁免";
            case 2 -> "至少一项不达标";
            default -> "有输入找不到或无法读取，或有地区无法核查";
        };
    }

    /** The name to show beside the key, or empty when the region has no name other than its key. */
    static String name(BatchResult.RegionResult r) {
        return r.name() == null || r.key().equals(r.name()) ? "" : r.name();
    }

    static long count(BatchResult b, BatchResult.Outcome o) {
        return b.regions().stream().filter(r -> r.outcome() == o).count();
    }

    /** Verdicts by status over every region of the batch. */
    static Map<Status, Integer> totals(BatchResult b) {
        Map<Status, Integer> t = new EnumMap<>(Status.class);
        for (Status s : Status.values()) t.put(s, 0);
        for (BatchResult.RegionResult r : b.regions()) r.counts().forEach((s, n) -> t.merge(s, n, Integer::sum));
        return t;
    }

    /** {@code FUND-01 名称（2 处：六县 880101、七县 880102）；…}: every failing indicator of a region. */
    static String failingIndicators(BatchResult.RegionResult r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<StoredVerdict>> e : BatchConsole.failingByIndicator(r).entrySet()) {
            List<StoredVerdict> vs = e.getValue();
            String named = vs.stream().limit(ENTITIES_NAMED).map(v -> entity(v)).collect(Collectors.joining("、"));
            if (vs.size() > ENTITIES_NAMED) named += " 等";
            parts.add(e.getKey() + " " + vs.get(0).name() + "（" + vs.size() + " 处：" + named + "）");
        }
        return String.join("；", parts);
    }

    static String entity(StoredVerdict v) {
        return v.entityName() == null || v.entityName().equals(v.entityCode()) ? v.entityCode() : v.entityName() + " " + v.entityCode();
    }

    static String years(BatchResult.RegionResult r) {
        return r.yearsPresent() == null ? "" : r.yearsPresent().replace(",", "、");
    }

    static String files(BatchResult.RegionResult r) {
        return r.inputs().stream().map(InputFile::path).collect(Collectors.joining("；"));
    }

    /** Every change of every region: 新增不达标, 已整改, 新增豁免, then those that can no longer be judged. */
    static List<ChangeRow> changes(BatchResult b) {
        List<ChangeRow> rows = new ArrayList<>();
        for (BatchResult.RegionResult r : b.regions()) {
            for (Changes.Change c : r.changes().newFailures()) rows.add(new ChangeRow(r, "新增不达标", c));
            for (Changes.Change c : r.changes().fixed()) rows.add(new ChangeRow(r, "已整改", c));
            for (Changes.Change c : r.changes().waived()) rows.add(new ChangeRow(r, "新增豁免", c));
            for (Changes.Change c : r.changes().unconfirmed()) rows.add(new ChangeRow(r, "原不达标、现无法判断", c));
        }
        return rows;
    }

    static String statusLabel(StoredVerdict v) {
        return v == null ? "无" : v.status().label();
    }

    static String statusLabel(String statusName) {
        try {
            return Status.valueOf(statusName).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return statusName == null ? "" : statusName;
        }
    }

    /** The runs a region's trend spans, oldest first. */
    static List<TrendRun> runs(BatchResult.RegionResult r) {
        Map<Long, TrendRun> runs = new LinkedHashMap<>();
        for (Trend t : r.trend()) for (Trend.Point p : t.points()) runs.putIfAbsent(p.runId(), new TrendRun(p.runId(), p.year()));
        return runs.values().stream().sorted((a, c) -> Long.compare(a.runId(), c.runId())).toList();
    }

    /** The last {@code n} of a list (all of it when shorter). */
    static <T> List<T> last(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(list.size() - n, list.size());
    }
}
