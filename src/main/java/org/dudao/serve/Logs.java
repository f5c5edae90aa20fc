package org.dudao.serve;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's two logs under {@code --data}, one JSON object a line, appended and flushed per line:
 * {@code access.log}, every request (time, address, user, method, path, status, milliseconds), and
 * {@code audit.log}, every run when it ends (who, which inputs by SHA-256, the rules' hash, the
 * outcome) and every change to users and waivers.
 */
public final class Logs implements AutoCloseable {
    public static final String ACCESS = "access.log";
    public static final String AUDIT = "audit.log";

    private final ObjectMapper json;
    private final Writer access;
    private final Writer audit;

    public Logs(Path dataDir, ObjectMapper json) throws IOException {
        this.json = json;
        this.access = open(dataDir.resolve(ACCESS));
        this.audit = open(dataDir.resolve(AUDIT));
    }

    private static Writer open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public void access(String ip, String user, String method, String path, int status, float ms) {
        Map<String, Object> line = line();
        line.put("ip", ip);
        line.put("user", user);
        line.put("method", method);
        line.put("path", path);
        line.put("status", status);
        line.put("ms", Math.round(ms));
        write(access, line);
    }

    /** A run that ended: done, failed or refused. */
    public void run(RunState r) {
        Map<String, Object> line = line();
        line.put("event", "run");
        line.put("user", r.user);
        line.put("run", r.id);
        line.put("inputs", r.inputs.stream().map(i -> Map.of("name", i.name, "sha256", i.sha256)).toList());
        line.put("rulesSha256", r.rulesSha256);
        line.put("outcome", r.state.name().toLowerCase());
        line.put("exitCode", r.exitCode);
        if (r.message != null) line.put("message", r.message);
        write(audit, line);
    }

    /** A change made by a 管理 user: a user added or removed, a waiver added; or a login, a failed login. */
    public void event(String event, String user, Map<String, ?> details) {
        Map<String, Object> line = line();
        line.put("event", event);
        line.put("user", user);
        line.putAll(details);
        write(audit, line);
    }

    private static Map<String, Object> line() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString());
        return m;
    }

    private void write(Writer w, Map<String, Object> line) {
        try {
            String text = json.writeValueAsString(line);
            synchronized (w) {
                w.write(text);
                w.write('\n');
                w.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() throws IOException {
        access.close();
        audit.close();
    }
}
