package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.Param;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * One call of a pattern function: the session's context, the calling rule's metadata, the entity and
 * the year. It starts the verdict, picks the part of a compound bound that applies, resolves bounds
 * ({@link BoundResolver}) and says how a value near or at the bound counts ({@code @warn}, {@code @tie},
 * {@code @tolerance}).
 */
record Call(SessionContext session, RuleMeta meta, Entity entity, int year) {
    static Call of(RuleContext kc, Entity e) {
        SessionContext s = (SessionContext) kc.getKieRuntime().getEnvironment().get(SessionContext.KEY);
        if (s == null) throw new IllegalStateException("session has no dudao context");
        RuleMeta meta = s.rules().get(kc.getRule().getPackageName() + "." + kc.getRule().getName());
        if (meta == null) throw new IllegalStateException("rule has no indicator metadata: " + kc.getRule().getName());
        return new Call(s, meta, e, s.year());
    }

    Facts facts() { return session.facts(); }

    Verdict.Builder verdict(Status s) {
        return new VerdictBuilder(meta, entity, year).status(s);
    }

    /** The workbook's 参数 sheet first, then rules/params.csv. */
    Param param(String name) {
        Param p = facts().param(name);
        return p != null ? p : session.ruleParams().get(name);
    }

    /** A bound's number for this call, its words and where it came from. */
    Limit limit(Bound b) { return BoundResolver.limit(this, b); }

    /** “左右”: the tolerance of {@code @tolerance} resolved, or null. */
    Limit tolerance() { return BoundResolver.tolerance(this); }

    /**
     * The rule's bound for this entity: of a compound bound, a school's 学段 part or a region's level
     * part ({@code 省 >= 200；市 >= 50}); null when it has none.
     */
    Bound boundFor(Entity e) {
        Bound b = meta.bound();
        if (!b.isCompound()) return b;
        return b.forLabel(e.getKind().isRegion() ? e.getLevel() : e.getStage());
    }

    Verdict noBoundForStage() {
        if (entity.getKind().isRegion()) {
            return verdict(Status.INSUFFICIENT_DATA).missing(List.of(entity.getLevel() + "级的界值"))
                    .message("数据不足：界值（" + meta.bound().text() + "）中没有“" + entity.getLevel() + "”的分项").build();
        }
        String st = entity.getStage() == null || entity.getStage().isBlank() ? "（未填学段）" : entity.getStage();
        boolean unsplit = st.contains("一贯制") || st.contains("完全中学");
        return verdict(Status.INSUFFICIENT_DATA).missing(List.of("学段“" + st + "”的界值"))
                .message(unsplit ? "数据不足：学段为“" + st + "”，界值按小学、初中分别规定；请将该校小学部、初中部作为单独的学校行填报（学段填“小学”或“初中”）"
                        : "数据不足：界值（" + meta.bound().text() + "）中没有学段“" + st + "”的分项").build();
    }

    /** Within {@code @warn} of the bound (never for {@code =}). */
    boolean narrow(BigDecimal observed, BigDecimal bound, Op op) {
        BigDecimal m = meta.warnMargin();
        if (m == null || op == Op.EQ) return false;
        return observed.subtract(bound).abs().compareTo(m) <= 0;
    }

    String warnText(Status s) { return Messages.warnText(meta, s); }

    /** A value exactly at a strict bound (高于, 低于, 增长, 下降): what {@code @tie} makes of it. */
    boolean strictTie(BigDecimal observed, BigDecimal bound, Op op) {
        return (op == Op.GT || op == Op.LT) && observed.compareTo(bound) == 0;
    }

    /** What a tie at a strict bound gives: {@code @tie}, else 不达标. */
    Status tie() {
        Status t = meta.indicator().reading().tie();
        return t == null ? Status.FAIL : t;
    }

    String tieText(String what) { return Messages.tieText(tie(), what); }

    /** True when {@code observed} misses {@code bound} by no more than the tolerance. */
    boolean within(BigDecimal observed, BigDecimal bound, Limit tol) {
        return tol != null && tol.number() != null && observed.subtract(bound).abs().compareTo(tol.number()) <= 0;
    }
}
