package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A formula in thresholds.xlsx saved without its result stops rules check --strict and evaluate at its sheet!cell. */
class ThresholdsFormulaCliTest {
    @TempDir Path rules;

    @Test
    void rules_check_and_evaluate_name_the_cell() throws IOException {
        for (String f : List.of("35-balance.drl", "metrics.csv")) Files.copy(Path.of("rules", f), rules.resolve(f));
        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值").row("BAL-1", "小学", Workbooks.formula("4+0.2", null))
                .save(rules.resolve("thresholds.xlsx"));
        Cli check = Cli.run("rules", "check", "--strict", "--rules", rules.toString());
        Cli evaluate = Cli.run("evaluate", "--rules", rules.toString(), "--out", rules.resolve("out").toString(), "sample-data/sample-2024.xlsx");
        for (Cli r : List.of(check, evaluate)) {
            assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
            assertThat(r.err()).contains("thresholds.xlsx 界值!C2").contains("公式");
        }
    }
}
