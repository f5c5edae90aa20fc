package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code everyClass} knows of a run of classes (and size bands), so that a region's is the sum of its
 * subtrees': how many are within the standard for their 学段 and how many over it, those over it and the
 * doubtful ones (in the order {@link ClassSizes#items} walks them, so a later subtree's follow), the evidence
 * (each class's standards and its own value, in that order), the standards that could not be resolved (each
 * once), and whether there was any class at all. The verdict is {@link #conclude concluded} from it alone.
 */
record ClassLimitTally(BigDecimal within, BigDecimal failing, Capped<ChildFinding> over, Capped<ChildFinding> doubtful, Capped<Metric> evidence,
                       List<String> missing, boolean any) implements Tally<ClassLimitTally> {
    static final ClassLimitTally NONE = new ClassLimitTally(BigDecimal.ZERO, BigDecimal.ZERO, Capped.none(), Capped.none(), Capped.none(), List.of(),
            false);

    /**
     * The classes against the part of {@code @bound} for their 学段 ({@code 小学 <= 45 人；初中 <= 50 人}), in the order
     * given. A band proves what its ends prove (46-50人 is over 45, 41-45人 is not), a class whose 学段 is not known
     * is held to each bound it may fall under.
     */
    static ClassLimitTally of(Call c, List<ClassSizes.Item> items) {
        Bound bound = c.meta().bound();
        List<ChildFinding> over = new ArrayList<>(), doubtful = new ArrayList<>();
        List<Metric> evidence = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        BigDecimal within = BigDecimal.ZERO, failing = BigDecimal.ZERO;
        Map<Stage, Limit> held = new EnumMap<>(Stage.class); // in the order of the stages looked at, as may is an EnumSet
        for (ClassSizes.Item i : items) {
            if (i.count() != null && i.count().signum() == 0) continue;
            Set<Stage> may = EnumSet.noneOf(Stage.class);
            for (Stage s : i.stages()) if (s.isCompulsory()) may.add(s);
            if (may.isEmpty()) may = Stage.COMPULSORY;
            Boolean allFail = Boolean.TRUE, allPass = Boolean.TRUE;
            held.clear();
            for (Stage s : may) {
                Bound part = bound.forLabel(s.label());
                Limit l = part == null ? null : c.limit(part, "人");
                if (l == null || l.number() == null) {
                    missing.add(l == null ? "“" + s.label() + "”的标准" : String.join("、", l.missing()));
                    allFail = allPass = null;
                    continue;
                }
                evidence.addAll(l.evidence());
                held.put(s, l);
                Boolean r = i.meets(part.op(), l.number());
                if (r != Boolean.FALSE) allFail = Boolean.FALSE;
                if (r != Boolean.TRUE) allPass = Boolean.FALSE;
            }
            if (allPass == Boolean.TRUE) {
                if (i.count() != null) within = within.add(i.count());
                continue; // most classes: nothing to say about them
            }
            String said = said(i, held);
            if (allFail == Boolean.TRUE && i.member() == Boolean.TRUE && i.count() != null) {
                failing = failing.add(i.count());
                over.add(ClassSizes.finding(c.facts(), i, Status.FAIL, said));
                if (i.evidence() != null) evidence.add(i.evidence());
            } else {
                String doubt = i.member() == Boolean.TRUE && may.size() > 1 && i.low() != null ? "不知是小学还是初中的班级（学段不明，请填写年级）" : i.doubt();
                doubtful.add(ClassSizes.finding(c.facts(), i, Status.INSUFFICIENT_DATA, said + "，" + doubt));
            }
        }
        return new ClassLimitTally(within, failing, Capped.of(over), Capped.of(doubtful), Capped.of(evidence), List.copyOf(missing),
                !items.isEmpty());
    }

    /** This tally and a later subtree's: sums added, lists one after the other, each missing standard kept once. */
    @Override public ClassLimitTally plus(ClassLimitTally o) {
        List<String> lacking = missing;
        if (!o.missing.isEmpty()) {
            Set<String> both = new LinkedHashSet<>(missing);
            both.addAll(o.missing);
            lacking = List.copyOf(both);
        }
        return new ClassLimitTally(within.add(o.within), failing.add(o.failing), over.then(o.over), doubtful.then(o.doubtful),
                evidence.then(o.evidence), lacking, any || o.any);
    }

    /** FAIL naming the classes over their standard; INSUFFICIENT_DATA for a standard missing, no class, or doubtful classes only. */
    Verdict conclude(Call c, Children kids, String metric) {
        String limitText = c.standard("人");
        Verdict.Builder out = c.verdict(Status.PASS).bound(limitText).evidence(evidence.first())
                .observed(failing, Fmt.num(failing) + " 个班级超过标准班额")
                .formula("每个" + kids.label() + "的" + metric + "不超过其学段的标准（" + limitText + "）：未超过 " + Fmt.num(within)
                        + " 个，超过 " + Fmt.num(failing) + " 个，不明 " + doubtful.total() + " 项");
        if (!missing.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(missing)
                    .message("数据不足：缺少 " + String.join("、", missing)).build();
        }
        if (!any) {
            return out.status(Status.INSUFFICIENT_DATA).observed(null, null).missing(List.of(c.year() + "年" + kids.label() + "的“" + metric + "”"))
                    .message("数据不足：没有" + kids.label() + "的" + metric + "数据").build();
        }
        if (!over.isEmpty()) {
            List<ChildFinding> named = new ArrayList<>(over.first());
            named.addAll(doubtful.first());
            return out.status(Status.FAIL).children(named, over.total() + doubtful.total()).message(Fmt.num(failing) + " 个" + kids.label() + "超过标准班额（" + limitText + "）："
                    + Messages.childList(over)).build();
        }
        if (!doubtful.isEmpty()) {
            return out.status(Status.INSUFFICIENT_DATA).children(doubtful.first(), doubtful.total()).missing(List.of(Messages.names(doubtful) + " 的学段或班额"))
                    .message("没有超过标准班额的班级，但 " + doubtful.total() + " 项不能确定：" + Messages.childList(doubtful)).build();
        }
        return out.message("全部 " + Fmt.num(within) + " 个" + kids.label() + "均未超过标准班额（" + limitText + "）").build();
    }

    /**
     * A class's size with the standards it was held to: 班额 58 人，标准为小学不超过 45 人 — no brackets, as the
     * finding lists each class with this in brackets after its name.
     */
    private static String said(ClassSizes.Item i, Map<Stage, Limit> held) {
        List<String> parts = new ArrayList<>(held.size());
        for (Map.Entry<Stage, Limit> h : held.entrySet()) parts.add(h.getKey().label() + h.getValue().text());
        return i.sizeText() + "，标准为" + String.join("、", parts);
    }
}
