package org.dudao.engine;

import org.dudao.ast.ConsequenceCalls;
import org.dudao.ast.Rule;
import org.dudao.ast.RuleFile;
import org.dudao.ast.RuleFiles;
import org.dudao.load.MetricDictionary;
import org.dudao.model.Indicator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rule files against the catalogue, the metric dictionary and the two catalogue documents. */
class CatalogueTest {
    static final Set<String> PATTERNS = Set.of("threshold", "no-decrease", "no-rebound", "change-by", "zero", "conditional",
            "coverage", "share-of-children", "dispersion", "target-progress", "task");

    /** The shipped rule files, parsed. */
    private static List<RuleFile> drls() throws IOException {
        List<RuleFile> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                RuleFile f = RuleFiles.read(p);
                assertThat(f.errors()).as("parse errors of %s", p).isEmpty();
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void every_rule_has_complete_metadata_and_its_indicator_is_in_the_catalogue() throws IOException {
        RuleBase rb = Rules.shipped();
        Set<String> catalogue = rb.catalogue().stream().map(Indicator::id).collect(Collectors.toSet());
        Set<String> firstRules = new TreeSet<>();
        int rules = 0;
        for (RuleFile f : drls()) {
            for (Rule r : f.rules()) {
                rules++;
                String name = r.name();
                List<String> keys = r.metadata().stream().map(Rule.Metadata::key).toList();
                String id = r.meta("id");
                assertThat(id).as("@id of rule %s in %s", name, f.path()).isNotBlank();
                assertThat(catalogue).as("catalogue has the indicator of rule %s", name).contains(id);
                if (firstRules.add(id)) {
                    // the first rule of an indicator says everything; roll-up rules after it may inherit
                    assertThat(keys).as("metadata of %s", name).containsAll(RuleBase.REQUIRED_META);
                }
                assertThat(name).as("rule name starts with its id").startsWith(id + " ");
            }
        }
        assertThat(rules).isGreaterThan(60);
        assertThat(firstRules).isEqualTo(catalogue);
        for (Indicator i : rb.catalogue()) {
            assertThat(List.of(i.id(), i.name(), i.level(), i.pattern(), i.bound(), i.source())).as(i.id()).allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(PATTERNS).as("pattern of %s", i.id()).contains(i.pattern());
            for (String level : i.level().split(",")) assertThat(level).as("level of %s", i.id()).isIn("全国", "省", "市", "县", "学校", "班级");
        }
    }

    /**
     * Every @source names its document by title, as rules/documents.csv lists it, and no internal note (“未核实”,
     * “界值为参数”) reaches a report through @source or @name: such notes belong in the rule's comments.
     */
    @Test
    void every_source_names_a_listed_document_and_carries_no_internal_note() throws IOException {
        List<String> titles = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("rules/documents.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",", -1);
            if (cols.length > 1 && !cols[1].isBlank()) titles.add(cols[1].replaceAll("（[一二三]）$", ""));
        }
        assertThat(titles).contains("《县域义务教育优质均衡发展督导评估办法》", "《××市2022年教育工作要点》");
        for (Indicator i : Rules.shipped().catalogue()) {
            for (String note : List.of("未核实", "界值为参数", "待核", "参数）")) {
                assertThat(i.source() + i.name()).as("%s @source/@name", i.id()).doesNotContain(note);
            }
            for (String part : i.source().split("；")) {
                assertThat(titles).as("%s cites “%s”: a document of rules/documents.csv, by its title", i.id(), part)
                        .anySatisfy(t -> assertThat(part).startsWith(t));
            }
        }
    }

    @Test
    void catalogue_follows_the_file_order_and_every_pattern_is_used() {
        List<Indicator> c = Rules.shipped().catalogue();
        assertThat(c.get(0).id()).isEqualTo("FUND-01");
        assertThat(c.stream().map(Indicator::file).toList()).isSorted();
        assertThat(c.stream().map(Indicator::pattern).collect(Collectors.toSet())).containsAll(PATTERNS);
    }

    /** Every metric a rule names is in the metric dictionary, so a workbook column can reach it. */
    @Test
    void every_metric_a_rule_names_is_in_the_dictionary() throws IOException {
        MetricDictionary dict = Rules.shipped().dictionary();
        Set<String> named = new LinkedHashSet<>();
        for (RuleFile f : drls()) {
            for (Rule r : f.rules()) {
                ConsequenceCalls calls = ConsequenceCalls.of(f, r);
                assertThat(calls.parsed()).as("consequence of %s is in the rule language", r.name()).isTrue();
                for (ConsequenceCalls.MetricUse u : calls.metrics()) named.add(u.metric());
            }
        }
        assertThat(named).hasSizeGreaterThan(60);
        assertThat(named).allSatisfy(n -> assertThat(dict.get(n)).as("metric “%s” in metrics.csv", n).isPresent());
        assertThat(dict.all()).allSatisfy(d -> assertThat(d.type()).isNotNull());
    }

    @Test
    void every_indicator_of_the_two_catalogue_documents_is_shipped() throws IOException {
        Path shared = Path.of("..", "shared");
        Path ind = shared.resolve("INDICATORS.md"), nat = shared.resolve("NATIONAL-STANDARDS.md");
        Assumptions.assumeTrue(Files.isRegularFile(ind) && Files.isRegularFile(nat),
                "../shared/INDICATORS.md or NATIONAL-STANDARDS.md is absent: cannot check that their indicators are shipped");
        Set<String> ids = new TreeSet<>();
        for (Path p : List.of(ind, nat)) ids.addAll(idsIn(Files.readString(p, StandardCharsets.UTF_8)));
        assertThat(ids).as("ids found in the documents").contains("FUND-01", "BAL-CV-4", "PRE-8", "FUND-02-HE", "BAL-COUNTY");
        Set<String> shipped = Rules.shipped().catalogue().stream().map(Indicator::id).collect(Collectors.toSet());
        assertThat(shipped).containsAll(ids);
    }

    /** Indicator ids in a document, with ranges such as {@code BAL-CV-1 … BAL-CV-7} expanded. */
    static Set<String> idsIn(String text) {
        Set<String> ids = new TreeSet<>();
        Matcher range = Pattern.compile("\\b((?:[A-Z]{2,8}-)+)(\\d+)\\s*(?:…|\\.\\.\\.?|～|~)\\s*\\1(\\d+)\\b").matcher(text);
        while (range.find()) {
            for (int i = Integer.parseInt(range.group(2)); i <= Integer.parseInt(range.group(3)); i++) ids.add(range.group(1) + i);
        }
        Matcher m = Pattern.compile("\\b(?:[A-Z]{2,8}-)+(?:\\d+|[A-Z]{2,})(?:-[A-Z]{2})?\\b(?!\\.md)").matcher(text);
        while (m.find()) ids.add(m.group());
        return ids;
    }

    @Test
    void ranges_in_the_documents_are_expanded() {
        assertThat(idsIn("BAL-CV-1 … BAL-CV-3 and FUND-02-KG, see NATIONAL-STANDARDS.md"))
                .containsExactly("BAL-CV-1", "BAL-CV-2", "BAL-CV-3", "FUND-02-KG");
    }
}
