package org.dudao.serve;

import org.dudao.api.Dudao;
import org.dudao.api.Rules;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A console on a free loopback port over the project's rules (compiled once for all the console's tests). */
final class ConsoleFixture {
    private static Rules rules;

    private ConsoleFixture() {}

    static synchronized Rules rules() throws Exception {
        if (rules == null) rules = Dudao.rules(Path.of("rules"));
        return rules;
    }

    static ConsoleConfig config(Path data, long maxUploadBytes, int jobs, int queue) {
        return new ConsoleConfig("127.0.0.1", 0, data, Path.of("rules"), false, "jdbc:sqlite:" + data.resolve("history.db"), jobs, queue,
                maxUploadBytes, Duration.ofMinutes(30), Duration.ofHours(12), List.of(), data.resolve(Users.FILE_NAME));
    }

    static ServeCommand.Running start(ConsoleConfig config) throws Exception {
        StringWriter err = new StringWriter();
        ServeCommand.Running r = ServeCommand.start(config, rules(), new PrintWriter(err, true));
        if (r == null) throw new IllegalStateException("console did not start: " + err);
        return r;
    }

    static Path sample(int year) { return Path.of("sample-data", "sample-" + year + ".xlsx"); }
}
