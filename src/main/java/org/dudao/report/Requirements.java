package org.dudao.report;

import org.dudao.engine.Bound;
import org.dudao.engine.Fmt;
import org.dudao.engine.Messages;
import org.dudao.engine.StandardWords;
import org.dudao.model.ChildFinding;
import org.dudao.model.Indicator;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a unit must do about a failure, as the 整改要求 of a supervision report states it: what to fix,
 * to which standard, and by when where the plan sets a date. One template per pattern, filled from the
 * indicator (the quantity its name is about), the standard in words ({@link Standards}), the verdict
 * (its observed value, the part and the children that did not pass) and the plan's deadline (a year
 * named in the indicator's name or source: {@code 2020年底}, {@code 2025年目标}, “十四五”).
 */
final class Requirements {
    /** Children named in a requirement before "等 N 个". */
    static final int CHILDREN_SHOWN = 3;
    private static final Pattern BUILT = Pattern.compile("(?:建有|建成|设立|配备)(.+)$");
    private static final Pattern RATE = Pattern.compile("率|比例|之比|占比|系数");
    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");
    private static final Pattern PLAIN_OPENING = Pattern.compile("[^，；：（]+");
    private static final Pattern BRACKETED = Pattern.compile("（[^）]*）|\\([^)]*\\)");
    /** The stages' names (普通高中), and 义务教育: a name's quantity that is one of these names no quantity. */
    private static final Set<String> STAGES = stages();
    private static final Pattern DEADLINE = Pattern.compile("(20\\d\\d)年(?:底|末|前|目标)");

    private final Standards standards;
    private final int year;

    Requirements(Standards standards, int year) {
        this.standards = standards;
        this.year = year;
    }

    /** The requirement for a failure of indicator {@code i}, with the deadline where there is one: for a text without a 完成时限 column. */
    String withDeadline(Indicator i, Verdict v) {
        Integer by = deadlineYear(i);
        String body = of(i, v);
        if (by == null) return body;
        return body + (by < year ? "（原定" + by + "年底前完成，已逾期，应立即整改）" : "，于" + by + "年底前完成");
    }

    /** The requirement for a failure of indicator {@code i}: what to fix and to which standard (the deadline goes beside it, {@link #deadline}). */
    String of(Indicator i, Verdict v) {
        String q = (v.getPart() == null ? "" : v.getPart()) + subject(i, v);
        Bound bound = Standards.parse(i.bound());
        boolean yesNo = bound != null && bound.isYesNo();
        String standard = standards.of(i, v);
        String children = children(v);
        Matcher built = BUILT.matcher(i.name());
        String pattern = i.pattern() == null ? "" : i.pattern();
        if (pattern.equals("coverage")) {
            String who = children.isEmpty() ? "所属各单位" : children;
            return "督促" + who + (built.find() ? "建成" + built.group(1) : "落实" + Shown.quoted(i.name()) + "的要求");
        }
        if (pattern.equals("task")) {
            // a task's name is what is to be done (认定150个网络名师工作室): it is quoted, not made a quantity
            int deadline = standard.indexOf("，任务期限");
            String target = deadline < 0 ? standard : standard.substring(0, deadline);
            String seen = v.getObservedText() == null || v.getObservedText().isEmpty() ? "" : "，现为 " + observed(v, yesNo);
            return "落实年度任务" + Shown.quoted(i.name()) + "（目标" + target + seen + "）";
        }
        if (pattern.equals("zero")) return "消除" + q + "，实现清零" + now(v, "现有 ", false) + (children.isEmpty() ? "" : "，涉及" + children);
        // a roll-up's observed value counts its children ("2 个学校不达标"): the children are named instead
        boolean rollUp = !children.isEmpty() && !pattern.equals("share-of-children");
        String now = rollUp ? "" : now(v, "现为 ", yesNo);
        String change = rollUp || !pattern.equals("change-by") ? null : change(v);
        String task = switch (pattern) {
            case "no-decrease" -> "确保" + q + standard + "（" + year + "年 " + observed(v) + last(v) + "）";
            case "no-rebound" -> "压减" + q + "，使其" + standard + "（" + year + "年 " + observed(v) + last(v) + "）";
            case "change-by" -> (standard.startsWith("比上年增加") ? "提高" : "降低") + q + "，使其" + standard
                    + (change == null ? "" : "（" + year + "年 " + change + "）");
            case "conditional" -> built.find() ? "建成" + built.group(1) + now : "使" + q + together(standard, now);
            default -> states(q) ? "落实" + Shown.quoted(i.name()) + "的要求" + now : verb(standard) + q + "，使其" + together(standard, now);
        };
        if (children.isEmpty()) return task;
        return rollUp ? "督促" + children + "整改：" + task : task + "，重点督促" + children;
    }

    /**
     * What the finding measured: the quantity its message opens with where that says more than the
     * indicator's name — a rate the name does not name (“城镇小区配套幼儿园办成……的比例 80%” for
     * 城镇小区配套幼儿园全部办成……), or a count of which the name gives only the stage (“班额 56 人及以上的普通高中班级 9 个”
     * for 普通高中逐步消减大班额, whose quantity would be 普通高中) — else the quantity of the indicator's name.
     */
    private static String subject(Indicator i, Verdict v) {
        String said = v.getMessage(), seen = v.getObservedText();
        int at = said == null || seen == null || seen.isEmpty() ? -1 : said.indexOf(" " + seen);
        String named = quantity(i.name());
        if (at <= 0 || v.getPart() != null) return named;
        String opening = Shown.text(said.substring(0, at));
        if (!PLAIN_OPENING.matcher(opening).matches()) return named;
        boolean rate = RATE.matcher(opening).find() && !RATE.matcher(named).find();
        boolean onlyStage = STAGES.contains(named) && opening.contains(named);
        return rate || onlyStage ? opening : named;
    }

    /** The quantity an indicator's name is about, as the engine's findings name it: 公办幼儿园在园幼儿占比 of 公办幼儿园在园幼儿占比达到50%. */
    static String quantity(String name) {
        return Shown.text(StandardWords.quantity(name));
    }

    /**
     * Whether the quantity left of an indicator's name still states a requirement (每12个班级配备……1间以上,
     * 每所学校至少6项指标): a number outside brackets. Such a name is quoted whole; “提高” it would not read.
     */
    static boolean states(String quantity) {
        return DIGIT.matcher(BRACKETED.matcher(quantity).replaceAll("")).find();
    }

    private static String verb(String standard) {
        if (standard.startsWith("不低于") || standard.startsWith("高于") || standard.startsWith("达到")) return "提高";
        if (standard.startsWith("不超过") || standard.startsWith("低于")) return "降低";
        return "落实";
    }

    private static Set<String> stages() {
        Set<String> names = new HashSet<>(Set.of("义务教育"));
        for (Stage s : Stage.values()) names.add(s.label());
        return Set.copyOf(names);
    }

    /** The plan's deadline for an indicator: the year by whose end it was to be met, or null when it names none. */
    static Integer deadlineYear(Indicator i) {
        String text = (i.name() == null ? "" : i.name()) + " " + (i.source() == null ? "" : i.source());
        Matcher m = DEADLINE.matcher(text);
        if (m.find()) return Integer.parseInt(m.group(1));
        return text.contains("十四五") ? 2025 : null;
    }

    /** The deadline as a table cell: 2025年底前, 原定2020年底前（已逾期）; empty when the plan names none. */
    String deadline(Indicator i) {
        Integer by = deadlineYear(i);
        if (by == null) return "";
        return by < year ? "原定" + by + "年底前（已逾期）" : by + "年底前";
    }

    /** The failing children a roll-up names: 甲小学、乙小学 等 5 个. */
    private static String children(Verdict v) {
        List<String> names = new ArrayList<>();
        int n = 0;
        for (ChildFinding c : v.getChildren()) {
            // a unit's own items (BAL-SCHOOL's seven) are not units to urge
            if (c.status() != Status.FAIL || c.entity().equals(v.getEntityCode())) continue;
            if (names.size() < CHILDREN_SHOWN) names.add(Shown.name(c.entityName()));
            n++;
        }
        if (n == 0) return "";
        return String.join("、", names) + (n > CHILDREN_SHOWN ? " 等 " + n + " 个单位" : "");
    }

    /**
     * A year-on-year finding's figure as a reader states it: this year's value and its change from last
     * year (“2900 元，比上年减少 100 元”, “10 起，与上年持平”), from the two years' values of the one quantity
     * the verdict cites in both years; null when there is no such quantity (a figure computed from several).
     * The observed value alone would not do: it is the change for one rule (FUND-03, “-100 元”) and this
     * year's count for another (SAFE-02).
     */
    static String change(Verdict v) {
        Map<String, Metric> now = new HashMap<>(), before = new HashMap<>();
        for (Metric m : v.getEvidence()) {
            if (m.getValue() == null) continue;
            if (m.getYear() == v.getYear()) now.put(m.getKey(), m);
            else if (m.getYear() == v.getYear() - 1) before.put(m.getKey(), m);
        }
        now.keySet().retainAll(before.keySet());
        if (now.size() != 1) return null;
        Metric n = now.values().iterator().next(), b = before.get(n.getKey());
        return Fmt.value(n.getValue(), n.getUnit()) + "，" + Messages.change(n.getValue().subtract(b.getValue()), n.getUnit());
    }

    /** A standard that ends in brackets takes the note into them: 高于财政经常性收入增长率（10%，现为 5%）. */
    private static String together(String standard, String note) {
        if (note.isEmpty() || !standard.endsWith("）")) return standard + note;
        return standard.substring(0, standard.length() - 1) + "，" + note.substring(1);
    }

    /** （现为 40%）; a 是/否 value read as a number (0, 1) as “否”/“是”. */
    private static String now(Verdict v, String lead, boolean yesNo) {
        if (v.getObservedText() == null || v.getObservedText().isEmpty()) return "";
        return "（" + lead + observed(v, yesNo) + "）";
    }

    /** The observed value as a reader sees it: text in quotes, a 是/否 read as a number (0, 1) as “否”/“是”. */
    static String observed(Verdict v, boolean yesNo) {
        String o = observed(v);
        return yesNo && (o.equals("0") || o.equals("1")) ? (o.equals("1") ? "“是”" : "“否”") : o;
    }

    private static String observed(Verdict v) {
        String o = Shown.text(v.getObservedText());
        return o.isEmpty() || Character.isDigit(o.charAt(0)) || o.charAt(0) == '-' || o.charAt(0) == '+' ? o : "“" + o + "”";
    }

    private String last(Verdict v) {
        if (v.getLimit() == null) return "";
        return "，上年 " + Fmt.value(v.getLimit(), Ranking.unit(v));
    }
}
