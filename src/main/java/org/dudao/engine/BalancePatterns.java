package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The balance indicators of 县域义务教育优质均衡 (教督〔2017〕6号): the weighted coefficient of variation by 学段,
 * the per-school indicators and BAL-SCHOOL. Called through {@link Patterns}.
 */
final class BalancePatterns {
    private BalancePatterns() {}

    /** Pupils below which a 教学点 is left out of the balance assessment (教督〔2017〕6号). */
    private static final BigDecimal SMALL_TEACHING_POINT = new BigDecimal("50");

    /**
     * dispersion: the enrolment-weighted coefficient of variation (差异系数) of a per-pupil resource
     * across the county's schools of a 学段, against that 学段's part of {@code @bound}
     * ({@code 小学 <= 0.50；初中 <= 0.45}). X̄ = Σ resource / Σ pupils; S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²);
     * CV = S / X̄ (教督〔2017〕6号). Special-education schools and 教学点 under 50 pupils are left
     * out and counted; a 九年一贯制 or 完全中学 reported as one row cannot be split by 学段 and makes
     * the coefficient INSUFFICIENT_DATA until its parts are reported as rows of their own (学段 九年一贯制小学部 …, which may share its code).
     * The verdict's part is the 学段.
     */
    static Verdict dispersion(RuleContext kc, Entity e, String stage, String resource) {
        Call c = Call.of(kc, e);
        Bound b = c.meta().bound().forLabel(stage);
        Verdict.Builder out = c.verdict(Status.PASS).part(stage);
        if (b == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("学段“" + stage + "”的标准"))
                    .message(Messages.noPart("“" + stage + "”", c.standard(null))).build();
        }
        Limit l = c.limit(b);
        out.bound(l.text()).limit(l.number());
        List<Entity> schools = c.facts().descendants(e, "学校");
        int special = 0, small = 0, total = 0;
        List<ChildFinding> lacking = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>(l.evidence());
        List<BigDecimal[]> rows = new ArrayList<>();
        List<String> unsplit = new ArrayList<>();
        Stage want = stage.equals(Stage.PRIMARY.label()) ? Stage.PRIMARY : Stage.JUNIOR;
        for (Entity s : schools) {
            if (!c.facts().hasYear(s.getCode(), c.year())) continue;
            if (isSpecialEducation(s)) { special++; continue; }
            // a part (九年一贯制小学部, 完全中学初中部 …) is a school of its stage; a whole school of several stages cannot be split here
            Set<Stage> st = s.school().stages();
            if (!st.contains(want)) continue;
            if (st.size() > 1) {
                unsplit.add(s.displayName() + "（" + s.getStage() + "）");
                continue;
            }
            Metric pupils = c.facts().metric(s.getCode(), "在校学生数", c.year());
            if (isTeachingPoint(s) && pupils != null && pupils.getValue() != null && pupils.getValue().compareTo(SMALL_TEACHING_POINT) < 0) {
                small++;
                continue;
            }
            total++;
            Metric res = c.facts().metric(s.getCode(), resource, c.year());
            List<String> miss = new ArrayList<>();
            if (pupils == null || pupils.getValue() == null) miss.add(c.year() + "年“在校学生数”");
            else if (pupils.getValue().signum() == 0) miss.add(c.year() + "年“在校学生数”为 0");
            if (res == null || res.getValue() == null) miss.add(c.year() + "年“" + resource + "”");
            List<Metric> ev = new ArrayList<>();
            if (pupils != null) ev.add(pupils);
            if (res != null) ev.add(res);
            evidence.addAll(ev);
            if (!miss.isEmpty()) {
                lacking.add(new ChildFinding(s.getCode(), s.displayName(), Status.INSUFFICIENT_DATA, "缺少 " + String.join("、", miss), Expr.origins(ev)));
                continue;
            }
            rows.add(new BigDecimal[]{res.getValue(), pupils.getValue()});
        }
        List<String> out0 = new ArrayList<>();
        if (special > 0) out0.add("特殊教育学校 " + special + " 所");
        if (small > 0) out0.add("不足50人的教学点 " + small + " 个");
        String excluded = out0.isEmpty() ? "" : "不计" + String.join("、", out0);
        out.evidence(evidence).children(lacking);
        if (!unsplit.isEmpty()) {
            String names = Expr.abbreviate(unsplit);
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(names + " 的" + stage + "部数据"))
                    .formula(stage + "：参与计算的学校 " + total + " 所" + (excluded.isEmpty() ? "" : "，" + excluded))
                    .message("数据不足：" + names + " 未按学部分别填报，无法计算" + stage + "差异系数（" + Messages.SPLIT_ADVICE + "）").build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(Messages.names(lacking) + "的“" + resource + "”或“在校学生数”"))
                    .formula(stage + "：参与计算的学校 " + total + " 所" + (excluded.isEmpty() ? "" : "，" + excluded))
                    .message("数据不足：" + lacking.size() + " 所" + stage + "缺少数据（" + Messages.names(lacking) + "）").build();
        }
        if (rows.isEmpty()) {
            boolean none = schools.stream().noneMatch(s -> c.facts().hasYear(s.getCode(), c.year()));
            if (none) {
                return out.status(Status.INSUFFICIENT_DATA).missing(List.of(c.year() + "年本县学校的数据"))
                        .message("没有本县学校的数据，无法计算" + stage + "差异系数").build();
            }
            return out.status(Status.NOT_APPLICABLE).formula(stage + "：参与计算的学校 0 所" + (excluded.isEmpty() ? "" : "，" + excluded))
                    .message("不适用：本县没有参与" + stage + "均衡评估的学校" + (excluded.isEmpty() ? "" : "（" + excluded + "）")).build();
        }
        if (l.number() == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(l.missing()).missingValues(l.gaps())
                    .message("数据不足：缺少 " + String.join("、", l.missing())).build();
        }
        BigDecimal cv = WeightedCv.of(rows);
        String formula = stage + "：" + resource + "按在校学生数加权的差异系数 CV = S / X̄，X̄ = Σ" + resource + " / Σ在校学生数，"
                + "S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²)；参与计算的学校 " + rows.size() + " 所" + (excluded.isEmpty() ? "" : "，" + excluded) + "；标准：" + l.text();
        out.formula(formula);
        if (cv == null) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(stage + "各校“" + resource + "”合计为 0"))
                    .message("数据不足：" + stage + "各校“" + resource + "”合计为 0，无法计算差异系数").build();
        }
        String shown = Fmt.beside(cv, l.number(), null);
        out.observed(cv, shown);
        String said = Messages.subject(stage + c.quantity(), shown, rows.size() + " 所学校参与计算" + (excluded.isEmpty() ? "" : "，" + excluded));
        if (!b.op().test(cv, l.number())) {
            return out.status(Status.FAIL).message(Messages.misses(said, b.op(), false, l.shown(), "标准", "")).build();
        }
        Status s = c.narrow(cv, l.number(), b.op()) ? Status.WARN : Status.PASS;
        return out.status(s).message(Messages.meets(said, l.text()) + c.warnText(s, null)).build();
    }

    static boolean isSpecialEducation(Entity s) {
        String st = s.getStage() == null ? "" : s.getStage();
        String n = s.getName() == null ? "" : s.getName();
        return st.contains("特殊教育") || st.contains("特教") || n.contains("特殊教育学校") || n.contains("培智") || n.contains("聋哑")
                || n.contains("盲校") || n.contains("特教");
    }

    static boolean isTeachingPoint(Entity s) {
        String st = s.getStage() == null ? "" : s.getStage();
        String n = s.getName() == null ? "" : s.getName();
        return st.contains("教学点") || n.contains("教学点");
    }

    /**
     * A per-school balance indicator (BAL-1 … BAL-7): the school's per-pupil value against its 学段's
     * part of {@code @bound}; schools the standard leaves out are NOT_APPLICABLE saying why, and a
     * 九年一贯制 or 完全中学 reported as one row is INSUFFICIENT_DATA (its parts must be rows of their own).
     */
    static Verdict balance(RuleContext kc, Entity e, Expr x) {
        Call c = Call.of(kc, e);
        if (isSpecialEducation(e)) {
            return c.verdict(Status.NOT_APPLICABLE).message("不适用：特殊教育学校不参加县域义务教育优质均衡的校际指标评估").build();
        }
        Metric pupils = c.facts().metric(e.getCode(), "在校学生数", c.year());
        if (isTeachingPoint(e) && pupils != null && pupils.getValue() != null && pupils.getValue().compareTo(SMALL_TEACHING_POINT) < 0) {
            return c.verdict(Status.NOT_APPLICABLE).evidence(List.of(pupils))
                    .message("不适用：在校学生 " + pupils.display() + "，不足50人的教学点不参加评估").build();
        }
        Set<Stage> st = e.school().stages();
        if (st.size() > 1) {
            return c.verdict(Status.INSUFFICIENT_DATA).missing(List.of(e.displayName() + " 各学部的数据"))
                    .message("数据不足：学段为“" + e.getStage() + "”，标准按小学、初中分别规定（" + Messages.SPLIT_ADVICE + "）").build();
        }
        Bound b = c.meta().bound().forLabel(st.size() == 1 ? st.iterator().next().label() : e.getStage());
        if (b == null) return c.noBoundForStage();
        return ValuePatterns.compare(c, x, x.eval(c.facts(), e, c.year()), b);
    }

    /**
     * BAL-SCHOOL: a school meets the balance standard when at least N of its seven indicators meet
     * their bound and each of the others reaches at least p of its bound. {@code @bound} names both:
     * {@code 达标项 >= 6；其余项 >= {BAL-SCHOOL其余项最低比例|85}%}.
     */
    static Verdict balanceSchool(RuleContext kc, Entity e, Collection<?> indicatorVerdicts) {
        Call c = Call.of(kc, e);
        List<Verdict> vs = ChildPatterns.sameYear(indicatorVerdicts, c.year());
        vs.sort(Comparator.comparing(Verdict::getIndicator));
        Bound need = c.meta().bound().forLabel(StandardWords.MET), rest = c.meta().bound().forLabel(StandardWords.REST);
        if (need == null || rest == null) throw new IllegalStateException("BAL-SCHOOL bound needs parts 达标项 and 其余项");
        Limit ln = c.limit(need), lr = c.limit(rest, "%");
        String share = lr.shown();
        String standard = StandardWords.schoolBalance(Fmt.num(ln.number()), share);
        int met = 0, na = 0;
        List<String> lacking = new ArrayList<>();
        List<Verdict> below = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>(lr.evidence());
        for (Verdict v : vs) {
            evidence.addAll(v.getEvidence());
            switch (v.getStatus()) {
                case PASS, WARN -> met++;
                case FAIL -> below.add(v);
                case NOT_APPLICABLE -> na++;
                case INSUFFICIENT_DATA -> lacking.add(StandardWords.quantity(v.getName()));
            }
        }
        Verdict.Builder out = c.verdict(Status.PASS).evidence(evidence).observed(BigDecimal.valueOf(met), met + " 项达标")
                .limit(ln.number()).bound(standard);
        if (!vs.isEmpty() && na == vs.size()) return out.status(Status.NOT_APPLICABLE).message(vs.get(0).getMessage()).build();
        if (vs.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of("七项资源配置指标的结论")).message("没有本校七项资源配置指标的结论").build();
        }
        List<String> farBelow = new ArrayList<>();
        List<ChildFinding> named = new ArrayList<>();
        for (Verdict v : below) {
            // compared exactly, shown rounded: 84.9975% of the bound is short of 85%, never “85%”
            BigDecimal reach = v.getObserved() == null || v.getLimit() == null || v.getLimit().signum() == 0 ? null
                    : v.getObserved().movePointRight(2).divide(v.getLimit(), MathContext.DECIMAL128);
            // an inspector knows the seven items by what they measure, not by their codes
            String item = StandardWords.quantity(v.getName());
            String text = item + " " + v.getObservedText() + "（标准 " + StandardWords.number(v.getLimit(), unitOf(v))
                    + (reach == null ? "" : "，为标准的 " + Fmt.beside(reach, lr.number(), "%")) + "）";
            named.add(new ChildFinding(e.getCode(), e.displayName() + "（" + item + "）", Status.FAIL, text, Expr.origins(v.getEvidence())));
            if (reach == null || !rest.op().test(reach, lr.number())) farBelow.add(text);
        }
        out.children(named).formula("七项指标中达标 " + met + " 项；标准：" + standard
                + "；未达标：" + (below.isEmpty() ? "无" : String.join("、", named.stream().map(ChildFinding::message).toList())));
        int possible = met + lacking.size();
        boolean countOk = need.op().test(BigDecimal.valueOf(met), ln.number());
        boolean countMaybe = need.op().test(BigDecimal.valueOf(possible), ln.number());
        if (!countMaybe || !farBelow.isEmpty()) {
            return out.status(Status.FAIL).message("七项指标达标 " + met + " 项" + (countMaybe ? "" : "，少于 " + Fmt.num(ln.number()) + " 项")
                    + (farBelow.isEmpty() ? "" : "；低于标准 " + share + " 的：" + String.join("、", farBelow))).build();
        }
        if (!lacking.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).missing(List.of(String.join("、", lacking) + " 的数据"))
                    .message("七项指标达标 " + met + " 项，" + String.join("、", lacking) + " 数据不足，无法判断").build();
        }
        if (!countOk) return out.status(Status.FAIL).message("七项指标达标 " + met + " 项，少于 " + Fmt.num(ln.number()) + " 项").build();
        return out.message("七项指标达标 " + met + " 项" + (below.isEmpty() ? "" : "，其余项均不低于标准的 " + share
                + "（" + String.join("、", named.stream().map(ChildFinding::message).toList()) + "）")).build();
    }

    /** The unit of a verdict's observed text (3.32 人 → 人), for saying its standard with it. */
    private static String unitOf(Verdict v) {
        String t = v.getObservedText();
        if (t == null) return null;
        if (t.endsWith("%")) return "%";
        int at = t.lastIndexOf(' ');
        return at < 0 ? null : t.substring(at + 1);
    }
}
