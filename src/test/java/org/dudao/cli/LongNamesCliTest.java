package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.testing.Fixture;
import org.dudao.testing.RegionWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Region names of 80 characters, or 80 characters outside the BMP (4 bytes each), make file names cut to fit, unique and readable. */
class LongNamesCliTest {
    @TempDir Path tmp;

    private static final String CJK = "长".repeat(80);
    private static final String SUPPLEMENTARY = "𠀀".repeat(80); // U+20000, four bytes in UTF-8

    private List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void per_region_drafts_of_regions_with_very_long_names_are_written_each_with_its_code() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        RegionWorkbooks.city(in.resolve("a.xlsx"), "880100", CJK, CJK + "一", CJK + "二", 2024, 100, 90);
        RegionWorkbooks.city(in.resolve("b.xlsx"), "770100", SUPPLEMENTARY, SUPPLEMENTARY + "一", SUPPLEMENTARY, 2024, 100, 90);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("evaluate", "--rules", Fixture.RULES, "--format", "docx", "--per-region", "--out", out.toString(),
                in.resolve("a.xlsx").toString(), in.resolve("b.xlsx").toString());
        assertThat(r.exit()).as(r.err()).isNotEqualTo(ExitCodes.CANNOT_RUN);
        List<String> docx = files(out).stream().filter(n -> n.endsWith(".docx")).toList();
        assertThat(docx).hasSize(6);
        for (String code : List.of("880100", "880101", "880102", "770100", "770101", "770102")) {
            assertThat(docx).as(code).anySatisfy(n -> assertThat(n).startsWith("督导报告-").endsWith("-" + code + ".docx"));
        }
        assertThat(docx).allSatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200));
        assertThat(docx).anySatisfy(n -> assertThat(n).contains("长长长长长长长长长长")).anySatisfy(n -> assertThat(n).contains("𠀀𠀀𠀀𠀀𠀀"));
    }

    @Test
    void a_batch_of_regions_with_very_long_names_gets_a_folder_for_each() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        RegionWorkbooks.city(in.resolve("a.xlsx"), "880100", SUPPLEMENTARY, "一县", "二县", 2024, 100, 90);
        RegionWorkbooks.city(in.resolve("b.xlsx"), "770100", SUPPLEMENTARY, "三县", "四县", 2024, 100, 90);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("batch", "--rules", Fixture.RULES, "--out", out.toString(), "--format", "json,docx", in.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isNotEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(files(out.resolve("regions"))).hasSize(2).allSatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThan(255));
    }
}
