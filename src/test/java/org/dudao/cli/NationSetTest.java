package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate --nation}: the nation's rows in a workbook of their own above the 31 provinces, as a national
 * office's files come. Read workbook by workbook, the nation is spread over all of them and concluded from a second
 * reading; the report is the one the workbooks read together give.
 */
class NationSetTest {
    @TempDir Path tmp;

    @Test
    void the_nation_in_a_workbook_of_its_own_gives_the_report_of_the_merged_run() throws Exception {
        Path data = tmp.resolve("data");
        Cli g = Cli.run("generate", "--scale", "0.001", "--seed", "11", "--nation", "--out", data.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out()).contains("已生成 32 个工作簿");
        List<String> files;
        try (var s = Files.list(data)) {
            files = s.map(Path::toString).sorted().toList();
        }
        Path merged = tmp.resolve("merged"), streamed = tmp.resolve("streamed");
        Cli a = Cli.run(args(merged, files));
        Cli b = Cli.run(args(streamed, files, "--by-workbook"));
        assertThat(b.exit()).as(b.err()).isEqualTo(a.exit()).isEqualTo(ExitCodes.FAILED);
        ObjectMapper m = new ObjectMapper();
        ObjectNode ja = (ObjectNode) m.readTree(merged.resolve("report.json").toFile());
        ObjectNode jb = (ObjectNode) m.readTree(streamed.resolve("report.json").toFile());
        ((ObjectNode) ja.path("run")).remove("time");
        ((ObjectNode) jb.path("run")).remove("time");
        List<JsonNode> nation = new ArrayList<>();
        for (JsonNode v : jb.path("verdicts")) if (v.path("entity").asText().equals("000000")) nation.add(v);
        assertThat(nation).isNotEmpty().allSatisfy(v -> assertThat(v.path("level").asText()).isEqualTo("全国"));
        assertThat(jb).isEqualTo(ja);
    }

    @Test
    void the_nation_is_not_made_for_one_workbook() {
        Cli g = Cli.run("generate", "--nation", "--one-workbook", "3", "--out", tmp.resolve("one").toString());
        assertThat(g.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(g.err()).contains("--nation").contains("--one-workbook");
    }

    private static String[] args(Path out, List<String> files, String... options) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--out", out.toString(), "--format", "json", "--threads", "2"));
        a.addAll(List.of(options));
        a.addAll(files);
        return a.toArray(String[]::new);
    }
}
