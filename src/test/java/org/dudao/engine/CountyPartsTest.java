package org.dudao.engine;

import org.dudao.testing.OneRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rule bases may read a large workbook in county parts: those whose regions' roll-ups add up over counties. */
class CountyPartsTest {
    @TempDir Path tmp;

    @Test
    void the_shipped_rules_add_up_over_counties() {
        assertThat(CountyParts.refusal(Rules.shipped())).isNull();
    }

    @Test
    void a_province_rule_that_counts_classes_by_level_name_keeps_province_parts() throws Exception {
        assertThat(refusal("省,市", "zero(kcontext, $e, countOf(\"班级\", \"班额\", \">= 66\"))"))
                .contains("P-01 超大班额").contains("p.drl").contains("countOf").contains("班级");
    }

    @Test
    void a_province_rule_that_reads_schools_directly_keeps_province_parts() throws Exception {
        assertThat(refusal("省", "dispersion(kcontext, $e, \"小学\", \"教学仪器设备值\")")).contains("调用了 dispersion");
    }

    @Test
    void the_same_calls_for_counties_and_schools_alone_allow_county_parts() throws Exception {
        assertThat(refusal("县,学校", "zero(kcontext, $e, countOf(\"班级\", \"班额\", \">= 66\"))")).isNull();
        assertThat(refusal("省,市", "zero(kcontext, $e, countOf(compulsoryClasses(), \"班额\", \">= 66\"))")).isNull();
    }

    private String refusal(String levels, String call) throws Exception {
        return CountyParts.refusal(RuleBase.compile(OneRule.write(tmp, levels, call)));
    }
}
