package org.dudao.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.cli.Main;
import org.dudao.testing.RegionWorkbooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history on a real PostgreSQL server, started by {@code src/test/pg/start-postgres.sh} (which
 * installs Debian's postgresql when missing) and stopped at the end. Skipped, saying why, where no
 * server can be started. Each test works in a fresh database.
 */
class PostgresHistoryTest {
    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void runs_verdicts_and_changes_round_trip() throws Exception {
        try (HistoryStore store = HistoryStore.open(server.newDatabase())) {
            HistoryStoreContract.roundTrip(store);
        }
    }

    @Test
    void the_latest_run_of_each_region() throws Exception {
        try (HistoryStore store = HistoryStore.open(server.newDatabase())) {
            HistoryStoreContract.latestRunOfEachRegion(store);
        }
    }

    @Test
    void parts_and_waivers_are_findings_of_their_own() throws Exception {
        try (HistoryStore store = HistoryStore.open(server.newDatabase())) {
            HistoryStoreContract.partsAndWaivers(store);
        }
    }

    @Test
    void a_version_one_database_is_upgraded_in_place() throws Exception {
        HistoryStoreContract.upgradesAVersionOneDatabase(server.newDatabase(), new java.util.Properties());
    }

    @Test
    void the_schema_is_migrated_once_and_observed_values_are_numeric() throws Exception {
        String url = server.newDatabase();
        HistoryStore.open(url).close();
        HistoryStore.open(url).close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version IN ('1', '2') AND success");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            rs = s.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = 'verdict' AND column_name = 'observed'");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("numeric");
        }
    }

    @Test
    void a_batch_records_its_runs_and_reports_changes(@TempDir Path tmp) throws Exception {
        String url = server.newDatabase();
        Path in = Files.createDirectories(tmp.resolve("in"));
        RegionWorkbooks.city(in.resolve("2023.xlsx"), 2023, 100, 100);
        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, 120, 90);
        Path out = tmp.resolve("out");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(sink, sink, "batch", "--history", url, "--out", out.toString(), in.toString())).isEqualTo(2);
        RegionWorkbooks.city(in.resolve("2024.xlsx"), 2024, 80, 130);
        assertThat(Main.run(sink, sink, "batch", "--history", url, "--out", out.toString(), in.toString())).isEqualTo(2);
        assertThat(out.resolve("history.db")).doesNotExist();
        JsonNode city = new ObjectMapper().readTree(out.resolve("batch-summary.json").toFile()).path("regions").get(0);
        assertThat(city.path("newFailures").get(0).path("entity").asText()).isEqualTo("880101");
        assertThat(city.path("fixed").get(0).path("entity").asText()).isEqualTo("880102");
        try (HistoryStore store = HistoryStore.open(url)) {
            assertThat(store.runsOfRegion("880100")).hasSize(2);
        }
    }

    @Test
    void concurrent_writers_lose_nothing() throws Exception {
        String url = server.newDatabase();
        HistoryStoreContract.concurrentWriters(() -> HistoryStore.open(url), 3, 10);
    }
}
