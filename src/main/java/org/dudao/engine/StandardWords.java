package org.dudao.engine;

import org.dudao.util.TextMemo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An indicator's standard in words, as a supervision report states it, for the engine's verdicts and the
 * reports alike: {@code >= {FUND-03提高额|150} 元} of a change-by rule is 比上年增加不少于 150 元,
 * {@code 小学 <= 0.50；初中 <= 0.45} is 小学不超过 0.50，初中不超过 0.45, {@code <= 15} of a ratio of
 * pupils to teachers is 不低于 1:15. A parameter is replaced by the value used; where it came from is said
 * once for the run, never beside the standard. Numbers keep the precision they are written with.
 */
public final class StandardWords {
    /** Where an indicator's name stops naming the quantity and starts stating the standard. */
    private static final Pattern STANDARD_WORDS = Pattern.compile(
            "只增不减|不反弹|达到|不低于|不高于|不超过|不少于|(?:高于|低于)(?=\\d)|比上年|逐步增长|逐步消减|持续压减|稳中有进|动态清零|清零|全部|覆盖(?!率)|建有");
    private static final Pattern TRAILING_NOTE = Pattern.compile("（[^（）\\d]*）$");
    /** The phrases of a year-on-year standard, as the plans write them. */
    private static final Pattern YEAR_ON_YEAR = Pattern.compile("只增不减|逐步增长|稳中有进|持续压减|逐步消减|不反弹");

    private StandardWords() {}

    /**
     * A yes/no standard other than coverage in the indicator's own words, where its name ends in what is to be had
     * (随班就读学生5人以上的学校建有资源教室: 建有资源教室, not 为“是”, which reads like a form's field); null otherwise:
     * a name ending in 全覆盖 or 达到 … says what the region achieves, not what each unit answers (SPED-03's schools keep 为“是”).
     */
    public static String ownWords(Bound b, String pattern, String name) {
        if (b == null || !b.isYesNo() || b.param() != null || b.isCompound() || b.op() != Op.EQ || b.number().signum() == 0
                || "coverage".equals(pattern) || name == null) {
            return null;
        }
        String q = quantity(name);
        return name.startsWith(q) && name.startsWith("建有", q.length()) ? name.substring(q.length()) : null;
    }

    /** {@link #ownWords}, or {@code words} where the indicator has none. */
    public static String yesNo(Bound b, String pattern, String name, String words) {
        String own = ownWords(b, pattern, name);
        return own != null ? own : words;
    }

    /** A catalogue bound as the engine reads it, without the thresholds table's note; null when it does not parse. */
    public static Bound parse(String bound) {
        if (bound == null) return null;
        try {
            return Bound.parse(bound.replaceAll("（界值表[^）]*）$", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The whole standard: a compound bound part by part ({@code 小学不超过 0.50，初中不超过 0.45}). {@code value}
     * gives a parameter's value (null: not set); {@code unit} is said where the bound names none (人 of a
     * per-hundred-pupils figure; {@link Fmt#PER_PERSON} for 1:n), or null.
     */
    public static String of(Bound b, String pattern, Function<String, BigDecimal> value, String unit) {
        // every child answering 是 is what the plans call 全覆盖 (覆盖所有县, 全部达到); 为“是” read like a form's field.
        // Each child is still held to 为“是” (words(), the limit of its finding).
        if ("coverage".equals(pattern) && b.isYesNo() && b.param() == null && b.op() == Op.EQ && b.number().signum() != 0) return "全覆盖";
        if (!b.isCompound()) return words(b, pattern, number(b, value), unit);
        Bound need = b.part(MET), rest = b.part(REST);
        if (need != null && rest != null && b.parts().size() == 2) {
            BigDecimal n = number(need, value), share = number(rest, value);
            return schoolBalance(n == null ? "（标准值未设置）" : Fmt.num(n), share == null ? "（标准值未设置）" : number(share, "%"));
        }
        List<String> parts = new ArrayList<>();
        for (Bound.Part p : b.parts()) parts.add(p.label() + words(p.bound(), pattern, number(p.bound(), value), unit));
        return String.join("，", parts);
    }

    /** The parts of BAL-SCHOOL's bound ({@code 达标项 >= 6 项；其余项 >= 85%}), as its pattern reads them. */
    static final String MET = "达标项", REST = "其余项";

    /**
     * A school's balance standard (教督〔2017〕6号 第六条: 至少6项达到, 余项不低于要求的85%), as the verdict
     * and the catalogue both say it; {@code 其余项不低于 85%} would read as 85% of nothing.
     */
    static String schoolBalance(String atLeast, String share) {
        return "七项指标中至少 " + atLeast + " 项达标，其余项不低于标准的 " + share;
    }

    /** The number a simple bound compares with, after its parameter; null for a bound against last year or another metric. */
    static BigDecimal number(Bound b, Function<String, BigDecimal> value) {
        return b.param() != null ? value.apply(b.param()) : b.number();
    }

    /** A simple bound in words, with {@code n} the number it compares with (null: not set). */
    public static String words(Bound b, String pattern, BigDecimal n, String unitHint) {
        String unit = b.unit() != null ? b.unit() : unitHint;
        boolean perPerson = Fmt.PER_PERSON.equals(unit);
        if (b.previousYear()) return b.op() == Op.EQ ? "与上年持平" : op(b.op()) + "上年";
        if (b.timeProgress()) return op(b.op()) + "时间进度";
        if (b.metric() != null) return op(b.op()) + b.metric();
        if (b.isYesNo() && b.param() == null) return "为“" + (b.number().signum() != 0 ? "是" : "否") + "”";
        if (n == null) return op(b.op()) + "（标准值未设置）";
        String shown = number(n, unit);
        if ("change-by".equals(pattern)) {
            if ("%".equals(unit) && (b.op() == Op.LE || b.op() == Op.LT) && n.compareTo(BigDecimal.valueOf(100)) < 0) {
                return "比上年下降" + (b.op() == Op.LE ? "不少于 " : "超过 ") + number(BigDecimal.valueOf(100).subtract(n), "%");
            }
            return switch (b.op()) {
                case GE -> "比上年增加不少于 " + shown;
                case GT -> "比上年增加超过 " + shown;
                case LE -> "比上年增加不超过 " + shown;
                case LT -> "比上年增加少于 " + shown;
                case EQ -> "比上年增加 " + shown;
            };
        }
        if ("zero".equals(pattern) && b.op() == Op.EQ && n.signum() == 0) return "清零";
        if ("coverage".equals(pattern) && b.op() == Op.EQ && n.signum() == 0) return "各项均达标";
        if (perPerson) {
            // children per teacher at most n is a teacher-to-children ratio of at least 1:n
            return switch (b.op()) {
                case LE -> "不低于 ";
                case LT -> "高于 ";
                case GE -> "不高于 ";
                case GT -> "低于 ";
                case EQ -> "为 ";
            } + shown;
        }
        // a share's ceiling is reached, not exceeded: plans write 达到100% (or 全部), and so does the report, for = 100% too
        if ((b.op() == Op.GE || b.op() == Op.EQ) && full(n, unit)) return "达到 " + shown;
        return op(b.op()) + " " + shown;
    }

    /** 100%: a share that cannot be exceeded, whose 不低于 is 达到. */
    static boolean full(BigDecimal n, String unit) {
        return "%".equals(unit) && n.compareTo(BigDecimal.valueOf(100)) == 0;
    }

    /** 不低于, 不超过, 高于, 低于, 为: the comparison of a bound in words. */
    static String op(Op op) {
        return switch (op) {
            case GE -> "不低于";
            case LE -> "不超过";
            case GT -> "高于";
            case LT -> "低于";
            case EQ -> "为";
        };
    }

    /** A number as written, with its unit: {@code 50%}, {@code 650 元}, {@code 0.50}, {@code 1:15}. */
    public static String number(BigDecimal n, String unit) {
        String s = n.toPlainString();
        if (Fmt.PER_PERSON.equals(unit)) return "1:" + s;
        return Fmt.withUnit(s, unit);
    }

    /** Indicators' names already read: a name is a rule's, asked for by each of its verdicts. */
    private static final TextMemo<String> QUANTITIES = new TextMemo<>(4096);
    /** A soft word ending the quantity, compiled once: {@code String.replaceAll} compiled it for every verdict. */
    private static final Pattern SOFT_ENDING = Pattern.compile("(?:的|一般|原则上|力争|基本|争创)+$");

    /** The quantity an indicator's name is about: 公办幼儿园在园幼儿占比 of 公办幼儿园在园幼儿占比达到50%. */
    public static String quantity(String name) {
        return name == null ? readQuantity(null) : QUANTITIES.get(name, StandardWords::readQuantity);
    }

    private static String readQuantity(String name) {
        String s = name == null ? "" : name.strip();
        if (s.startsWith("消除")) s = s.substring(2);
        Matcher m = STANDARD_WORDS.matcher(s);
        while (m.find()) {
            if (m.start() == 0) continue; // 达到平安校园标准的学校比例: the standard's word opens the quantity's name
            s = s.substring(0, m.start());
            break;
        }
        s = TRAILING_NOTE.matcher(s.strip()).replaceAll("");
        // words that soften a standard (一般不低于, 原则上不超过) belong to it, not to the quantity
        s = SOFT_ENDING.matcher(s).replaceAll("");
        return s.isEmpty() ? (name == null ? "" : name) : s;
    }

    /** The phrase a year-on-year standard is known by (只增不减, 逐步增长 …), from the indicator's name, else from the comparison. */
    static String yearOnYear(String name, Op op) {
        Matcher m = YEAR_ON_YEAR.matcher(name == null ? "" : name);
        if (m.find()) return m.group();
        return switch (op) {
            case GE -> "只增不减";
            case GT -> "增长";
            case LE -> "不反弹";
            case LT -> "下降";
            case EQ -> "与上年持平";
        };
    }
}
