package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.MissingValue;
import org.dudao.model.Param;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One call of a pattern function: the session's context, the calling rule's metadata, the entity and
 * the year. It starts the verdict, picks the part of a compound bound that applies, resolves bounds
 * ({@link BoundResolver}), remembers which parameters and which cell of the thresholds table the verdict
 * rests on (structured fields of the verdict, never words in it), and says how a value near or at the
 * bound counts ({@code @warn}, {@code @tie}, {@code @tolerance}).
 */
final class Call {
    private final SessionContext session;
    private final RuleMeta meta;
    private final Entity entity;
    private final int year;
    private final Set<String> parameters = new LinkedHashSet<>();
    private String boundOrigin;

    Call(SessionContext session, RuleMeta meta, Entity entity, int year) {
        this.session = session;
        this.meta = meta;
        this.entity = entity;
        this.year = year;
    }

    static Call of(RuleContext kc, Entity e) {
        SessionContext s = (SessionContext) kc.getKieRuntime().getEnvironment().get(SessionContext.KEY);
        if (s == null) throw new IllegalStateException("session has no dudao context");
        RuleMeta meta = s.facts().memo().meta(kc.getRule(), r -> s.rules().get(r.getPackageName() + "." + r.getName()));
        if (meta == null) throw new IllegalStateException("rule has no indicator metadata: " + kc.getRule().getName());
        return new Call(s, meta, e, s.year());
    }

    /** A new call of the same rule for the same entity, with nothing resolved yet: for a verdict another pattern gives instead. */
    Call fresh() { return new Call(session, meta, entity, year); }

    SessionContext session() { return session; }

    RuleMeta meta() { return meta; }

    Entity entity() { return entity; }

    int year() { return year; }

    Facts facts() { return session.facts(); }

    /** What this call's session has already computed. */
    SessionMemo memo() { return session.facts().memo(); }

    /** The indicator's @pattern (threshold, change-by …). */
    String pattern() { return meta.indicator().pattern(); }

    /** What the indicator's name says the standard is about: 公办幼儿园在园幼儿占比. */
    String quantity() { return StandardWords.quantity(meta.indicator().name()); }

    Verdict.Builder verdict(Status s) {
        return new VerdictBuilder(this).status(s);
    }

    /** The workbook's 参数 sheet first, then rules/params.csv; the name is remembered for the verdict. */
    Param param(String name) {
        parameters.add(name);
        Param p = facts().param(name);
        return p != null ? p : session.ruleParams().get(name);
    }

    /** A parameter's value as this call resolves it (the default when it is not set), for the standard in words. */
    BigDecimal paramValue(String name, BigDecimal byDefault) {
        Param p = param(name);
        return p == null ? byDefault : number(p);
    }

    /** A parameter's number as written: a workbook's carries no written precision (150 comes as 150.0), so its trailing zeros go. */
    BigDecimal number(Param p) {
        BigDecimal n = p.getValue();
        if (n == null || facts().param(p.getName()) != p) return n;
        BigDecimal r = n.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /**
     * The tally of this call over the entity's children at {@code level}, as the session's {@link Tallies}
     * say: made by {@code make}, filed too, or the sum of the parts' ({@code none} when no part made one).
     */
    <T extends Tally<T>> T tally(String level, Supplier<String> what, T none, Supplier<T> make) {
        return facts().memo().tallies().of(this, level, what, none, make);
    }

    /** Parameters and a thresholds cell that a tally made in another session resolved for this call. */
    void resolved(List<String> names, String origin) {
        parameters.addAll(names);
        boundFrom(origin);
    }

    /** The parameters this call resolved, in order. */
    List<String> parameters() { return List.copyOf(parameters); }

    /** The cell of the thresholds table the bound came from, or null. */
    String boundOrigin() { return boundOrigin; }

    void boundFrom(String origin) {
        if (origin != null && boundOrigin == null) boundOrigin = origin;
    }

    /** A bound's number for this call, its words and where it came from; {@code unit} is said where the bound names none. */
    Limit limit(Bound b, String unit) { return BoundResolver.limit(this, b, unit); }

    Limit limit(Bound b) { return limit(b, null); }

    /** “左右”: the tolerance of {@code @tolerance} resolved, or null. */
    Limit tolerance() { return BoundResolver.tolerance(this); }

    /** The whole standard of the rule in words, parameters resolved (the bound a verdict shows unless its pattern says more). */
    String standard(String unit) { return StandardWords.yesNo(meta.bound(), pattern(), meta.indicator().name(), standard(unit, pattern())); }

    /** The standard each child is held to by a coverage rule, in words: 为“是” where the rule's is 全覆盖. */
    String eachChildsStandard(String unit) { return standard(unit, null); }

    private String standard(String unit, String pattern) {
        Bound b = meta.bound();
        if (b == null) return null;
        if (b.origin() != null) boundFrom(b.origin());
        for (Bound.Part p : b.parts()) if (p.bound().origin() != null) boundFrom(p.bound().origin());
        return StandardWords.of(b, pattern, name -> paramValue(name, defaultOf(b, name)), unit);
    }

    private static BigDecimal defaultOf(Bound b, String param) {
        if (param.equals(b.param())) return b.number();
        for (Bound.Part p : b.parts()) if (param.equals(p.bound().param())) return p.bound().number();
        return null;
    }

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
        String standard = standard(null);
        if (entity.getKind().isRegion()) {
            return verdict(Status.INSUFFICIENT_DATA).missing(List.of(entity.getLevel() + "级的标准"))
                    .message(Messages.noPart("“" + entity.getLevel() + "”级", standard)).build();
        }
        String st = entity.getStage() == null || entity.getStage().isBlank() ? "（未填学段）" : entity.getStage();
        boolean unsplit = st.contains("一贯制") || st.contains("完全中学");
        return verdict(Status.INSUFFICIENT_DATA).missing(List.of("学段“" + st + "”的标准"))
                .missingValues(List.of(new MissingValue(entity.getCode(), MissingValue.SCHOOL_SHEET, "学段",
                        null, List.of(), unsplit ? Messages.SPLIT_ADVICE : "标准按学段分别规定，请填写本校学段")))
                .message(unsplit ? "数据不足：学段为“" + st + "”，标准按小学、初中分别规定；" + Messages.SPLIT_ADVICE
                        : Messages.noPart("学段“" + st + "”", standard)).build();
    }

    /** Within {@code @warn} of the bound (never for {@code =}). */
    boolean narrow(BigDecimal observed, BigDecimal bound, Op op) {
        BigDecimal m = meta.warnMargin();
        if (m == null || op == Op.EQ) return false;
        return observed.subtract(bound).abs().compareTo(m) <= 0;
    }

    String warnText(Status s, String unit) { return Messages.warn(s, meta.warnMargin(), unit); }

    /** A value exactly at a strict bound (高于, 低于, 增长, 下降): what {@code @tie} makes of it. */
    boolean strictTie(BigDecimal observed, BigDecimal bound, Op op) {
        return (op == Op.GT || op == Op.LT) && observed.compareTo(bound) == 0;
    }

    /** What a tie at a strict bound gives: {@code @tie}, else 不达标. */
    Status tie() {
        Status t = meta.indicator().reading().tie();
        return t == null ? Status.FAIL : t;
    }

    String tieText(String what) { return Messages.tie(tie(), what); }

    /** True when {@code observed} misses {@code bound} by no more than the tolerance. */
    boolean within(BigDecimal observed, BigDecimal bound, Limit tol) {
        return tol != null && tol.number() != null && observed.subtract(bound).abs().compareTo(tol.number()) <= 0;
    }
}
