package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.Metric;
import org.dudao.model.Status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese sentences of the verdicts, as an inspector writes them: one template per pattern (threshold,
 * zero, year on year, change by, coverage …), filled by the pattern classes with numbers already in words
 * ({@link Fmt}) and the standard in words ({@link StandardWords}). No rule syntax, parameter note or file path
 * goes into a sentence.
 */
public final class Messages {
    /** A limit of 100%, at whatever precision it was published (100.0%): 达到, as {@link StandardWords} says it. */
    private static final Pattern FULL = Pattern.compile("100(\\.0+)?%");

    private Messages() {}

    /** How to enter a school of several stages so that each stage can be assessed. */
    static final String SPLIT_ADVICE = "请按学部分行填报，学段填“九年一贯制小学部”“九年一贯制初中部”（或“完全中学初中部”等），可共用一个学校代码";

    // ---- pieces ---------------------------------------------------------------------------

    /** {@code @soft}: 。原文为“力争”，是努力方向而非硬性要求：未达到记为预警，不记为不达标 */
    static String soft(String word) {
        return "。原文为“" + word + "”，是努力方向而非硬性要求：未达到记为预警，不记为不达标";
    }

    /** {@code @warn}: ，但与标准相差不超过预警幅度 2 个百分点 (nothing unless the status is WARN). */
    static String warn(Status s, BigDecimal margin, String unit) {
        return s == Status.WARN && margin != null ? "，但与标准相差不超过预警幅度 " + Fmt.difference(margin, unit) : "";
    }

    /** {@code @tie}: what a value exactly at a strict standard gives, said after the finding ({@code what}: 持平, 恰好等于标准). */
    static String tie(Status tie, String what) {
        return switch (tie) {
            case WARN -> "；本指标" + what + "记为预警，不记为不达标";
            case PASS -> "；本指标" + what + "记为达标";
            default -> "";
        };
    }

    /** A compound standard without the part an entity needs. */
    static String noPart(String which, String standard) {
        return "数据不足：标准（" + standard + "）中没有" + which + "的分项";
    }

    /** A condition on a metric in words: 班额 56 人及以上, 随班就读学生数 5 人及以上, 平安校园为“是”. */
    static String condition(String metric, Bound cond) {
        if (cond.isYesNo()) return metric + "为“" + (cond.number().signum() != 0 ? "是" : "否") + "”";
        String unit = cond.unit() != null ? cond.unit() : ClassSizes.SIZE.equals(metric) ? "人" : null;
        if (unit == null || cond.number() == null) {
            return metric + StandardWords.op(cond.op()) + (cond.number() == null ? cond.metric() : " " + StandardWords.number(cond.number(), null));
        }
        String n = StandardWords.number(cond.number(), unit);
        return metric + switch (cond.op()) {
            case GE -> " " + n + "及以上";
            case LE -> " " + n + "及以下";
            case GT -> "多于 " + n;
            case LT -> "少于 " + n;
            case EQ -> "为 " + n;
        };
    }

    /** A count's name without its 数 where the unit says what is counted: 涉校涉生安全事故 1 起, not 涉校涉生安全事故数 1 起. */
    static String counted(String name, String unit) {
        if (name == null || !name.endsWith("数") || name.length() < 3 || unit == null) return name;
        if (!Set.of("起", "所", "个", "间", "门", "套", "项", "家", "班").contains(unit)) return name;
        return name.substring(0, name.length() - 1);
    }

    /** 公办幼儿园在园幼儿占比 45%（公办园在园幼儿数 13500 人，在园幼儿数 30000 人）: a value and, when computed, the figures it was computed from. */
    static String subject(String name, String value, String inputs) {
        return name + " " + value + (inputs.isEmpty() ? "" : "（" + inputs + "）");
    }

    /**
     * The figures a computed value rests on, each once: 公办园在园幼儿数 13500 人，在园幼儿数 30000 人; a figure of two
     * years (a growth rate) once, with each year: 教育财政拨款 2024年 105 万元、2023年 100 万元.
     */
    static String inputs(List<Metric> evidence) {
        Map<Figure, Map<Integer, String>> byFigure = new LinkedHashMap<>();
        for (Metric m : evidence) byFigure.computeIfAbsent(Figure.of(m), f -> new LinkedHashMap<>(2)).putIfAbsent(m.getYear(), m.display());
        List<String> out = new ArrayList<>(byFigure.size());
        for (Map.Entry<Figure, Map<Integer, String>> f : byFigure.entrySet()) {
            Map<Integer, String> years = f.getValue();
            if (years.size() == 1) {
                out.add(f.getKey().metric() + " " + years.values().iterator().next());
                continue;
            }
            List<String> each = new ArrayList<>(years.size());
            years.forEach((year, shown) -> each.add(year + "年 " + shown));
            out.add(f.getKey().metric() + " " + String.join("、", each));
        }
        return String.join("，", out);
    }

    /** A metric of an entity, whatever the year: a record, not a string built per figure (this runs for most verdicts). */
    private record Figure(String metric, String entity) {
        static Figure of(Metric m) { return new Figure(m.getKey(), m.getEntityCode()); }
    }

    /** 2024年6月30日. */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    // ---- threshold, target-progress, a school's balance indicator ---------------------------------------

    /** 学前三年毛入园率 90%，达标（标准为不低于 85%）. */
    static String meets(String subject, String standard) {
        // 标准为 100%, not 标准为达到 100%
        return subject + "，达标（标准为" + (standard.startsWith("达到 ") ? " " + standard.substring(3) : standard) + "）";
    }

    /**
     * 学前三年毛入园率 80%，低于 85% 的标准，差 5 个百分点; 专任教师与幼儿比 1:16，低于 1:15 的标准. {@code noun} is 标准 or
     * 目标, empty where the limit is another figure (低于公务员平均工资收入 100000 元).
     */
    static String misses(String subject, Op op, boolean perPerson, String limit, String noun, String gap) {
        String word = op == Op.GE && !perPerson && FULL.matcher(limit).matches() ? "未达到" : failWord(op, perPerson); // as the standard says 达到 100%
        return subject + "，" + spaced(word, limit) + (noun.isEmpty() ? "" : of(limit) + noun) + gap;
    }

    /** {@code words} and a figure, with a space before a figure that starts with a digit: 低于 85%, 低于时间进度 50%. */
    static String spaced(String words, String figure) {
        return figure.isEmpty() || !Character.isLetterOrDigit(figure.charAt(0)) || Character.UnicodeScript.of(figure.charAt(0)) == Character.UnicodeScript.HAN
                ? words + figure : words + " " + figure;
    }

    /** 的 after a figure: 85% 的, 1:15 的, but 50 所的. */
    static String of(String figure) {
        char last = figure.isEmpty() ? ' ' : figure.charAt(figure.length() - 1);
        return last < 128 ? " 的" : "的";
    }

    /**
     * 是/否 against the standard: 资源教室为“否”，标准为“是”; or, with the standard in the indicator's own words
     * ({@link StandardWords#ownWords}), 资源教室为“否”，未达到“建有资源教室”的标准.
     */
    static String notYes(String name, String observed, String standard, boolean ownWords) {
        return name + "为“" + observed + "”，" + (ownWords ? "未达到“" + standard + "”的标准" : "标准" + standard);
    }

    /** How short of (or over) the limit a value is: ，差 5 个百分点 / ，超出 7.5 个百分点. */
    static String gap(BigDecimal observed, BigDecimal limit, String unit) {
        BigDecimal d = limit.subtract(observed);
        if (d.signum() == 0) return "";
        return (d.signum() > 0 ? "，差 " : "，超出 ") + Fmt.difference(d.abs(), unit);
    }

    /** “左右”: ，在原文“左右”的容差 1 个百分点以内，记为预警 */
    static String tolerated(BigDecimal tolerance, String unit) {
        String t = Fmt.difference(tolerance, unit);
        return "，在原文“左右”的容差 " + t + (t.charAt(t.length() - 1) < 128 ? " " : "") + "以内，记为预警";
    }

    private static String failWord(Op op, boolean perPerson) {
        if (perPerson) {
            return switch (op) {
                case LE -> "低于";
                case LT -> "未高于";
                case GE -> "高于";
                case GT -> "未低于";
                case EQ -> "未达到";
            };
        }
        return switch (op) {
            case GE -> "低于";
            case GT -> "未高于";
            case LE -> "超过";
            case LT -> "未低于";
            case EQ -> "未达到";
        };
    }

    // ---- zero (清零) --------------------------------------------------------------------------

    /** 仍有义务教育大班额（56人及以上）2 个，未实现清零：甲校 三(1)班（班额 58 人）… */
    static String notCleared(String quantity, String count, String phrase, String children) {
        return "仍有" + withCount(quantity, count) + "，未实现" + phrase + (children.isEmpty() ? "" : "：" + children);
    }

    /** 大班额 2 个（56人及以上）: a quantity's closing note goes after its count. */
    private static String withCount(String quantity, String count) {
        Matcher m = NOTE.matcher(quantity);
        return m.matches() ? m.group(1) + " " + count + "（" + m.group(2) + "）" : quantity + " " + count;
    }

    private static final Pattern NOTE = Pattern.compile("(.+)（([^（）]+)）");

    /** 义务教育失学辍学 0 人，实现动态清零 */
    static String cleared(String quantity, String count, String phrase) {
        return withCount(quantity, count) + "，实现" + phrase;
    }

    // ---- year on year --------------------------------------------------------------------------

    /**
     * 一般公共预算教育支出 98000 万元，比上年减少 2000 万元，同比下降 2.0%，未实现“只增不减”. {@code change} and {@code rate}
     * come from {@link #change} and {@link #rate}.
     */
    static String yearOnYear(String name, String now, String change, String rate, boolean met, String phrase) {
        return name + " " + now + "，" + change + rate + "，" + (met ? "实现" : "未实现") + "“" + phrase + "”";
    }

    /** 比上年减少 2000 万元, 比上年提高 0.5 个百分点, 与上年持平. */
    public static String change(BigDecimal change, String unit) {
        if (change.signum() == 0) return "与上年持平";
        boolean pct = "%".equals(unit);
        return "比上年" + (change.signum() > 0 ? pct ? "提高 " : "增加 " : pct ? "下降 " : "减少 ") + Fmt.difference(change.abs(), unit);
    }

    /** ，同比下降 2.0%: the change as a share of last year's figure, to one decimal; nothing for a percentage or from 0. */
    static String rate(BigDecimal now, BigDecimal before, String unit) {
        if ("%".equals(unit) || before.signum() == 0 || now.compareTo(before) == 0) return "";
        BigDecimal r = now.subtract(before).movePointRight(2).divide(before.abs(), MathContext.DECIMAL128);
        BigDecimal shown = r.abs().setScale(1, RoundingMode.HALF_UP);
        String amount = shown.signum() == 0 ? "不足 0.1%" : shown.toPlainString() + "%";
        return "，同比" + (r.signum() > 0 ? "增长 " : "下降 ") + amount;
    }

    // ---- change by -----------------------------------------------------------------------------

    /** 义务教育生均公用经费 2900 元，比上年减少 100 元，未达到比上年增加不少于 150 元的标准 */
    static String changeBy(String name, String now, String change, boolean met, String standard) {
        return name + " " + now + "，" + change + "，" + (met ? "达标（标准为" + standard + "）" : "未达到" + standard + "的标准");
    }

    /** 涉校涉生安全事故 1 起（上年 0 起），未实现下降 10% */
    static String changeRatio(String name, String now, String before, String change, boolean met, String target) {
        return name + " " + now + "（上年 " + before + "）" + (change.isEmpty() ? "" : "，" + change) + "，" + (met ? "实现" : "未实现") + target;
    }

    // ---- conditional ---------------------------------------------------------------------------

    /** 不适用：随班就读学生数 3 人，不满足适用条件（随班就读学生数 5 人及以上） */
    static String notApplicable(String subject, String condition) {
        return "不适用：" + subject + "，不满足适用条件（" + condition + "）";
    }

    // ---- children: coverage, share of children, roll-up -------------------------------------------

    /** 共 6 所学校：达到 4 所，未达到 1 所，数据不足 1 所 */
    static String counts(int total, Children kids, int met, int failed, int lacking) {
        String m = kids.measure();
        return "共 " + total + " " + m + kids.label() + "：达到 " + met + " " + m + "，未达到 " + failed + " " + m + "，数据不足 " + lacking + " " + m;
    }

    /** 1 所学校未达到要求：二县城关小学（共 3 所学校：…） */
    static String notCovered(int failed, Children kids, String names, String counts) {
        return failed + " " + kids.measure() + kids.label() + "未达到要求：" + names + "（" + counts + "）";
    }

    /** 全覆盖：6 所学校均达到要求 */
    static String covered(int total, Children kids) {
        return "全覆盖：" + total + " " + kids.measure() + kids.label() + "均达到要求";
    }

    /** 没有未达到要求的学校，但 2 所数据不足：… */
    static String coverageUnknown(int lacking, Children kids, String names) {
        return "没有未达到要求的" + kids.label() + "，但 " + lacking + " " + kids.measure() + kids.label() + "数据不足：" + names;
    }

    /** 达到平安校园标准的学校比例 60.87%（14/23 所学校） */
    static String share(String quantity, String pct, int met, int total, Children kids) {
        return quantity + " " + pct + "（" + met + "/" + total + " " + kids.measure() + kids.label() + "）";
    }

    // ---- lists -----------------------------------------------------------------------------------

    static String childList(List<ChildFinding> children) { return childList(Capped.of(children)); }

    /** The first five children with their findings, then “等 N 个”. */
    static String childList(Capped<ChildFinding> children) {
        List<String> parts = new ArrayList<>();
        for (ChildFinding f : children.first().subList(0, Math.min(5, children.first().size()))) parts.add(f.entityName() + "（" + f.message() + "）");
        return String.join("、", parts) + (children.total() > 5 ? " 等 " + children.total() + " 个" : "");
    }

    static String names(List<ChildFinding> named, Status s, String measure) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named) if (f.status() == s) n.add(f.entityName());
        return Expr.abbreviate(n, measure);
    }

    static String names(List<ChildFinding> named, String measure) { return names(Capped.of(named), measure); }

    static String names(List<ChildFinding> named) { return names(named, "个"); }

    /** The first five names of a capped list, then “等 N 个” of all of them. */
    static String names(Capped<ChildFinding> named) { return names(named, "个"); }

    static String names(Capped<ChildFinding> named, String measure) {
        List<String> n = new ArrayList<>();
        for (ChildFinding f : named.first()) n.add(f.entityName());
        return Expr.abbreviate(n, named.total(), measure);
    }

    static String signed(BigDecimal n, String unit) {
        return (n.signum() > 0 ? "+" : "") + Fmt.value(n, unit);
    }
}
