package org.dudao.cli;

import org.dudao.engine.SessionLimits;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;

/** {@code --time-limit} and {@code --fact-limit}: the bounds on each partition's session (a county with its schools and classes). */
public final class LimitOptions {
    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "每个分区（一个县及其学校、班级）评估的时间上限，秒（默认 600）；超过即停止，以退出码 3 结束并指明规则")
    long seconds = SessionLimits.DEFAULT.time().toSeconds();

    @Option(names = "--fact-limit", paramLabel = "N",
            description = "每个分区中规则可插入的事实（结论）个数上限（默认 5000000）；超过即停止，以退出码 3 结束并指明规则")
    long facts = SessionLimits.DEFAULT.insertions();

    /** The limits asked for, or null (after saying why on {@code err}) when one is not positive. */
    SessionLimits limits(PrintWriter err) {
        if (seconds < 1 || facts < 1) {
            err.println("--time-limit 和 --fact-limit 须为正整数");
            return null;
        }
        return new SessionLimits(Duration.ofSeconds(seconds), facts);
    }
}
