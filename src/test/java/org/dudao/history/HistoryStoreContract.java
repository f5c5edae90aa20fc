package org.dudao.history;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Origin;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every history database must do; run on SQLite and on PostgreSQL. */
final class HistoryStoreContract {
    private HistoryStoreContract() {}

    static Verdict verdict(String indicator, String code, String name, Status status, String observed) {
        Entity e = new Entity(code, name, EntityKind.COUNTY, "880100", null, new Origin("f.xlsx", "地区", "A2"));
        return Verdict.builder(indicator, e, 2024).name(indicator + " 名称").status(status)
                .observed(observed == null ? null : new BigDecimal(observed), observed == null ? null : observed + " 万元")
                .bound(">= 上年").message("说明 " + code).build();
    }

    static NewRun run(String region, String inputsSha) {
        return new NewRun(region, "乙市", "2026-01-01T00:00:00Z", 2024, "2023,2024", "rules-sha", inputsSha, "json", "/out/x", true, 2,
                List.of(new NewRun.Input("a.xlsx", "sha-a", 10), new NewRun.Input("b.xlsx", "sha-b", 20)));
    }

    /** Round trip: a run with inputs and verdicts comes back exactly, decimals without rounding. */
    static void roundTrip(HistoryStore store) throws Exception {
        long batch = store.startBatch("2026-01-01T00:00:00Z", "test", "rules", "rules-sha", "/out");
        long first = store.saveRun(batch, run("880100", "in-1"), List.of(
                verdict("FUND-01", "880101", "六县", Status.PASS, "120"),
                verdict("FUND-01", "880102", "七县", Status.FAIL, "12301.5873015873015873015873"),
                verdict("KG-01", "880101", "六县", Status.INSUFFICIENT_DATA, null)));
        store.problem(batch, first, "坏.xlsx", "不是 Excel 工作簿");
        store.finishBatch(batch, "2026-01-01T00:01:00Z", 1, 0, 1, 3);

        StoredRun r = store.run(first).orElseThrow();
        assertThat(r.regionKey()).isEqualTo("880100");
        assertThat(r.year()).isEqualTo(2024);
        assertThat(r.fail()).isEqualTo(1);
        assertThat(r.pass()).isEqualTo(1);
        assertThat(r.insufficient()).isEqualTo(1);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(store.inputs(first)).extracting(StoredRun.Input::file).containsExactly("a.xlsx", "b.xlsx");
        List<StoredVerdict> vs = store.verdicts(first);
        assertThat(vs).extracting(StoredVerdict::entityCode).containsExactly("880101", "880102", "880101");
        assertThat(vs.get(1).observed()).isEqualByComparingTo("12301.5873015873015873015873");
        assertThat(vs.get(2).observed()).isNull();
        assertThat(store.problems(batch)).hasSize(1);

        assertThat(store.unchangedRun("880100", "in-1", "rules-sha")).map(StoredRun::id).contains(first);
        assertThat(store.unchangedRun("880100", "in-2", "rules-sha")).isEmpty();
        assertThat(store.unchangedRun("880100", "in-1", "other-rules")).isEmpty();

        long second = store.saveRun(batch, run("880100", "in-2"), List.of(
                verdict("FUND-01", "880101", "六县", Status.FAIL, "80"),
                verdict("FUND-01", "880102", "七县", Status.PASS, "130")));
        assertThat(store.previousRun("880100", second)).map(StoredRun::id).contains(first);
        assertThat(store.previousRun("880100", null)).map(StoredRun::id).contains(second);
        Changes c = Changes.between(first, store.verdicts(first), store.verdicts(second));
        assertThat(c.newFailures()).extracting(x -> x.now().entityCode()).containsExactly("880101");
        assertThat(c.fixed()).extracting(x -> x.now().entityCode()).containsExactly("880102");
        List<Trend> trend = Trend.of(store.regionVerdicts("880100"));
        assertThat(trend).extracting(Trend::entityCode).containsExactly("880101", "880102");
        assertThat(trend.get(0).points()).extracting(p -> p.observed().toPlainString()).containsExactly("120", "80");
        assertThat(store.runs(10, null)).extracting(StoredRun::id).containsExactly(second, first);
        assertThat(store.runsOfRegion("880100")).hasSize(2);
    }

    /** Several writers at once (threads with their own connections, as separate processes would be): nothing lost. */
    static void concurrentWriters(java.util.concurrent.Callable<HistoryStore> opener, int writers, int runsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    try (HistoryStore s = opener.call()) {
                        long batch = s.startBatch("2026-01-01T00:00:00Z", "test", "rules", "rules-sha", "/out");
                        for (int i = 0; i < runsEach; i++) {
                            List<Verdict> vs = new ArrayList<>();
                            for (int k = 0; k < 50; k++) vs.add(verdict("FUND-01", "88" + writer + k, "县" + k, Status.PASS, Integer.toString(k)));
                            ids.add(s.saveRun(batch, run("region-" + writer, "in-" + i), vs));
                        }
                    }
                    return ids;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) all.addAll(f.get());
            assertThat(all).doesNotHaveDuplicates().hasSize(writers * runsEach);
            try (HistoryStore s = opener.call()) {
                for (int w = 0; w < writers; w++) assertThat(s.runsOfRegion("region-" + w)).hasSize(runsEach);
                assertThat(s.verdicts(all.get(0))).hasSize(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
