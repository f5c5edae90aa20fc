package org.dudao.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 学段 (stage of education) a school's classes can be in, read from the 学段 a school is entered
 * with (小学, 九年一贯制, 完全中学初中部, 技师学院 …) and from a class's 年级 (一年级, 初二, 高一, 大班 …).
 * A school whose 学段 covers several stages (完全中学, 十二年一贯制 entered as one school) gives a set
 * of several; an unknown or blank 学段 gives the empty set: nothing is guessed.
 */
public enum Stage {
    PRESCHOOL("学前"), PRIMARY("小学"), JUNIOR("初中"), SENIOR("普通高中"), VOCATIONAL("中职"), HIGHER("高等教育"), SPECIAL("特殊教育");

    private final String label;

    Stage(String label) { this.label = label; }

    public String label() { return label; }

    public boolean isCompulsory() { return this == PRIMARY || this == JUNIOR; }

    /** The compulsory stages, 小学 and 初中. */
    public static final Set<Stage> COMPULSORY = Collections.unmodifiableSet(EnumSet.of(PRIMARY, JUNIOR));

    /** What a school's 学段 says: the stages its classes can be in, the part it is of a whole school, that whole's type. */
    public record School(Set<Stage> stages, String part, String whole, boolean technical) {
        /** The part of a school (小学部, 初中部, 高中部) entered as a school of its own. */
        public boolean isPart() { return part != null; }

        /** Every stage is known and compulsory (小学, 初中, 九年一贯制 and its parts, 完全中学初中部 …). */
        public boolean onlyCompulsory() { return !stages.isEmpty() && COMPULSORY.containsAll(stages); }

        /** Some of its classes may be compulsory ones (or its 学段 is unknown). */
        public boolean mayBeCompulsory() { return stages.isEmpty() || stages.stream().anyMatch(Stage::isCompulsory); }

        /** A 一贯制 school numbers its grades 一年级 to 九年级 (十二年级) straight through. */
        boolean numbersStraightThrough() { return whole != null && whole.contains("一贯制"); }
    }

    private static final Map<String, School> SCHOOLS = new ConcurrentHashMap<>();
    private static final School UNKNOWN = new School(Set.of(), null, null, false);

    /** What a school's 学段 text says (cached: a sheet has a handful of distinct 学段). */
    public static School ofSchool(String text) {
        if (text == null || text.isBlank()) return UNKNOWN;
        School s = SCHOOLS.get(text);
        if (s == null) {
            s = parseSchool(text.strip());
            if (SCHOOLS.size() < 4096) SCHOOLS.put(text, s);
        }
        return s;
    }

    private static School parseSchool(String t) {
        String part = t.contains("小学部") ? "小学部" : t.contains("初中部") ? "初中部" : t.contains("高中部") ? "高中部" : null;
        String whole = t.contains("十二年一贯制") ? "十二年一贯制" : t.contains("九年一贯制") ? "九年一贯制"
                : t.contains("完全中学") ? "完全中学" : t.contains("一贯制") ? "一贯制" : null;
        if (part != null) {
            Stage p = part.equals("小学部") ? PRIMARY : part.equals("初中部") ? JUNIOR : SENIOR;
            return new School(EnumSet.of(p), part, whole, false);
        }
        if (whole != null) {
            return new School(switch (whole) {
                case "十二年一贯制" -> EnumSet.of(PRIMARY, JUNIOR, SENIOR);
                case "九年一贯制" -> EnumSet.of(PRIMARY, JUNIOR);
                case "完全中学" -> EnumSet.of(JUNIOR, SENIOR);
                default -> EnumSet.of(PRIMARY, JUNIOR, SENIOR); // 一贯制 alone: nine or twelve years, not said
            }, null, whole, false);
        }
        if (t.contains("特殊教育") || t.contains("特教") || t.contains("培智") || t.contains("聋") || t.contains("盲校")) {
            return new School(EnumSet.of(SPECIAL), null, null, false);
        }
        // 技工院校 (技工学校, 高级技工学校, 技师学院) train at secondary vocational level: not 普通高校
        if (t.contains("技工") || t.contains("技师学院")) return new School(EnumSet.of(VOCATIONAL), null, null, true);
        if (t.contains("中等职业") || t.contains("中职") || t.contains("职业中学") || t.contains("职业高中") || t.contains("职高")
                || t.contains("中专") || t.contains("中等专业")) {
            return new School(EnumSet.of(VOCATIONAL), null, null, false);
        }
        if (t.contains("高校") || t.contains("大学") || t.contains("学院") || t.contains("高等") || t.contains("高职") || t.contains("专科")) {
            return new School(EnumSet.of(HIGHER), null, null, false);
        }
        if (t.contains("幼儿") || t.contains("学前") || t.contains("托")) return new School(EnumSet.of(PRESCHOOL), null, null, false);
        if (t.contains("小学") || t.contains("教学点")) return new School(EnumSet.of(PRIMARY), null, null, false);
        if (t.contains("初中") || t.contains("初级中学") || t.contains("职业初中")) return new School(EnumSet.of(JUNIOR), null, null, false);
        if (t.contains("高中") || t.contains("高级中学")) return new School(EnumSet.of(SENIOR), null, null, false);
        if (t.contains("中学")) return new School(EnumSet.of(JUNIOR, SENIOR), null, null, false);
        if (t.contains("义务教育")) return new School(EnumSet.of(PRIMARY, JUNIOR), null, null, false);
        return UNKNOWN;
    }

    // ---- a class's stage --------------------------------------------------------------------

    private static final Pattern GRADE = Pattern.compile("(?:(小学|初中|高中)?)([一二三四五六七八九十]|十一|十二|\\d{1,2})年级");
    private static final Pattern SHORT_GRADE = Pattern.compile("(初|高)([一二三])");
    private static final Map<String, Map<String, Set<Stage>>> CLASSES = new ConcurrentHashMap<>();

    /**
     * The stages a class can be in, from its own 年级 or 学段 ({@code grade}, may be null) and its
     * school's 学段: 七年级 is 初中 anywhere, 一年级 is 小学 in a 小学 or 一贯制 but 初中 or 高中 in a
     * 完全中学 (so both), a class without 年级 is in whatever stages its school has. Empty: unknown.
     */
    public static Set<Stage> ofClass(String grade, String schoolStage) {
        String g = grade == null ? "" : grade;
        String s = schoolStage == null ? "" : schoolStage;
        Map<String, Set<Stage>> bySchool = CLASSES.computeIfAbsent(s, k -> new ConcurrentHashMap<>());
        Set<Stage> r = bySchool.get(g);
        if (r == null) {
            r = Collections.unmodifiableSet(parseClass(g.strip(), ofSchool(s)));
            if (bySchool.size() < 1024) bySchool.put(g, r);
        }
        return r;
    }

    private static Set<Stage> parseClass(String g, School school) {
        // a class placed in a school of several parts may say which kind of school it is in: 完全中学一年级
        School own = ofSchool(g);
        if (own.whole() != null && !own.isPart()) {
            school = own;
            g = g.replace(own.whole(), "");
        }
        Set<Stage> of = school.stages();
        if (g.isEmpty()) return of.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(of);
        if (g.contains("小班") || g.contains("中班") || g.contains("大班") || g.contains("托班") || g.contains("幼儿") || g.contains("学前")) {
            return EnumSet.of(PRESCHOOL);
        }
        Matcher sh = SHORT_GRADE.matcher(g);
        if (sh.find()) return EnumSet.of(sh.group(1).equals("初") ? JUNIOR : SENIOR);
        Matcher m = GRADE.matcher(g);
        if (m.find()) {
            if (m.group(1) != null) return EnumSet.of(m.group(1).equals("小学") ? PRIMARY : m.group(1).equals("初中") ? JUNIOR : SENIOR);
            return byNumber(number(m.group(2)), school);
        }
        // a 学段 rather than a 年级: 小学, 初中, 普通高中, 中职 …
        School named = ofSchool(g);
        return named.stages().isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(named.stages());
    }

    /** Grade n of a school: 1–6 小学, 7–9 初中, 10–12 高中 where numbered straight through; else by what the school has. */
    private static Set<Stage> byNumber(int n, School school) {
        Set<Stage> of = school.stages();
        if (n >= 7 && n <= 9) return EnumSet.of(JUNIOR);
        if (n >= 10) return EnumSet.of(SENIOR);
        if (n >= 4) return of.isEmpty() || of.contains(PRIMARY) ? EnumSet.of(PRIMARY) : EnumSet.copyOf(of);
        if (school.numbersStraightThrough()) return EnumSet.of(PRIMARY);
        if (of.isEmpty()) return EnumSet.noneOf(Stage.class); // 一年级 of an unknown school: 小学, 初中 or 高中
        return EnumSet.copyOf(of);
    }

    private static int number(String s) {
        if (Character.isDigit(s.charAt(0))) return Integer.parseInt(s);
        String digits = "一二三四五六七八九十";
        if (s.equals("十一")) return 11;
        if (s.equals("十二")) return 12;
        return digits.indexOf(s.charAt(0)) + 1;
    }

    /** Yes, no, or unknown (null): are all of a class's possible stages compulsory ones. */
    public static Boolean compulsory(Set<Stage> stages) {
        if (stages.isEmpty()) return null;
        boolean any = false, all = true;
        for (Stage s : stages) {
            if (s.isCompulsory()) any = true;
            else all = false;
        }
        return all ? Boolean.TRUE : any ? null : Boolean.FALSE;
    }

    /** Yes, no, or unknown (null): is the stage exactly the one given. */
    public static Boolean is(Set<Stage> stages, Stage stage) {
        if (stages.isEmpty()) return null;
        if (!stages.contains(stage)) return Boolean.FALSE;
        return stages.size() == 1 ? Boolean.TRUE : null;
    }
}
