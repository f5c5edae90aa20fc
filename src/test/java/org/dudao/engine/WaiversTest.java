package org.dudao.engine;

import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waivers: an approved exemption turns a failure into WAIVED until it expires, and says so everywhere. */
class WaiversTest {
    private static final String HEADER = "指标,单位代码,年度,理由,批准人,有效期至\n";

    @TempDir Path dir;

    private List<Verdict> failingFund01() {
        TestData d = TestData.create().county("990102", "二县")
                .metric("990102", 2023, "一般公共预算教育支出", "45000").metric("990102", 2024, "一般公共预算教育支出", "44000");
        return Rules.evaluate(d.build(), 2024);
    }

    /** The waivers applied as a run applies them, to FUND-01 failing for 990102 in 2024. */
    private Evaluation applied(Waivers w, LocalDate asOf) {
        return new Evaluation(2024, failingFund01(), List.of()).withWaivers(w, asOf);
    }

    private Waivers waivers(String rows) throws IOException, RuleCompileException {
        Path f = dir.resolve("waivers.csv");
        Files.writeString(f, "\uFEFF" + HEADER + rows);
        return Waivers.read(List.of(f));
    }

    @Test
    void an_active_waiver_turns_the_failure_into_waived_and_keeps_the_finding() throws Exception {
        Waivers w = waivers("FUND-01,990102,2024,受灾重建，经费统筹至下年度,省教育督导室 张某,2025-12-31\n");
        Evaluation a = applied(w, LocalDate.of(2025, 6, 30));
        Verdict v = Rules.verdict(a.verdicts(), "FUND-01", "990102");
        assertThat(v.getStatus()).isEqualTo(Status.WAIVED);
        assertThat(v.getWaiver().approver()).isEqualTo("省教育督导室 张某");
        assertThat(v.getMessage()).contains("受灾重建").contains("有效期至 2025-12-31").contains("原结论").contains("未实现“只增不减”");
        assertThat(v.getWaiver().origin()).endsWith("waivers.csv:2");
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void an_expired_waiver_no_longer_applies_and_the_report_says_so() throws Exception {
        Waivers w = waivers("FUND-01,990102,2024,受灾重建,张某,2025-06-30\n");
        Verdict v = Rules.verdict(applied(w, LocalDate.of(2025, 7, 1)).verdicts(), "FUND-01", "990102");
        assertThat(v.getStatus()).isEqualTo(Status.FAIL);
        assertThat(v.getMessage()).contains("豁免已于 2025-06-30 到期");
        assertThat(v.getWaiver()).isNotNull();
    }

    @Test
    void the_expiry_day_itself_is_still_covered() throws Exception {
        Waivers w = waivers("FUND-01,990102,2024,理由,张某,2025-06-30\n");
        assertThat(Rules.status(applied(w, LocalDate.of(2025, 6, 30)).verdicts(), "FUND-01", "990102"))
                .isEqualTo(Status.WAIVED);
    }

    @Test
    void a_waiver_never_touches_a_verdict_that_is_not_a_failure_and_is_noted_as_unused() throws Exception {
        Waivers w = waivers("FUND-02,990102,2024,理由,张某,2030-01-01\n");
        Evaluation a = applied(w, LocalDate.of(2025, 1, 1));
        assertThat(Rules.status(a.verdicts(), "FUND-02", "990102")).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(a.notes()).singleElement().asString().contains("豁免未用上").contains("FUND-02");
    }

    @Test
    void malformed_lines_are_reported_with_file_and_line() {
        assertThatThrownBy(() -> waivers("FUND-01,990102,二〇二四,理由,张某,2025-12-31\nFUND-01,990102,2024,理由,张某,明年\nFUND-01,990103,2024,,,2025-01-01\n"))
                .isInstanceOfSatisfying(RuleCompileException.class, e -> {
                    assertThat(e.messages()).extracting(RuleMessage::line).containsExactly(2, 3, 4);
                    assertThat(e.messages().get(1).toString()).contains("waivers.csv:3:").contains("有效期至");
                });
    }

    @Test
    void a_file_without_the_columns_says_which_are_missing() throws IOException {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, "指标,单位代码\nFUND-01,990102\n");
        assertThatThrownBy(() -> Waivers.read(List.of(f))).isInstanceOfSatisfying(RuleCompileException.class,
                e -> assertThat(e.messages().get(0).message()).contains("年度").contains("批准人"));
    }
}
