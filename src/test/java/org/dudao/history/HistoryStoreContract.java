package org.dudao.history;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.InputFile;
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
                List.of(new InputFile("a.xlsx", "sha-a", 10), new InputFile("b.xlsx", "sha-b", 20)));
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
        assertThat(store.inputs(first)).extracting(InputFile::path).containsExactly("a.xlsx", "b.xlsx");
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

    static Verdict partVerdict(String indicator, String code, String part, Status status, String observed) {
        Entity e = new Entity(code, "六县", EntityKind.COUNTY, "880100", null, new Origin("f.xlsx", "地区", "A2"));
        return Verdict.builder(indicator, e, 2024).name(indicator + " 名称").status(status).part(part)
                .observed(new BigDecimal(observed), observed).bound("<= 0.5").message("说明 " + code + " " + part).build();
    }

    /**
     * A county's 小学 and 初中 coefficients are two findings: 初中 going from 达标 to 不达标 is a new
     * failure while 小学 stays, and the trend draws them as two series. A failure that becomes 已豁免 is
     * counted as waived, neither fixed nor still failing.
     */
    static void partsAndWaivers(HistoryStore store) throws Exception {
        long batch = store.startBatch("2026-01-01T00:00:00Z", "test", "rules", "rules-sha", "/out");
        Verdict fund = verdict("FUND-01", "880101", "六县", Status.FAIL, "80");
        long first = store.saveRun(batch, run("880100", "in-1"), List.of(
                partVerdict("BAL-CV-1", "880101", "小学", Status.PASS, "0.40"),
                partVerdict("BAL-CV-1", "880101", "初中", Status.PASS, "0.41"),
                fund));
        long second = store.saveRun(batch, run("880100", "in-2"), List.of(
                partVerdict("BAL-CV-1", "880101", "小学", Status.PASS, "0.40"),
                partVerdict("BAL-CV-1", "880101", "初中", Status.FAIL, "0.8996"),
                fund.waived(new org.dudao.model.Waiver("FUND-01", "880101", 2024, "审批同意", "督导室", java.time.LocalDate.of(2026, 12, 31), "waivers.csv:2"))));

        List<StoredVerdict> now = store.verdicts(second);
        assertThat(now).extracting(StoredVerdict::part).containsExactly("小学", "初中", null);
        assertThat(now.get(1).subject()).isEqualTo("六县（初中）");
        StoredRun r = store.run(second).orElseThrow();
        assertThat(r.fail()).isEqualTo(1);
        assertThat(r.waived()).isEqualTo(1);
        assertThat(r.verdicts()).isEqualTo(3);

        Changes c = Changes.between(first, store.verdicts(first), now);
        assertThat(c.newFailures()).extracting(x -> x.now().subject()).containsExactly("六县（初中）");
        assertThat(c.waived()).extracting(x -> x.now().indicator()).containsExactly("FUND-01");
        assertThat(c.fixed()).isEmpty();
        assertThat(c.unconfirmed()).isEmpty();

        List<Trend> trend = Trend.of(store.regionVerdicts("880100"));
        Trend primary = trend.stream().filter(t -> "小学".equals(t.part())).findFirst().orElseThrow();
        Trend junior = trend.stream().filter(t -> "初中".equals(t.part())).findFirst().orElseThrow();
        assertThat(primary.points()).extracting(p -> p.observed().toPlainString()).containsExactly("0.40", "0.40");
        assertThat(junior.points()).extracting(p -> p.observed().toPlainString()).containsExactly("0.41", "0.8996");
        assertThat(primary.changed()).isFalse();
        assertThat(junior.changed()).isTrue();
        Trend.Moves moves = Trend.Moves.of(trend);
        assertThat(moves.changed()).extracting(Trend::subject).containsExactly("六县（初中）", "六县");
        assertThat(moves.unchanged()).isEqualTo(1);
    }

    /**
     * A database written by the first schema (no part, no waived count) is migrated in place when opened:
     * its runs stay readable, with no part and no waived failures, and a new run compares with them.
     */
    static void upgradesAVersionOneDatabase(String url, java.util.Properties props) throws Exception {
        org.flywaydb.core.Flyway.configure().dataSource(new SimpleDataSource(url, props))
                .locations("classpath:db/migration/" + HistoryStore.vendor(url)).target("1").load().migrate();
        long oldRun;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, props); java.sql.Statement s = c.createStatement()) {
            // no explicit ids: a PostgreSQL identity column would not advance past them
            s.executeUpdate("INSERT INTO batch (started_at, tool_version, rules_dir, rules_sha256, out_dir) "
                    + "VALUES ('2025-01-01T00:00:00Z', 'old', 'rules', 'rules-sha', '/out')");
            s.executeUpdate("INSERT INTO run (batch_id, region_key, region_name, started_at, year, rules_sha256, inputs_sha256, formats, "
                    + "out_dir, evaluated, exit_code, n_pass, n_fail) SELECT max(id), '880100', '乙市', '2025-01-01T00:00:00Z', 2023, "
                    + "'rules-sha', 'in-0', 'json', '/out', 1, 2, 0, 1 FROM batch");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT max(id) FROM run")) {
                rs.next();
                oldRun = rs.getLong(1);
            }
            s.executeUpdate("INSERT INTO verdict (run_id, seq, indicator, name, level, entity_code, entity_name, parent_code, year, status, "
                    + "observed, observed_text, bound, message) VALUES (" + oldRun + ", 0, 'FUND-01', 'FUND-01 名称', '县', '880101', '六县', "
                    + "'880100', 2023, 'FAIL', 80, '80 万元', '>= 上年', '旧的结论')");
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            StoredRun old = store.run(oldRun).orElseThrow();
            assertThat(old.fail()).isEqualTo(1);
            assertThat(old.waived()).isZero();
            List<StoredVerdict> before = store.verdicts(oldRun);
            assertThat(before).singleElement().satisfies(v -> {
                assertThat(v.part()).isNull();
                assertThat(v.message()).isEqualTo("旧的结论");
            });
            long batch = store.startBatch("2026-01-01T00:00:00Z", "test", "rules", "rules-sha", "/out");
            long next = store.saveRun(batch, run("880100", "in-1"), List.of(verdict("FUND-01", "880101", "六县", Status.PASS, "120")));
            assertThat(store.previousRun("880100", next)).map(StoredRun::id).contains(oldRun);
            Changes c = Changes.between(oldRun, before, store.verdicts(next));
            assertThat(c.fixed()).extracting(x -> x.now().entityCode()).containsExactly("880101");
        }
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

    /** The console's list of regions: one row per region, its latest run, in region order. */
    static void latestRunOfEachRegion(HistoryStore store) throws Exception {
        long batch = store.startBatch("2026-01-01T00:00:00Z", "test", "rules", "rules-sha", "/out");
        long a1 = store.saveRun(batch, run("880200", "in-1"), List.of());
        long b1 = store.saveRun(batch, run("880100", "in-1"), List.of());
        long a2 = store.saveRun(batch, run("880200", "in-2"), List.of());
        assertThat(store.latestRunOfEachRegion()).extracting(StoredRun::id).containsExactly(b1, a2);
        assertThat(a1).isLessThan(a2);
    }
}
