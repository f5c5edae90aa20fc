package org.dudao.history;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A throwaway PostgreSQL server for tests, run by the scripts in {@code src/test/pg}. */
public final class PostgresServer {
    private static final Path SCRIPTS = Path.of("src/test/pg");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final int port;
    private final String dir;

    private PostgresServer(int port, String dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts a server, or aborts the calling tests (skipped, with the reason) when none can be started. */
    public static PostgresServer start() {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "PostgreSQL test skipped: the start script needs Linux");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            Assumptions.abort("PostgreSQL test skipped: no free port: " + e.getMessage());
            return null;
        }
        try {
            Path log = Files.createTempFile("dudao-pg-start", ".log");
            Process p = new ProcessBuilder("bash", SCRIPTS.resolve("start-postgres.sh").toString(), Integer.toString(port))
                    .redirectError(log.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(170, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assumptions.abort("PostgreSQL test skipped: the server did not start within 170 s (see " + log + ")");
            }
            String err = Files.readString(log);
            Files.deleteIfExists(log);
            Assumptions.assumeTrue(p.exitValue() == 0,
                    "PostgreSQL test skipped: start-postgres.sh exited " + p.exitValue() + ": " + err.strip());
            String dir = out.lines().filter(l -> l.startsWith("PGTEST_DIR=")).map(l -> l.substring("PGTEST_DIR=".length()))
                    .reduce((a, b) -> b).orElse(null);
            Assumptions.assumeTrue(dir != null, "PostgreSQL test skipped: start-postgres.sh printed no PGTEST_DIR: " + out);
            return new PostgresServer(port, dir);
        } catch (IOException e) {
            Assumptions.abort("PostgreSQL test skipped: cannot run start-postgres.sh: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("PostgreSQL test skipped: interrupted");
            return null;
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=dudao";
    }

    /** A new empty database on the server, and its URL. */
    public String newDatabase() throws SQLException {
        String name = "dudao_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public void stop() {
        try {
            Process p = new ProcessBuilder("bash", SCRIPTS.resolve("stop-postgres.sh").toString(), dir).inheritIO().start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
