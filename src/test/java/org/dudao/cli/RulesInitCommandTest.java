package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dudao rules init DIR}: the built-in rules copied out for an analyst, never over rules already there. */
class RulesInitCommandTest {
    @TempDir Path tmp;

    @Test
    void copies_the_shipped_rules_into_a_new_folder_and_says_how_to_use_them() throws Exception {
        Path copy = tmp.resolve("我的规则");
        Cli r = Cli.run("rules", "init", copy.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(RulesLookupTest.contents(copy)).isEqualTo(RulesLookupTest.contents(Path.of("rules")));
        // the dictionary an analyst edits has the 所属指标 (part-of) column
        assertThat(Files.readString(copy.resolve("metrics.csv"))).startsWith("名称,单位,类型,别名,说明,所属指标\n").contains("\n公办园在园幼儿数,").contains(",在园幼儿数\n");
        long drl;
        try (var s = Files.list(copy)) {
            drl = s.filter(f -> f.toString().endsWith(".drl")).count();
        }
        assertThat(r.out()).contains("复制到 " + copy.toAbsolutePath()).contains("其中规则文件 " + drl + " 个")
                .contains("--rules " + copy.toAbsolutePath()).contains("dudao rules check --rules " + copy.toAbsolutePath());
    }

    @Test
    void refuses_a_folder_that_already_holds_files_and_leaves_them_alone() throws Exception {
        Path edited = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(edited.resolve("10-funding.drl"), "// 已修改");
        Cli r = Cli.run("rules", "init", edited.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("文件夹 " + edited.toAbsolutePath() + " 中已有文件");
        assertThat(Files.readString(edited.resolve("10-funding.drl"))).isEqualTo("// 已修改");
        try (var s = Files.list(edited)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void without_a_folder_it_makes_rules_in_the_working_folder_which_later_runs_use_by_themselves() throws Exception {
        Forked init = Forked.run(tmp, Map.of(), List.of(), "rules", "init");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("在当前目录运行 dudao 时会自动使用这些规则");
        assertThat(tmp.resolve("rules/metrics.csv")).exists();
        Forked list = Forked.run(tmp, Map.of(), List.of(), "rules", "list", "--format", "table");
        assertThat(list.out()).contains("规则：" + tmp.resolve("rules") + "（当前目录下的 rules）");
    }
}
