package org.dudao.engine;

import java.math.BigDecimal;

/** A comparison in a bound: {@code >= <= = > <}, written in ASCII or as ≥ ≤. */
public enum Op {
    GE("≥"), LE("≤"), EQ("="), GT(">"), LT("<");

    private final String symbol;

    Op(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public boolean test(BigDecimal observed, BigDecimal bound) {
        int c = observed.compareTo(bound);
        return switch (this) {
            case GE -> c >= 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
            case GT -> c > 0;
            case LT -> c < 0;
        };
    }

    /** An upper bound (≤, <): a share of what should be rare (oversized classes), whose members a roll-up names. */
    public boolean isUpper() { return this == LE || this == LT; }

    /** The words a report uses for a failure of this comparison: 低于, 高于, 不等于. */
    public String failWord() {
        return switch (this) {
            case GE, GT -> "低于";
            case LE, LT -> "高于";
            case EQ -> "不等于";
        };
    }

    /** Reads the operator at the start of a bound; returns null when there is none. */
    static Op prefix(String s) {
        if (s.startsWith(">=") || s.startsWith("≥") || s.startsWith("＞＝") || s.startsWith("不低于") || s.startsWith("不少于")) return GE;
        if (s.startsWith("<=") || s.startsWith("≤") || s.startsWith("不高于") || s.startsWith("不超过") || s.startsWith("不多于")) return LE;
        if (s.startsWith(">") || s.startsWith("＞") || s.startsWith("高于")) return GT;
        if (s.startsWith("<") || s.startsWith("＜") || s.startsWith("低于")) return LT;
        if (s.startsWith("==") || s.startsWith("=") || s.startsWith("＝")) return EQ;
        return null;
    }

    static int prefixLength(String s) {
        for (String p : new String[]{">=", "<=", "==", "≥", "≤", "＞＝", ">", "<", "=", "＞", "＜", "＝", "不低于", "不少于",
                "不高于", "不超过", "不多于", "高于", "低于"}) {
            if (s.startsWith(p)) return p.length();
        }
        return 0;
    }
}
