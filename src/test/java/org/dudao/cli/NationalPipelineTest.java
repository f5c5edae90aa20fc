package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dudao.api.ExitCodes;
import org.dudao.engine.VerdictStore;
import org.dudao.load.MetricDictionary;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.synthetic.NationalDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic national set at a tiny scale through the whole pipeline: generate, evaluate merged
 * and workbook by workbook, check every county and school got its verdicts and that both ways give
 * the same report.
 */
class NationalPipelineTest {
    @TempDir static Path tmp;
    static List<Path> files;
    static Dataset data;

    @BeforeAll
    static void generate() throws Exception {
        Cli g = Cli.run("generate", "--scale", "0.001", "--seed", "11", "--out", tmp.resolve("data").toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out()).contains("已生成 31 个工作簿");
        try (var s = Files.list(tmp.resolve("data"))) {
            files = s.sorted().toList();
        }
        data = new WorkbookLoader(MetricDictionary.read(Path.of("rules/metrics.csv"))).load(files).dataset();
    }

    private static String[] args(Path out, String... options) {
        // json unless a test asks for more (a list option adds up: --format all still gives all four)
        List<String> a = new ArrayList<>(List.of("evaluate", "--out", out.toString(), "--format", "json"));
        a.addAll(List.of(options));
        for (Path f : files) a.add(f.toString());
        return a.toArray(String[]::new);
    }

    @Test
    void every_county_and_school_gets_its_verdicts_and_the_run_ends_with_failures_found() throws Exception {
        Path out = tmp.resolve("by-workbook");
        Cli r = Cli.run(args(out, "--by-workbook", "--threads", "2"));
        // the generator makes about one class in ten a big class (56+): CLASS-01 fails somewhere
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Map<String, Set<String>> byEntity = new HashMap<>();
        for (JsonNode v : json.path("verdicts")) {
            byEntity.computeIfAbsent(v.path("entity").asText(), k -> new TreeSet<>()).add(v.path("indicator").asText());
        }
        Set<String> counties = new HashSet<>();
        Set<String> schools = new HashSet<>();
        for (Entity e : data.allEntities()) {
            if (e.getKind() == EntityKind.COUNTY) counties.add(e.getCode());
            if (e.getKind() == EntityKind.SCHOOL) schools.add(e.getCode());
        }
        assertThat(counties).hasSize(NationalDataGenerator.PROVINCES);
        for (String c : counties) {
            assertThat(byEntity.get(c)).as("county " + c)
                    .contains("FUND-01", "FUND-02", "TEACH-01", "KG-01", "CLASS-01", "SPED-01", "SPED-02", "PRIV-01", "DROP-01")
                    .isEqualTo(byEntity.get(counties.iterator().next()));
        }
        for (String s : schools) assertThat(byEntity.get(s)).as("school " + s).contains("CLASS-01", "SPED-02");
        assertThat(json.path("load").path("sheets").size()).isEqualTo(3 * NationalDataGenerator.PROVINCES);
    }

    @Test
    void workbook_by_workbook_gives_the_report_of_the_merged_run() throws Exception {
        Path merged = tmp.resolve("merged");
        Path streamed = tmp.resolve("streamed");
        Cli a = Cli.run(args(merged, "--threads", "2"));
        Cli b = Cli.run(args(streamed, "--by-workbook", "--threads", "2"));
        assertThat(b.exit()).isEqualTo(a.exit());
        assertThat(b.out().replace(streamed.toString(), "OUT")).isEqualTo(a.out().replace(merged.toString(), "OUT"));
        ObjectMapper m = new ObjectMapper();
        ObjectNode ja = (ObjectNode) m.readTree(merged.resolve("report.json").toFile());
        ObjectNode jb = (ObjectNode) m.readTree(streamed.resolve("report.json").toFile());
        ((ObjectNode) ja.path("run")).remove("time");
        ((ObjectNode) jb.path("run")).remove("time");
        assertThat(jb.path("verdicts").size()).isGreaterThan(500);
        assertThat(jb).isEqualTo(ja);
    }

    @Test
    void verdicts_kept_on_disk_give_the_reports_of_verdicts_kept_in_memory() throws Exception {
        Path memory = tmp.resolve("memory");
        Path disk = tmp.resolve("disk");
        Cli a = Cli.run(args(memory, "--by-workbook", "--format", "all"));
        Cli b;
        System.setProperty(VerdictStore.HELD_PROPERTY, "0");
        try {
            b = Cli.run(args(disk, "--by-workbook", "--format", "all"));
        } finally {
            System.clearProperty(VerdictStore.HELD_PROPERTY);
        }
        assertThat(b.exit()).as(b.err()).isEqualTo(a.exit());
        assertThat(b.out().replace(disk.toString(), "OUT")).isEqualTo(a.out().replace(memory.toString(), "OUT"));
        for (String file : List.of("report.json", "report.html")) {
            String ra = Files.readString(memory.resolve(file)).replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:+\\-Z]+", "TIME");
            String rb = Files.readString(disk.resolve(file)).replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:+\\-Z]+", "TIME");
            assertThat(rb).as(file).isEqualTo(ra);
        }
        assertThat(disk.resolve("report.xlsx")).isNotEmptyFile();
        assertThat(disk.resolve(org.dudao.report.DocxReport.FILE)).isNotEmptyFile();
    }

    @Test
    void one_thread_and_two_give_the_same_report_workbook_by_workbook() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Cli.run(args(one, "--by-workbook", "--threads", "1"));
        Cli.run(args(two, "--by-workbook", "--threads", "2"));
        String ra = Files.readString(one.resolve("report.json")).replaceAll("\"time\" ?: ?\"[^\"]*\"", "");
        String rb = Files.readString(two.resolve("report.json")).replaceAll("\"time\" ?: ?\"[^\"]*\"", "");
        assertThat(rb).isEqualTo(ra);
    }

    @Test
    void a_county_split_over_two_workbooks_is_a_run_problem_workbook_by_workbook() throws Exception {
        // the sample gives one workbook per year: every county is in both
        Path out = tmp.resolve("split");
        Cli r = Cli.run("evaluate", "--by-workbook", "--year", "2024", "--out", out.toString(),
                "sample-data/sample-2023.xlsx", "sample-data/sample-2024.xlsx");
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("同时出现在 sample-data/sample-2023.xlsx 和 sample-data/sample-2024.xlsx").contains("县 990101");
    }
}
