package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** report.xlsx's warm-up (report/XlsxWarmUp) never outlives the command, even one refused at once. */
class EvaluateWarmUpTest {
    @TempDir Path tmp;

    @Test
    void a_run_refused_before_its_work_has_no_warm_up_left_running() {
        Cli r = Cli.run("evaluate", "--out", tmp.resolve("out").toString(), tmp.resolve("没有这个文件.xlsx").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("dudao-xlsx-warm-up") && t.isAlive());
    }
}
