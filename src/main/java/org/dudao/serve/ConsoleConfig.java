package org.dudao.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the console was started: where it listens, where it keeps runs and history, the rules, how
 * many runs at once and waiting, how large an upload may be, and how long a session lasts.
 *
 * @param waiverFiles waiver files besides {@code RULES/waivers.csv} and {@code DATA/waivers.csv}
 */
public record ConsoleConfig(String bind, int port, Path data, Path rules, boolean trustRules, String historyUrl, int jobs,
                            int queue, long maxUploadBytes, Duration idleSession, Duration maxSession, List<Path> waiverFiles,
                            Path usersFile) {
    /** The waivers the console's 管理 users add, applied with the rules' own. */
    public Path consoleWaivers() { return data.resolve("waivers.csv"); }

    public Path runs() { return data.resolve("runs"); }
}
