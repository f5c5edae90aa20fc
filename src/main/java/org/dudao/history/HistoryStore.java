package org.dudao.history;

import org.dudao.model.InputFile;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The results history: every batch, every run with its inputs and their hashes, the rules hash, and
 * every verdict with its observed value, in a relational database. SQLite (one file, WAL mode, a busy
 * timeout, writes in IMMEDIATE transactions) is the default; any JDBC URL Flyway and a driver on the
 * class path support may be given instead, and PostgreSQL is tested. The schema is created and
 * migrated by Flyway from {@code db/migration/<vendor>} when the store is opened.
 *
 * <p>One connection per store; its methods are synchronized, so the runs of a batch may record
 * themselves from several threads. Other processes writing to the same SQLite file wait for the
 * lock (busy timeout) instead of failing.
 */
public final class HistoryStore implements AutoCloseable {
    /** File name of the default history in the output folder. */
    public static final String DEFAULT_FILE = "history.db";
    /** How long a writer waits for another process's transaction on SQLite, in milliseconds. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private final String url;
    private final Connection connection;

    private HistoryStore(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** The URL of the default history in an output folder: a SQLite file. */
    public static String defaultUrl(Path outDir) {
        return "jdbc:sqlite:" + outDir.toAbsolutePath().normalize().resolve(DEFAULT_FILE);
    }

    /**
     * Opens (creating and migrating when needed) the history at a JDBC URL. Credentials may be given in
     * the URL or in the environment variables {@code DUDAO_HISTORY_USER} and {@code DUDAO_HISTORY_PASSWORD}.
     */
    public static HistoryStore open(String url) throws HistoryException {
        if (!url.startsWith("jdbc:")) throw new HistoryException("历史库地址应为 jdbc:… 形式的 JDBC URL：" + url, null);
        Properties props = new Properties();
        String user = System.getenv("DUDAO_HISTORY_USER");
        String password = System.getenv("DUDAO_HISTORY_PASSWORD");
        if (user != null && !user.isBlank()) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        if (sqlite) {
            props.setProperty("journal_mode", "WAL");
            props.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
            props.setProperty("synchronous", "NORMAL");
            props.setProperty("foreign_keys", "true");
            // Take the write lock when a transaction begins: a deferred one may fail at once with SQLITE_BUSY.
            props.setProperty("transaction_mode", "IMMEDIATE");
        }
        try {
            if (sqlite) migrateSqlite(url, props);
            else migrate(url, props);
            Connection c = DriverManager.getConnection(url, props);
            c.setAutoCommit(false);
            return new HistoryStore(url, c);
        } catch (SQLException | FlywayException e) {
            throw new HistoryException("无法打开结果历史库 " + redact(url) + "：" + firstLine(e.getMessage()), e);
        }
    }

    /**
     * SQLite has no advisory lock for Flyway to take: two batches starting on a new file at once would
     * both try to create the schema, so migrations are serialised with a lock file beside the database
     * (and, within this process, by the method's monitor: a JVM cannot hold one file lock twice).
     */
    private static synchronized void migrateSqlite(String url, Properties props) throws HistoryException {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            migrate(url, props);
            return;
        }
        Path db = Path.of(file).toAbsolutePath();
        try {
            Files.createDirectories(db.getParent());
            Path lockFile = db.resolveSibling(db.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                migrate(url, props);
            }
        } catch (IOException e) {
            throw new HistoryException("无法创建结果历史库 " + db + "：" + e.getMessage(), e);
        }
    }

    private static void migrate(String url, Properties props) {
        Flyway flyway = Flyway.configure(HistoryStore.class.getClassLoader())
                .dataSource(new SimpleDataSource(url, props))
                .locations("classpath:db/migration/" + vendor(url))
                .failOnMissingLocations(true)
                .load();
        refuseNewerSchema(flyway);
        flyway.migrate();
    }

    /**
     * A history a newer dudao has migrated further than this one knows (Flyway would by default ignore
     * the future migrations and write on): refused before anything is written, so that the newer schema
     * is never filled by older code.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] applied = flyway.info().applied();
        String known = null;
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null) {
                known = m.getVersion().getVersion();
            }
        }
        for (MigrationInfo m : applied) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                throw new FlywayException("库结构版本为 " + applied[applied.length - 1].getVersion() + "，由较新版本的 dudao 建立，本程序只认识到版本 "
                        + known + "：为免损坏，不会写入它；请使用较新版本的 dudao，或用 --history 指定另一个历史库");
            }
        }
    }

    /** The migrations folder for a URL: the schemas differ in their identity columns and decimal type. */
    static String vendor(String url) {
        if (url.startsWith("jdbc:sqlite:")) return "sqlite";
        if (url.startsWith("jdbc:postgresql:")) return "postgresql";
        throw new FlywayException("不支持的数据库（支持 SQLite 和 PostgreSQL）");
    }

    public String url() { return url; }

    // ---- writing --------------------------------------------------------------------------------

    /** Records the start of a batch and returns its id. */
    public synchronized long startBatch(String startedAt, String toolVersion, String rulesDir, String rulesSha256, String outDir)
            throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO batch (started_at, tool_version, rules_dir, rules_sha256, out_dir) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, startedAt);
                ps.setString(2, toolVersion);
                ps.setString(3, rulesDir);
                ps.setString(4, rulesSha256);
                ps.setString(5, outDir);
                ps.executeUpdate();
                return key(ps);
            }
        });
    }

    public synchronized void finishBatch(long batchId, String finishedAt, int runs, int skipped, int problems, int exitCode)
            throws HistoryException {
        tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE batch SET finished_at = ?, runs = ?, skipped = ?, problems = ?, exit_code = ? WHERE id = ?")) {
                ps.setString(1, finishedAt);
                ps.setInt(2, runs);
                ps.setInt(3, skipped);
                ps.setInt(4, problems);
                ps.setInt(5, exitCode);
                ps.setLong(6, batchId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records a problem of a batch: a workbook that could not be read, a run that could not be done. */
    public synchronized void problem(long batchId, Long runId, String file, String reason) throws HistoryException {
        tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO problem (batch_id, run_id, file, reason) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, batchId);
                if (runId == null) ps.setNull(2, Types.BIGINT);
                else ps.setLong(2, runId);
                ps.setString(3, file);
                ps.setString(4, reason);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records a run with its inputs and every verdict, in one transaction; returns the run's id. */
    public synchronized long saveRun(long batchId, NewRun run, List<Verdict> verdicts) throws HistoryException {
        return tx(() -> {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status s : Status.values()) counts.put(s, 0);
            for (Verdict v : verdicts) counts.merge(v.getStatus(), 1, Integer::sum);
            long id;
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO run (batch_id, region_key, region_name, started_at, year, years_present, rules_sha256,
                                     inputs_sha256, formats, out_dir, evaluated, exit_code,
                                     n_pass, n_fail, n_warn, n_insufficient, n_not_applicable, n_waived)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                ps.setLong(i++, batchId);
                ps.setString(i++, run.regionKey());
                ps.setString(i++, run.regionName());
                ps.setString(i++, run.startedAt());
                if (run.year() == null) ps.setNull(i++, Types.INTEGER);
                else ps.setInt(i++, run.year());
                ps.setString(i++, run.yearsPresent());
                ps.setString(i++, run.rulesSha256());
                ps.setString(i++, run.inputsSha256());
                ps.setString(i++, run.formats());
                ps.setString(i++, run.outDir());
                ps.setInt(i++, run.evaluated() ? 1 : 0);
                ps.setInt(i++, run.exitCode());
                ps.setInt(i++, counts.get(Status.PASS));
                ps.setInt(i++, counts.get(Status.FAIL));
                ps.setInt(i++, counts.get(Status.WARN));
                ps.setInt(i++, counts.get(Status.INSUFFICIENT_DATA));
                ps.setInt(i++, counts.get(Status.NOT_APPLICABLE));
                ps.setInt(i, counts.get(Status.WAIVED));
                ps.executeUpdate();
                id = key(ps);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO run_input (run_id, seq, file, sha256, bytes) VALUES (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (InputFile in : run.inputs()) {
                    ps.setLong(1, id);
                    ps.setInt(2, seq++);
                    ps.setString(3, in.path());
                    ps.setString(4, in.sha256());
                    ps.setLong(5, in.bytes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO verdict (run_id, seq, indicator, name, level, entity_code, entity_name, part, parent_code, year,
                                         status, observed, observed_text, bound, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int seq = 0;
                for (Verdict v : verdicts) {
                    int i = 1;
                    ps.setLong(i++, id);
                    ps.setInt(i++, seq++);
                    ps.setString(i++, v.getIndicator());
                    ps.setString(i++, v.getName());
                    ps.setString(i++, v.getLevel());
                    ps.setString(i++, v.getEntityCode());
                    ps.setString(i++, v.getEntityName());
                    ps.setString(i++, v.getPart());
                    ps.setString(i++, v.getParentCode());
                    ps.setInt(i++, v.getYear());
                    ps.setString(i++, v.getStatus().name());
                    if (v.getObserved() == null) ps.setNull(i++, Types.NUMERIC);
                    else ps.setBigDecimal(i++, v.getObserved());
                    ps.setString(i++, v.getObservedText());
                    ps.setString(i++, v.getBound());
                    ps.setString(i, v.getMessage());
                    ps.addBatch();
                    if (seq % 1000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    // ---- reading --------------------------------------------------------------------------------

    private static final String RUN_COLUMNS = "id, batch_id, region_key, region_name, started_at, year, years_present, "
            + "rules_sha256, inputs_sha256, formats, out_dir, evaluated, exit_code, n_pass, n_fail, n_warn, n_insufficient, n_not_applicable, n_waived";

    /** The latest evaluated run of a region, before the run {@code beforeId} when not null: what a run is compared with. */
    public synchronized Optional<StoredRun> previousRun(String regionKey, Long beforeId) throws HistoryException {
        return latestRun(regionKey, beforeId, true);
    }

    private Optional<StoredRun> latestRun(String regionKey, Long beforeId, boolean evaluatedOnly) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM run WHERE region_key = ?"
                    + (beforeId == null ? "" : " AND id < ?") + (evaluatedOnly ? " AND evaluated = 1" : "")
                    + " ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, regionKey);
                if (beforeId != null) ps.setLong(2, beforeId);
                List<StoredRun> r = runs(ps);
                return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
            }
        });
    }

    /** The latest run of a region, when it was evaluated from the same inputs with the same rules. */
    public synchronized Optional<StoredRun> unchangedRun(String regionKey, String inputsSha256, String rulesSha256)
            throws HistoryException {
        return latestRun(regionKey, null, false).filter(r -> r.evaluated() && r.inputsSha256().equals(inputsSha256)
                && r.rulesSha256().equals(rulesSha256));
    }

    public synchronized Optional<StoredRun> run(long id) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM run WHERE id = ?")) {
                ps.setLong(1, id);
                List<StoredRun> r = runs(ps);
                return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
            }
        });
    }

    /** The latest runs, newest first. */
    public synchronized List<StoredRun> runs(int limit, String regionKey) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM run"
                    + (regionKey == null ? "" : " WHERE region_key = ?") + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (regionKey != null) ps.setString(i++, regionKey);
                ps.setInt(i, limit);
                return runs(ps);
            }
        });
    }

    /** Every run of a region, oldest first. */
    public synchronized List<StoredRun> runsOfRegion(String regionKey) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM run WHERE region_key = ? ORDER BY id")) {
                ps.setString(1, regionKey);
                return runs(ps);
            }
        });
    }

    /** The latest run of every region, by region key: the console's list of regions with a history. */
    public synchronized List<StoredRun> latestRunOfEachRegion() throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + RUN_COLUMNS
                    + " FROM run WHERE id IN (SELECT MAX(id) FROM run GROUP BY region_key) ORDER BY region_key")) {
                return runs(ps);
            }
        });
    }

    public synchronized List<InputFile> inputs(long runId) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT file, sha256, bytes FROM run_input WHERE run_id = ? ORDER BY seq")) {
                ps.setLong(1, runId);
                List<InputFile> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new InputFile(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
                return out;
            }
        });
    }

    /** The verdicts of a run in the order they were reported. */
    public synchronized List<StoredVerdict> verdicts(long runId) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT run_id, indicator, name, level, entity_code, entity_name, part, parent_code, year, status, observed,
                           observed_text, bound, message FROM verdict WHERE run_id = ? ORDER BY seq""")) {
                ps.setLong(1, runId);
                return verdicts(ps);
            }
        });
    }

    /**
     * The verdicts on regions (省, 市, 县; not schools or classes) of every run of a region, oldest run
     * first: the points of the indicators' trends.
     */
    public synchronized List<StoredVerdict> regionVerdicts(String regionKey) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT v.run_id, v.indicator, v.name, v.level, v.entity_code, v.entity_name, v.part, v.parent_code, v.year,
                           v.status, v.observed, v.observed_text, v.bound, v.message
                    FROM verdict v JOIN run r ON r.id = v.run_id
                    WHERE r.region_key = ? AND v.level IN ('全国', '省', '市', '县')
                    ORDER BY v.run_id, v.seq""")) {
                ps.setString(1, regionKey);
                return verdicts(ps);
            }
        });
    }

    /** A problem recorded for a batch: the file it concerns (null when none) and why. */
    public record Problem(String file, String reason) {}

    /** The problems recorded for a batch. */
    public synchronized List<Problem> problems(long batchId) throws HistoryException {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT file, reason FROM problem WHERE batch_id = ? ORDER BY file, reason")) {
                ps.setLong(1, batchId);
                List<Problem> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Problem(rs.getString(1), rs.getString(2)));
                }
                return out;
            }
        });
    }

    private List<StoredRun> runs(PreparedStatement ps) throws SQLException {
        List<StoredRun> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int yr = rs.getInt("year");
                Integer year = rs.wasNull() ? null : yr;
                out.add(new StoredRun(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("region_key"), rs.getString("region_name"),
                        rs.getString("started_at"), year, rs.getString("years_present"), rs.getString("rules_sha256"),
                        rs.getString("inputs_sha256"), rs.getString("formats"), rs.getString("out_dir"), rs.getInt("evaluated") != 0,
                        rs.getInt("exit_code"), rs.getInt("n_pass"), rs.getInt("n_fail"), rs.getInt("n_warn"),
                        rs.getInt("n_insufficient"), rs.getInt("n_not_applicable"), rs.getInt("n_waived")));
            }
        }
        return out;
    }

    private static List<StoredVerdict> verdicts(PreparedStatement ps) throws SQLException {
        List<StoredVerdict> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String observed = rs.getString(11);
                out.add(new StoredVerdict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), Status.valueOf(rs.getString(10)),
                        observed == null ? null : new BigDecimal(observed), rs.getString(12), rs.getString(13), rs.getString(14)));
            }
        }
        return out;
    }

    // ---- plumbing -------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T tx(Work<T> work) throws HistoryException {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new HistoryException("结果历史库操作失败（" + redact(url) + "）：" + firstLine(e.getMessage()), e);
        }
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("no generated key");
            return keys.getLong(1);
        }
    }

    /** The URL without a password given in it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override public synchronized void close() throws HistoryException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HistoryException("关闭结果历史库失败：" + e.getMessage(), e);
        }
    }
}
