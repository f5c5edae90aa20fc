package org.dudao.cli;

import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistake in rules/thresholds.xlsx stops every command at compile time with exit 3, naming the sheet and cell. */
class ThresholdsCliTest {
    @Test
    void a_mistake_in_the_table_is_exit_3_with_sheet_and_cell(@TempDir Path rules) throws IOException {
        Files.copy(Path.of("rules", "35-balance.drl"), rules.resolve("35-balance.drl"));
        Files.copy(Path.of("rules", "metrics.csv"), rules.resolve("metrics.csv"));
        Workbooks.create().sheet("均衡").row("指标", "学段/层级", "界值").row("BAL-3", "小学", 0.9).row("BAL-3", "高中", 0.9)
                .save(rules.resolve("thresholds.xlsx"));
        Cli r = Cli.run("rules", "list", "--rules", rules.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("thresholds.xlsx") + " 均衡!B3: 未知学段或层级“高中”：指标 BAL-3 的界值分项为 小学、初中")
                .doesNotContain(".drl:");
    }
}
