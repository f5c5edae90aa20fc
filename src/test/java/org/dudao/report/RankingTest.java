package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static final Dataset DATA = TestData.create().entity("990100", "甲市", EntityKind.CITY, null, null).build();

    @Test
    void a_year_on_year_miss_is_said_as_the_finding_says_it_a_share_falls_by_points_an_amount_decreases() {
        Indicator share = new Indicator("KG-03", "公办园在园幼儿占比只增不减", "县", "no-decrease", ">= 上年", "", null, "x.drl", "KG-03");
        Indicator money = new Indicator("FUND-01", "一般公共预算教育支出只增不减", "县", "no-decrease", ">= 上年", "", null, "x.drl", "FUND-01");
        Indicator classes = new Indicator("CLASS-05", "56人及以上班级数逐年减少", "县", "no-rebound", "< 上年", "", null, "x.drl", "CLASS-05");
        assertThat(Ranking.gapText(miss("45", "45%", "50"), share)).isEqualTo("比上年下降 5 个百分点");
        assertThat(Ranking.gapText(miss("44000", "44000 万元", "45000"), money)).isEqualTo("比上年减少 1000 万元");
        assertThat(Ranking.gapText(miss("9", "9 个", "8"), classes)).isEqualTo("比上年增加 1 个");
    }

    @Test
    void any_other_miss_is_the_distance_to_the_standard() {
        Indicator kg = new Indicator("KG-01", "公办幼儿园在园幼儿占比达到50%", "县", "threshold", ">= 50%", "", null, "x.drl", "KG-01");
        Indicator large = new Indicator("CLASS-04", "大班额比例不超过5%", "县", "threshold", "<= 5%", "", null, "x.drl", "CLASS-04");
        assertThat(Ranking.gapText(miss("45", "45%", "50"), kg)).isEqualTo("差 5 个百分点");
        assertThat(Ranking.gapText(miss("7.5", "7.5%", "5"), large)).isEqualTo("超出 2.5 个百分点");
        assertThat(Ranking.gapText(miss("45", null, "50"), kg)).as("no figure, no gap").isEmpty();
        Indicator above = new Indicator("FYP-01", "学前教育毛入园率高于90%", "县", "threshold", "> 90%", "", null, "x.drl", "FYP-01");
        Indicator faster = new Indicator("FUND-09", "教育财政拨款增长高于财政经常性收入增长", "县", "threshold", "> 财政经常性收入增长率", "", null,
                "x.drl", "FUND-09");
        assertThat(Ranking.gapText(miss("90", "90%", "90"), above)).isEqualTo("恰为标准值");
        assertThat(Ranking.gapText(miss("10", "10%", "10"), faster)).isEqualTo("与财政经常性收入增长率持平");
    }

    private static Verdict miss(String observed, String text, String limit) {
        return Verdict.builder("X", DATA.entities().get("990100"), 2024).status(Status.FAIL)
                .observed(new BigDecimal(observed), text).limit(new BigDecimal(limit)).build();
    }
}
