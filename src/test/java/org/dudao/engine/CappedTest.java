package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roll-up keeps the first 1,000 children it names and counts the rest (issue 17): what a region's tally holds
 * does not grow with its failures, and the verdict says how many there are.
 */
class CappedTest {
    private static List<Integer> upTo(int n) { return IntStream.range(0, n).boxed().toList(); }

    @Test
    void a_list_keeps_its_first_items_and_counts_them_all() {
        Capped<Integer> c = Capped.of(upTo(Capped.KEPT + 200));
        assertThat(c.first()).hasSize(Capped.KEPT).startsWith(0, 1, 2).endsWith(Capped.KEPT - 1);
        assertThat(c.total()).isEqualTo(Capped.KEPT + 200);
        Capped<Integer> small = Capped.of(upTo(3));
        assertThat(small.then(Capped.of(List.of(7, 8))).first()).containsExactly(0, 1, 2, 7, 8);
        assertThat(small.then(Capped.none())).isSameAs(small);
        Capped<Integer> joined = Capped.of(upTo(Capped.KEPT - 1)).then(Capped.of(List.of(-1, -2, -3)));
        assertThat(joined.first()).hasSize(Capped.KEPT).endsWith(-1);
        assertThat(joined.total()).isEqualTo(Capped.KEPT + 2);
        assertThat(c.then(small).first()).isEqualTo(c.first());
        assertThat(c.then(small).total()).isEqualTo(Capped.KEPT + 203);
    }

    @Test
    void children_merged_by_code_keep_the_first_codes_of_both() {
        Capped<NamedChild> odd = Capped.of(children(1, 2 * Capped.KEPT + 1, 2)), even = Capped.of(children(0, 2 * Capped.KEPT, 2));
        Capped<NamedChild> both = Capped.merged(odd, even);
        assertThat(both.total()).isEqualTo(2 * Capped.KEPT);
        assertThat(both.first()).hasSize(Capped.KEPT);
        assertThat(both.first().get(0).code()).isEqualTo(code(0));
        assertThat(both.first().get(Capped.KEPT - 1).code()).isEqualTo(code(Capped.KEPT - 1));
    }

    @Test
    void a_county_with_more_large_classes_than_are_kept_names_the_first_and_counts_them_all() {
        int large = Capped.KEPT + 234;
        TestData d = TestData.create().county("990101", "一县").present("990101", 2024).school("S", "一小", "990101", "小学").present("S", 2024);
        for (int i = 0; i < large; i++) d.schoolClass("S", String.format("%04d班", i), 2024, 60);
        for (int i = 0; i < 10; i++) d.schoolClass("S", String.format("小%02d班", i), 2024, 40);
        Verdict v = Rules.verdict(Rules.evaluate(d.build(), 2024), "CLASS-04", "990101");
        assertThat(v.getStatus()).isEqualTo(Status.FAIL);
        assertThat(v.getChildren()).hasSize(Capped.KEPT);
        assertThat(v.getChildrenCount()).isEqualTo(large);
        assertThat(v.getMessage()).contains("等 " + large + " 个");
        assertThat(v.getEvidence()).as("the values of the classes kept, and the standard's").hasSizeLessThanOrEqualTo(Capped.KEPT + 2);
        assertThat(v.getMessage()).as(v.getMessage()).contains(large + "/" + (large + 10));
        // the count survives the verdict store's form and the exact JSON form
        VerdictStore store = new VerdictStore(0, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        Verdict back = VerdictStore.sequence(List.of(store.add(List.of(v)))).iterator().next();
        assertThat(back.getChildrenCount()).isEqualTo(large);
        assertThat(RollUpTallyTest.json(back)).isEqualTo(RollUpTallyTest.json(v)).contains("\"childrenCount\":" + large);
    }

    @Test
    void a_count_of_classes_names_the_first_it_keeps_and_counts_them_all() {
        int large = Capped.KEPT + 56;
        TestData d = TestData.create().county("990101", "一县").present("990101", 2024).school("S", "一小", "990101", "小学").present("S", 2024);
        for (int i = 0; i < large; i++) d.schoolClass("S", String.format("%04d班", i), 2024, 58);
        Verdict v = Rules.verdict(Rules.evaluate(d.build(), 2024), "CLASS-01", "990101");
        assertThat(v.getStatus()).isEqualTo(Status.FAIL);
        assertThat(v.getObserved()).isEqualByComparingTo(String.valueOf(large));
        assertThat(v.getChildren()).hasSize(Capped.KEPT);
        assertThat(v.getChildrenCount()).isEqualTo(large);
        assertThat(v.getMessage()).contains("等 " + large + " 个");
        assertThat(v.getEvidence()).hasSizeLessThanOrEqualTo(Capped.KEPT);
        // a region's tally of them, added over its subtrees, holds no more
        ClassCountTally one = new ClassCountTally(java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, Capped.of(v.getChildren()),
                Capped.none(), Capped.none(), Capped.none(), true);
        ClassCountTally sum = one.plus(one).plus(one);
        assertThat(sum.counted().first()).hasSize(Capped.KEPT);
        assertThat(sum.counted().total()).isEqualTo(3 * Capped.KEPT);
    }

    private static String code(int i) { return String.format("S%05d", i); }

    private static List<NamedChild> children(int from, int to, int step) {
        List<NamedChild> out = new ArrayList<>();
        for (int i = from; i < to; i += step) out.add(new NamedChild(new ChildFinding(code(i), "学校" + i, Status.FAIL, "", List.of()), List.of()));
        return out;
    }
}
