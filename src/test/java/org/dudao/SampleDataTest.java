package org.dudao;

import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sample workbooks do what README and the issue promise: they load without problems
 * and give every indicator a pass, a fail, a tie at the bound and missing data.
 */
class SampleDataTest {
    private static RuleBase rules;
    private static Dataset data;
    private static List<Verdict> verdicts;

    @BeforeAll
    static void evaluateSample() throws Exception {
        rules = RuleBase.compile(Path.of("rules"));
        data = new WorkbookLoader(rules.dictionary())
                .load(List.of(Path.of("sample-data/sample-2023.xlsx"), Path.of("sample-data/sample-2024.xlsx"))).dataset();
        verdicts = new Evaluator(rules, 2).evaluate(data, 2024).verdicts();
    }

    @Test
    void loads_without_problems_and_every_row_is_accounted_for() {
        assertThat(data.problems()).isEmpty();
        assertThat(data.sheets()).allSatisfy(s -> assertThat(s.balances()).isTrue());
        assertThat(data.sheets().stream().mapToInt(s -> s.getSkipped()).sum()).as("合计, 注 and signature rows").isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            // 一县 passes everything
            "FUND-01,990101,PASS", "FUND-02,990101,PASS", "TEACH-01,990101,PASS", "KG-01,990101,PASS", "CLASS-01,990101,PASS",
            "SPED-01,990101,PASS", "SPED-02,990101,PASS", "PRIV-01,990101,PASS", "DROP-01,990101,PASS",
            // 二县 fails everything
            "FUND-01,990102,FAIL", "FUND-02,990102,FAIL", "TEACH-01,990102,FAIL", "KG-01,990102,FAIL", "CLASS-01,990102,FAIL",
            "SPED-01,990102,FAIL", "SPED-02,990102,FAIL", "PRIV-01,990102,FAIL", "DROP-01,990102,FAIL",
            // 三县 sits exactly on every bound, which passes
            "FUND-01,990103,PASS", "FUND-02,990103,PASS", "TEACH-01,990103,PASS", "KG-01,990103,PASS", "CLASS-01,990103,PASS",
            "SPED-01,990103,PASS", "SPED-02,990103,PASS", "PRIV-01,990103,PASS", "DROP-01,990103,PASS",
            // 四县 lacks the data
            "FUND-01,990104,INSUFFICIENT_DATA", "FUND-02,990104,INSUFFICIENT_DATA", "TEACH-01,990104,INSUFFICIENT_DATA",
            "KG-01,990104,INSUFFICIENT_DATA", "CLASS-01,990104,INSUFFICIENT_DATA", "SPED-01,990104,INSUFFICIENT_DATA",
            "SPED-02,990104,INSUFFICIENT_DATA", "PRIV-01,990104,INSUFFICIENT_DATA", "DROP-01,990104,INSUFFICIENT_DATA",
            // 五县: the conditions do not hold
            "SPED-01,990105,NOT_APPLICABLE", "SPED-02,990105,NOT_APPLICABLE", "FUND-02,990105,PASS",
            // the city and the province
            "KG-01,990100,FAIL", "PRIV-01,990100,PASS", "FUND-01,990000,PASS", "FUND-02,990000,PASS",
            // schools
            "CLASS-01,9901020001,FAIL", "CLASS-01,9901030001,PASS", "SPED-02,9901020002,PASS", "SPED-02,9901040001,INSUFFICIENT_DATA",
    })
    void verdict_of(String indicator, String entity, Status expected) {
        List<Verdict> found = verdicts.stream()
                .filter(v -> v.getIndicator().equals(indicator) && v.getEntityCode().equals(entity)).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getStatus()).as(found.get(0).getMessage()).isEqualTo(expected);
    }

    @Test
    void every_indicator_sees_pass_fail_and_missing_data() {
        for (var indicator : rules.catalogue()) {
            Set<Status> seen = verdicts.stream().filter(v -> v.getIndicator().equals(indicator.id()))
                    .map(Verdict::getStatus).collect(Collectors.toSet());
            assertThat(seen).as(indicator.id()).containsAll(EnumSet.of(Status.PASS, Status.FAIL, Status.INSUFFICIENT_DATA));
        }
    }

    @Test
    void values_keep_their_cells_and_units_are_converted() {
        Verdict fund = verdicts.stream().filter(v -> v.getIndicator().equals("FUND-01") && v.getEntityCode().equals("990103"))
                .findFirst().orElseThrow();
        assertThat(fund.getEvidence()).anySatisfy(m -> {
            assertThat(m.getYear()).isEqualTo(2023);
            assertThat(m.getValue()).isEqualByComparingTo("33000"); // 3.3 亿元
            assertThat(m.getUnit()).isEqualTo("万元");
            assertThat(m.getOrigin().getFile()).endsWith("sample-2023.xlsx");
            assertThat(m.getOrigin().ref()).isEqualTo("表1 地区!F8");
        });
    }
}
