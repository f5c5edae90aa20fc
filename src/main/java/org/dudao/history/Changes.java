package org.dudao.history;

import org.dudao.model.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed for a region between two runs, finding by finding (indicator and entity):
 * <ul>
 *   <li>新增不达标 {@code newFailures}: fails now, did not fail (or was not there) before;</li>
 *   <li>已整改 {@code fixed}: failed before, passes now (达标 or 预警);</li>
 *   <li>{@code unconfirmed}: failed before and now cannot be judged (数据不足, 不适用, or no verdict at all),
 *       so it is neither counted as fixed nor forgotten;</li>
 *   <li>新增豁免 {@code waived}: failed before and is now covered by a waiver (已豁免): not fixed, and no
 *       longer counted as failing.</li>
 * </ul>
 * A finding is the indicator, the entity and the part (a county's 小学 and 初中 coefficients are two).
 * Runs may evaluate different years (last night's run may be on last year's data): the comparison is
 * of each run's verdicts, whatever their year, and every finding carries both.
 */
public record Changes(Long previousRunId, List<Change> newFailures, List<Change> fixed, List<Change> unconfirmed,
                      List<Change> waived) {

    /** One finding that changed: its verdict before (null when none) and now (null when none). */
    public record Change(StoredVerdict before, StoredVerdict now) {
        public StoredVerdict any() { return now != null ? now : before; }
    }

    public static Changes between(Long previousRunId, List<StoredVerdict> before, List<StoredVerdict> now) {
        Map<String, StoredVerdict> old = new LinkedHashMap<>();
        for (StoredVerdict v : before) old.putIfAbsent(v.key(), v);
        Map<String, StoredVerdict> cur = new LinkedHashMap<>();
        for (StoredVerdict v : now) cur.putIfAbsent(v.key(), v);
        List<Change> newFailures = new ArrayList<>();
        List<Change> fixed = new ArrayList<>();
        List<Change> unconfirmed = new ArrayList<>();
        List<Change> waived = new ArrayList<>();
        for (StoredVerdict v : cur.values()) {
            StoredVerdict b = old.get(v.key());
            if (v.status() == Status.FAIL && (b == null || b.status() != Status.FAIL)) newFailures.add(new Change(b, v));
            if (b != null && b.status() == Status.FAIL && (v.status() == Status.PASS || v.status() == Status.WARN)) fixed.add(new Change(b, v));
            if (b != null && b.status() == Status.FAIL && (v.status() == Status.INSUFFICIENT_DATA || v.status() == Status.NOT_APPLICABLE)) {
                unconfirmed.add(new Change(b, v));
            }
            if (b != null && b.status() == Status.FAIL && v.status() == Status.WAIVED) waived.add(new Change(b, v));
        }
        for (StoredVerdict b : old.values()) {
            if (b.status() == Status.FAIL && !cur.containsKey(b.key())) unconfirmed.add(new Change(b, null));
        }
        return new Changes(previousRunId, newFailures, fixed, unconfirmed, waived);
    }

    /** Changes of a first run: nothing to compare with. */
    public static Changes none() { return new Changes(null, List.of(), List.of(), List.of(), List.of()); }

    /** True for a first run: there was no earlier run to compare with. */
    public boolean firstRun() { return previousRunId == null; }

    /** True when nothing changed that a reader must hear of. */
    public boolean isEmpty() { return newFailures.isEmpty() && fixed.isEmpty() && unconfirmed.isEmpty() && waived.isEmpty(); }
}
