package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.api.ExitCodes;
import org.dudao.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evaluate} takes folders (their workbooks, sorted, not their subfolders) and globs it expands
 * itself (cmd.exe does not); an input that finds nothing stops the run with its absolute path.
 */
class EvaluateInputsTest {
    @TempDir Path tmp;
    Path data;

    @BeforeEach
    void folderOfWorkbooks() throws IOException {
        data = tmp.resolve("数据");
        Files.createDirectories(data.resolve("旧"));
        Files.copy(Path.of(Fixture.S2024), data.resolve("b-2024.xlsx"));
        Files.copy(Path.of(Fixture.S2023), data.resolve("a-2023.xlsx"));
        // another county, in a subfolder: only a glob with ** reaches it
        Files.writeString(data.resolve("旧/c.csv"), "地区代码,地区名称,层级,年度\n990199,测试县,县,2024\n");
        Files.writeString(data.resolve("说明.txt"), "不是工作簿");
        Files.writeString(data.resolve("~$b-2024.xlsx"), "Excel 的锁文件");
    }

    private Cli evaluate(String... inputs) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--rules", Fixture.RULES, "--format", "json", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(inputs));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> inputsRead() throws IOException {
        List<String> files = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile()).path("run").path("inputs")) {
            files.add(Path.of(f.path("file").asText()).getFileName().toString());
        }
        return files;
    }

    @Test
    void a_folder_gives_its_own_workbooks_sorted_without_subfolders_text_files_or_lock_files() throws IOException {
        Cli r = evaluate(data.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(inputsRead()).containsExactly("a-2023.xlsx", "b-2024.xlsx");
    }

    @Test
    void a_glob_is_expanded_by_dudao_and_a_double_star_reaches_into_subfolders() throws IOException {
        Cli r = evaluate(data + "/*.xlsx");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(inputsRead()).containsExactly("a-2023.xlsx", "b-2024.xlsx");
        Cli deep = evaluate(data + "/**");
        assertThat(deep.exit()).as(deep.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(inputsRead()).containsExactly("a-2023.xlsx", "b-2024.xlsx", "c.csv");
    }

    @Test
    void a_missing_file_and_a_glob_that_finds_nothing_are_named_with_their_absolute_path_and_nothing_is_evaluated() {
        Cli missing = evaluate(data.resolve("b-2024.xlsx").toString(), "sample-data/没有这个文件.xlsx");
        assertThat(missing.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(missing.err()).contains("输入不存在：sample-data/没有这个文件.xlsx（" + Path.of("sample-data/没有这个文件.xlsx").toAbsolutePath() + "）");
        Cli nothing = evaluate(data.resolve("旧") + "/*.xls");
        assertThat(nothing.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(nothing.err()).contains("没有找到工作簿（.xlsx/.xls/.csv）：" + data.resolve("旧") + "/*.xls");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
