package org.dudao.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Status;
import org.dudao.model.Tally;
import org.dudao.model.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store a large run keeps its verdicts in: blocks held in memory up to a limit, the rest on disk,
 * read back in the order asked for, equal to what went in, with their counts.
 */
class VerdictStoreTest {
    @TempDir static Path tmp;
    /** The shipped rules on the shipped sample: evidence, children, parts and limits, and a waived and an expired failure. */
    static List<Verdict> sample;

    @BeforeAll
    static void evaluateTheSample() throws Exception {
        var data = new WorkbookLoader(Rules.shipped().dictionary())
                .load(List.of(Path.of("sample-data/sample-2023.xlsx"), Path.of("sample-data/sample-2024.xlsx"))).dataset();
        List<Verdict> raw = new Evaluator(Rules.shipped(), 1).evaluate(data, 2024).verdicts();
        Path waivers = tmp.resolve("waivers.csv");
        Files.writeString(waivers, "指标,单位代码,年度,理由,批准人,有效期至\n"
                + "FUND-01,990102,2024,受灾重建,张某,2030-12-31\n"
                + "FUND-02,990102,2024,受灾重建,张某,2020-12-31\n");
        sample = new Evaluation(2024, raw, List.of()).withWaivers(Waivers.read(List.of(waivers)), LocalDate.of(2025, 1, 1)).verdicts();
    }

    /** The exact JSON form of a verdict: every field it has, so equal text means equal verdicts. */
    private static String exact(Verdict v) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            VerdictJson.writeExact(g, v);
        }
        return w.toString();
    }

    private static List<String> exact(List<Verdict> vs) throws IOException {
        List<String> out = new ArrayList<>();
        for (Verdict v : vs) out.add(exact(v));
        return out;
    }

    @Test
    void the_sample_has_what_the_stored_form_must_keep() {
        assertThat(sample).anyMatch(v -> !v.getChildren().isEmpty() && !v.getChildren().get(0).cells().isEmpty());
        assertThat(sample).anyMatch(v -> v.getPart() != null && v.getLimit() != null);
        assertThat(sample).anyMatch(v -> v.getStatus() == Status.WAIVED);
        assertThat(sample).anyMatch(v -> v.getStatus() == Status.FAIL && v.getWaiver() != null);
        assertThat(sample).anyMatch(v -> !v.getMissing().isEmpty());
    }

    @Test
    void a_verdict_read_back_from_its_json_form_is_the_same_verdict() throws IOException {
        for (Verdict v : sample) {
            String text = exact(v);
            try (JsonParser p = new JsonFactory().createParser(text)) {
                Verdict back = VerdictJson.read(p);
                assertThat(exact(back)).isEqualTo(text);
                assertThat(back.getKind()).isEqualTo(v.getKind());
                assertThat(back.getSubject()).isEqualTo(v.getSubject());
                assertThat(back.getEvidence()).extracting(m -> m.getOrigin().ref())
                        .isEqualTo(v.getEvidence().stream().map(m -> m.getOrigin().ref()).toList());
            }
        }
    }

    @Test
    void decimals_survive_exactly_in_the_stored_form_and_are_rounded_only_in_the_report_form() throws IOException {
        Verdict v = sample.stream().filter(x -> x.getObserved() != null).findFirst().orElseThrow();
        BigDecimal fine = new BigDecimal("0.123456789012345678");
        Verdict precise = Verdict.restore(v.getIndicator(), v.getKind(), v.getEntityCode(), v.getEntityName(), v.getParentCode(), v.getYear())
                .name(v.getName()).status(v.getStatus()).observed(fine, "12.35%").build();
        try (JsonParser p = new JsonFactory().createParser(exact(precise))) {
            assertThat(VerdictJson.read(p).getObserved()).isEqualTo(fine); // same scale too
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            VerdictJson.write(g, precise, new VerdictJson.Refs() {
                @Override public int value(org.dudao.model.Metric m) { return 0; }
                @Override public Integer file(String file) { return null; }
                @Override public int childLimit() { return 0; }
                @Override public String indicatorName(String indicator) { return null; }
                @Override public String indicatorSource(String indicator) { return null; }
            });
        }
        assertThat(w.toString()).contains("\"observed\":0.123456789");
        assertThat(w.toString()).doesNotContain("0.1234567890123");
    }

    @Test
    void blocks_past_the_limit_go_to_disk_and_come_back_in_the_order_asked_for() throws IOException {
        List<List<Verdict>> parts = chunks(sample, 37);
        long first = VerdictStore.items(parts.get(0));
        assertThat(first).isGreaterThan(37); // evidence and children count too
        VerdictStore store = new VerdictStore(first + 1, tmp);
        List<VerdictStore.Block> blocks = new ArrayList<>();
        for (List<Verdict> part : parts) blocks.add(store.add(part));
        assertThat(blocks.get(0).onDisk()).isFalse();
        assertThat(blocks.get(1).onDisk()).isTrue();
        assertThat(store.held()).isEqualTo(first);
        assertThat(store.spilledBytes()).isPositive();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("dudao-verdicts-"))).hasSize(1);
        }

        // reversed, with an empty block and a held one in between
        List<VerdictStore.Block> order = new ArrayList<>();
        List<Verdict> expected = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            order.add(blocks.get(i));
            expected.addAll(parts.get(i));
            if (i == parts.size() - 1) order.add(store.add(List.of()));
            if (i == parts.size() - 2) {
                order.add(VerdictStore.held(sample.subList(0, 2)));
                expected.addAll(sample.subList(0, 2));
            }
        }

        List<Verdict> seq = VerdictStore.sequence(order);
        assertThat(seq).hasSize(expected.size());
        assertThat(exact(new ArrayList<>(seq))).isEqualTo(exact(expected));
        for (int i = expected.size() - 1; i >= 0; i -= 7) assertThat(exact(seq.get(i))).isEqualTo(exact(expected.get(i)));
        assertThat(Tally.of(seq).counts()).isEqualTo(Tally.of(expected).counts());
        assertThat(Tally.of(seq).counts("FUND-01")).isEqualTo(Tally.of(expected).counts("FUND-01"));
        assertThatThrownBy(() -> seq.get(expected.size())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void a_limit_of_zero_sends_every_block_to_disk_and_blocks_may_be_added_from_several_threads() throws Exception {
        VerdictStore store = new VerdictStore(0, tmp);
        List<List<Verdict>> parts = chunks(sample, 11);
        List<VerdictStore.Block> blocks = parts.parallelStream().map(store::add).toList();
        assertThat(blocks).allMatch(VerdictStore.Block::onDisk);
        assertThat(exact(new ArrayList<>(VerdictStore.sequence(blocks)))).isEqualTo(exact(sample));
    }

    @Test
    void decimals_of_every_size_and_scale_come_back_from_disk_exactly() {
        Verdict v = sample.stream().filter(x -> !x.getEvidence().isEmpty()).findFirst().orElseThrow();
        List<BigDecimal> numbers = List.of(new BigDecimal("0.123456789012345678"), new BigDecimal("-123456789012345678901234567890.5"),
                new BigDecimal("1E+3"), new BigDecimal("-0.00"), BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE, 4));
        List<Verdict> precise = new ArrayList<>();
        for (BigDecimal n : numbers) {
            precise.add(Verdict.restore(v.getIndicator(), v.getKind(), v.getEntityCode(), v.getEntityName(), v.getParentCode(), v.getYear())
                    .name(v.getName()).status(v.getStatus()).observed(n, "x").limit(n.negate()).evidence(v.getEvidence()).build());
        }
        List<Verdict> back = VerdictStore.sequence(List.of(new VerdictStore(0, tmp).add(precise)));
        for (int i = 0; i < numbers.size(); i++) {
            BigDecimal n = numbers.get(i);
            assertThat(back.get(i).getObserved()).isEqualTo(n); // equals: the same scale too
            assertThat(back.get(i).getObserved().scale()).isEqualTo(n.scale());
            assertThat(back.get(i).getLimit()).isEqualTo(n.negate());
        }
    }

    @Test
    void a_spill_file_that_was_damaged_is_named_when_it_cannot_be_read() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("damaged"));
        VerdictStore store = new VerdictStore(0, dir);
        VerdictStore.Block b = store.add(sample.subList(0, 5));
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(file);
        Files.write(file, new byte[good.length]);
        List<Verdict> seq = VerdictStore.sequence(List.of(b));
        assertThatThrownBy(() -> seq.iterator().next()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("读回暂存结论失败").hasMessageContaining(file.toString());
        for (int at : new int[] {0, 1}) { // the count of verdicts, a reference to a string not yet seen
            byte[] bad = good.clone();
            bad[at] = (byte) 0x7F;
            Files.write(file, bad);
            assertThatThrownBy(() -> VerdictStore.sequence(List.of(b)).iterator().next()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("读回暂存结论失败");
        }
    }

    private static List<List<Verdict>> chunks(List<Verdict> all, int size) {
        List<List<Verdict>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }
}
