package org.dudao.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded history: one SQLite file, migrated by Flyway, in WAL mode, safe for concurrent writers. */
class SqliteHistoryTest {
    @TempDir Path tmp;

    private String url() {
        return HistoryStore.defaultUrl(tmp);
    }

    @Test
    void runs_verdicts_and_changes_round_trip() throws Exception {
        try (HistoryStore store = HistoryStore.open(url())) {
            HistoryStoreContract.roundTrip(store);
        }
        assertThat(tmp.resolve("history.db")).exists();
    }

    @Test
    void the_latest_run_of_each_region() throws Exception {
        try (HistoryStore store = HistoryStore.open(url())) {
            HistoryStoreContract.latestRunOfEachRegion(store);
        }
    }

    @Test
    void parts_and_waivers_are_findings_of_their_own() throws Exception {
        try (HistoryStore store = HistoryStore.open(url())) {
            HistoryStoreContract.partsAndWaivers(store);
        }
    }

    @Test
    void a_version_one_database_is_upgraded_in_place() throws Exception {
        HistoryStoreContract.upgradesAVersionOneDatabase(url(), new java.util.Properties());
    }

    @Test
    void the_schema_is_migrated_by_flyway_and_the_file_is_in_wal_mode() throws Exception {
        HistoryStore.open(url()).close();
        HistoryStore.open(url()).close();   // a second open finds the schema current
        try (Connection c = DriverManager.getConnection(url());
             ResultSet rs = c.createStatement().executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            for (String version : new String[]{"1", "2"}) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(version);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
            assertThat(rs.next()).isFalse();
            ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode");
            mode.next();
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void concurrent_writers_on_a_new_file_lose_nothing() throws Exception {
        HistoryStoreContract.concurrentWriters(() -> HistoryStore.open(url()), 4, 15);
    }

    @Test
    void an_unusable_url_is_a_clear_error() throws Exception {
        assertThatThrownBy(() -> HistoryStore.open("not-a-url")).isInstanceOf(HistoryException.class).hasMessageContaining("JDBC URL");
        assertThatThrownBy(() -> HistoryStore.open("jdbc:mysql://localhost/x")).isInstanceOf(HistoryException.class)
                .hasMessageContaining("不支持的数据库");
        Files.writeString(tmp.resolve("garbage.db"), "this is not a database file, just text ".repeat(100));
        assertThatThrownBy(() -> HistoryStore.open("jdbc:sqlite:" + tmp.resolve("garbage.db"))).isInstanceOf(HistoryException.class)
                .hasMessageContaining("无法打开结果历史库");
    }

    @Test
    void a_history_from_a_newer_schema_is_refused_and_never_written() throws Exception {
        HistoryStore.open(url()).close();
        try (Connection c = DriverManager.getConnection(url())) {
            // what a newer dudao leaves: a migration this one does not know
            c.createStatement().executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', "
                    + "0, 'dudao', CURRENT_TIMESTAMP, 0, 1)");
            c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(tmp.resolve("history.db"));
        assertThatThrownBy(() -> HistoryStore.open(url())).isInstanceOf(HistoryException.class)
                .hasMessageContaining("库结构版本为 99").hasMessageContaining("较新版本的 dudao").hasMessageContaining("不会写入");
        assertThat(Files.readAllBytes(tmp.resolve("history.db"))).isEqualTo(before);
    }
}
