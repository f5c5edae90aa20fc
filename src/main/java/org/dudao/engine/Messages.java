package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The Chinese sentences of the verdicts the patterns give. */
final class Messages {
    private Messages() {}

    static String warnText(RuleMeta meta, Status s) {
        return s == Status.WARN ? "，但在预警幅度 " + Fmt.num(meta.warnMargin()) + " 以内" : "";
    }

    /** What a tie gives, in words: {@code what} is 持平 (a year on year) or 恰好等于界值. */
    static String tieText(Status tie, String what) {
        return switch (tie) {
            case WARN -> "；本指标" + what + "记为预警，不记为不达标";
            case PASS -> "；本指标" + what + "记为达标";
            default -> "，不满足";
        };
    }

    static String toleranceText(BigDecimal observed, BigDecimal bound, String unit, Limit tol) {
        return "，差 " + Fmt.difference(observed.subtract(bound).abs(), unit) + "，在原文“左右”的容差 " + Fmt.difference(tol.number(), unit)
                + tol.text() + " 以内，记为预警";
    }

    static String childList(List<ChildFinding> children) {
        List<String> parts = new ArrayList<>();
        for (ChildFinding f : children.subList(0, Math.min(5, children.size()))) parts.add(f.entityName() + "（" + f.message() + "）");
        return String.join("、", parts) + (children.size() > 5 ? " 等 " + children.size() + " 个" : "");
    }

    /** {@code n} with as many decimals (up to ten) as it takes not to read as {@code other} when it is not equal to it. */
    static String beside(BigDecimal n, BigDecimal other) {
        String shown = Fmt.num(n);
        if (other == null || n.compareTo(other) == 0 || !shown.equals(Fmt.num(other))) return shown;
        for (int d = 5; d <= 10; d++) {
            BigDecimal r = n.setScale(d, RoundingMode.DOWN);
            if (r.compareTo(other) != 0) return r.stripTrailingZeros().toPlainString();
        }
        return n.toPlainString();
    }

    /** A number as {@link #beside} shows it, with its unit as {@link Fmt#num(BigDecimal, String)} writes one. */
    static String withUnit(String n, String unit) {
        return unit == null || unit.isEmpty() ? n : "%".equals(unit) ? n + "%" : n + " " + unit;
    }

    static String signed(BigDecimal n, String unit) {
        return (n.signum() > 0 ? "+" : "") + Fmt.num(n, unit);
    }

    static String names(List<ChildFinding> named, Status s) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named) if (f.status() == s) n.add(f.entityName());
        return Expr.abbreviate(n);
    }

    static String names(List<ChildFinding> named) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named) n.add(f.entityName());
        return Expr.abbreviate(n);
    }
}
