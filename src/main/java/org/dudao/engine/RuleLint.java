package org.dudao.engine;

import org.dudao.ast.Condition;
import org.dudao.ast.ConsequenceCalls;
import org.dudao.ast.Location;
import org.dudao.ast.Rule;
import org.dudao.ast.RuleFile;
import org.dudao.load.MetricDictionary;
import org.dudao.load.Text;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Origin;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dudao rules check}: compiles the rule folder and looks for what compiles but is wrong. The
 * lints (warnings) are: a metric name the dictionary lacks; an indicator id used twice where it is
 * not a roll-up of another level; malformed metadata; an indicator that does not say 数据不足 or
 * 不适用 for an entity without data (checked by evaluating the rules on empty entities of every
 * level); a parameter with neither a default nor a value in {@code params.csv} (and a value there no
 * rule reads). Each finding names the rule file and line.
 */
public final class RuleLint {
    /** The ten patterns of the indicator catalogue (INDICATORS.md). */
    public static final List<String> PATTERNS = List.of("threshold", "no-decrease", "no-rebound", "change-by", "zero",
            "conditional", "coverage", "share-of-children", "dispersion", "target-progress", "task");
    /** Levels an entity can have. */
    public static final List<String> LEVELS = List.of("全国", "省", "市", "县", "学校", "班级");
    /**
     * Metadata a rule may carry: the six of every indicator, {@code @warn}, and the reading of the
     * source's words ({@code @soft @tie @tolerance}, see {@link org.dudao.model.Reading}). The one list of
     * keys: the lint, the catalogue and the rule sandbox read it.
     */
    public static final List<String> KNOWN_META = List.of("id", "name", "level", "pattern", "bound", "source", "warn", "soft", "tie", "tolerance");
    /** The words of a source that make a sentence an aim rather than a requirement ({@code @soft}). */
    static final List<String> SOFT_WORDS = List.of("鼓励", "力争", "争创", "原则上", "争取", "尽量", "一般", "积极");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final Pattern PARAM = Pattern.compile("\\{([^|}]+)(?:\\|([^}]*))?}");
    /** Which pattern each helper implements; helpers that combine other verdicts fit any pattern. */
    private static final Map<String, String> HELPER_PATTERN = Map.ofEntries(
            Map.entry("threshold", "threshold"), Map.entry("balance", "threshold"), Map.entry("noDecrease", "no-decrease"),
            Map.entry("noRebound", "no-rebound"), Map.entry("changeBy", "change-by"), Map.entry("changeRatio", "change-by"),
            Map.entry("zero", "zero"), Map.entry("conditional", "conditional"), Map.entry("coverage", "coverage"),
            Map.entry("shareOfChildren", "share-of-children"), Map.entry("dispersion", "dispersion"),
            Map.entry("targetProgress", "target-progress"), Map.entry("task", "task"), Map.entry("stockTask", "task"));
    private static final Set<String> COMBINING = Set.of("rollUp", "balanceSchool");
    /** The year the empty entities are evaluated in (any year does: they have no values at all). */
    static final int YEAR = 2024;

    /** What a lint found: the kind (for tests and filtering), where, and what, in Chinese. */
    public record Finding(String kind, String file, int line, int column, String message) {
        @Override public String toString() {
            return file + ":" + line + ":" + column + ": 警告[" + kind + "]: " + message;
        }
    }

    /** The outcome: compile errors (then no lints), else the findings and what was checked. */
    public record Result(List<RuleMessage> errors, List<Finding> findings, int rules, int indicators) {
        public boolean compiled() { return errors.isEmpty(); }
    }

    public static final String METRIC = "未知指标名";
    public static final String DUPLICATE = "编号重复";
    public static final String METADATA = "元数据";
    public static final String SILENT = "缺数据不报";
    public static final String PARAMETER = "参数";

    private final Path dir;
    private final RuleBase base;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    /** A rule as parsed, with its file and its consequence read as calls. */
    private record Block(Path file, Rule rule, ConsequenceCalls calls) {
        String name() { return rule.name(); }

        int line() { return rule.at().line(); }

        String meta(String key) { return rule.meta(key); }

        /** Where a metadata item is written, else the rule's line at column 1. */
        Location metaAt(String key) {
            Rule.Metadata m = rule.metadata(key);
            return m == null ? new Location(line(), 1) : m.at();
        }

        /** True when a pattern of the conditions (at any depth) matches facts of that type. */
        boolean matches(String type) { return matches(rule.conditions(), type); }

        private static boolean matches(List<Condition> conditions, String type) {
            for (Condition c : conditions) {
                if (c instanceof Condition.Group g && matches(g.members(), type)) return true;
                if (c instanceof Condition.Pattern p && (matchesType(p, type)
                        || p.source() instanceof Condition.Collect col && matchesType(col.input(), type))) return true;
            }
            return false;
        }

        private static boolean matchesType(Condition.Pattern p, String type) {
            return p.type() != null && (p.type().equals(type) || p.type().endsWith("." + type));
        }
    }

    private RuleLint(Path dir, RuleBase base) {
        this.dir = dir;
        this.base = base;
    }

    public static Result check(Path dir, boolean trusted) {
        RuleBase base;
        try {
            base = RuleBase.compile(dir, trusted);
        } catch (RuleCompileException e) {
            return new Result(e.messages(), List.of(), 0, 0);
        }
        RuleLint lint = new RuleLint(dir, base);
        // the parse the sandbox checked (or, from the rule cache, the first parse of this run)
        for (Map.Entry<Path, RuleFile> f : base.folder().parsed().entrySet()) {
            for (Rule r : f.getValue().rules()) lint.blocks.add(new Block(f.getKey(), r, ConsequenceCalls.of(f.getValue(), r)));
        }
        lint.metadata();
        lint.duplicates();
        lint.metrics();
        lint.parameters();
        lint.emptyEntities();
        List<Finding> sorted = new ArrayList<>(lint.findings);
        sorted.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparingInt(Finding::column));
        return new Result(List.of(), List.copyOf(sorted), lint.blocks.size(), base.catalogue().size());
    }

    private void warn(String kind, Block b, int line, int column, String message) {
        findings.add(new Finding(kind, b.file().toString(), line, column, message));
    }

    private void warn(String kind, Block b, String metaKey, String message) {
        Location at = b.metaAt(metaKey);
        warn(kind, b, at.line(), at.column(), message);
    }

    // ---- metadata -------------------------------------------------------------------------

    private void metadata() {
        for (Block b : blocks) {
            String rule = "规则“" + b.name() + "”";
            for (Rule.Metadata m : b.rule().metadata()) {
                if (!KNOWN_META.contains(m.key())) {
                    warn(METADATA, b, m.at().line(), m.at().column(), rule + "的元数据 @" + m.key() + " 无人读取"
                            + DroolsMessages.suggest(m.key(), KNOWN_META) + "（可用：@" + String.join(" @", KNOWN_META) + "）");
                }
            }
            String id = b.meta("id");
            if (id == null || id.isBlank()) {
                warn(METADATA, b, b.line(), 1, rule + "没有 @id：它不是指标目录中的指标，报告中不会出现；如是指标，请补写 @id @name @level @pattern @bound @source");
                continue;
            }
            if (!ID.matcher(id).matches()) {
                warn(METADATA, b, "id", rule + "的编号“" + id + "”格式不对：应为大写字母、数字和连字符，如 KG-01、BAL-CV-1");
            }
            if (!b.name().startsWith(id)) {
                warn(METADATA, b, b.line(), 1, rule + "的规则名应以指标编号“" + id + "”开头（如“" + id + " " + b.name() + "”）");
            }
            String level = b.meta("level");
            if (level != null) {
                for (String l : levels(level)) {
                    if (!LEVELS.contains(l)) {
                        warn(METADATA, b, "level", rule + "的适用层级“" + l + "”无法识别" + DroolsMessages.suggest(l, LEVELS)
                                + "（应为 " + String.join("、", LEVELS) + "，用逗号分隔）");
                    }
                }
            }
            String pattern = b.meta("pattern");
            if (pattern != null && !PATTERNS.contains(pattern.strip())) {
                warn(METADATA, b, "pattern", rule + "的类型 @pattern(\"" + pattern + "\") 不是十种类型之一" + DroolsMessages.suggest(pattern.strip(), PATTERNS)
                        + "（" + String.join("、", PATTERNS) + "）");
            } else if (pattern != null) {
                List<String> calls = b.calls().names();
                if (calls.stream().noneMatch(COMBINING::contains)) {
                    for (String c : calls) {
                        String p = HELPER_PATTERN.get(c);
                        if (p != null && !p.equals(pattern.strip())) {
                            warn(METADATA, b, "pattern", rule + "写的类型是 " + pattern.strip() + "，但结论由 " + c + "（类型 " + p + "）给出");
                            break;
                        }
                    }
                }
            }
            reading(b, rule);
            for (String key : List.of("name", "source")) {
                String v = b.meta(key);
                if (v != null && !v.isBlank() && v.strip().length() < 2) {
                    warn(METADATA, b, key, rule + "的 @" + key + "(\"" + v + "\") 太短，请写完整" + (key.equals("name") ? "的指标名称" : "的依据（文件及条款）"));
                }
            }
        }
    }

    /** {@code @soft @tie @tolerance}: a word the source does not use, or an attribute that cannot change a verdict. */
    private void reading(Block b, String rule) {
        String soft = b.meta("soft");
        if (soft != null && !soft.isBlank() && !SOFT_WORDS.contains(soft.strip())) {
            warn(METADATA, b, "soft", rule + "的 @soft(\"" + soft + "\") 应是原文中使要求不具强制性的词（" + String.join("、", SOFT_WORDS)
                    + "）；“确保”“达到”“不低于”等是硬性要求，不写 @soft");
        }
        Bound bound = null;
        try {
            if (b.meta("bound") != null) bound = Bound.parse(b.meta("bound"));
        } catch (IllegalArgumentException e) {
            return; // the compile step reports it
        }
        if (bound == null) return;
        if (b.meta("tie") != null && bound.op() != Op.GT && bound.op() != Op.LT) {
            warn(METADATA, b, "tie", rule + "的界值是“" + bound.text() + "”，恰好相等本就达标：@tie 只对“>”“<”（高于、低于、增长、下降）的界值起作用");
        }
        if (b.meta("tolerance") != null && (bound.op() == Op.EQ || bound.previousYear() || bound.metric() != null || bound.timeProgress())) {
            warn(METADATA, b, "tolerance", rule + "的界值是“" + bound.text() + "”：@tolerance（“左右”的容差）只对数值或参数界值起作用");
        }
    }

    static List<String> levels(String level) {
        List<String> out = new ArrayList<>();
        for (String l : level.split("[,，、\\s]+")) if (!l.isBlank()) out.add(l.strip());
        return out;
    }

    // ---- duplicate ids --------------------------------------------------------------------

    /**
     * Rules sharing an id form one indicator only as a roll-up: a later rule for another level (学校 →
     * 县) that may leave out the first one's metadata. Two rules for the same level, or a later one
     * that names a different indicator, are a copied rule whose id was not changed.
     */
    private void duplicates() {
        Map<String, Block> first = new LinkedHashMap<>();
        Map<String, Set<String>> levelsSeen = new HashMap<>();
        for (Block b : blocks) {
            String id = b.meta("id");
            if (id == null || id.isBlank()) continue;
            Block f = first.putIfAbsent(id, b);
            List<String> own = b.meta("level") == null ? List.of() : levels(b.meta("level"));
            Set<String> seen = levelsSeen.computeIfAbsent(id, k -> new LinkedHashSet<>());
            if (f != null) {
                String where = f.file().getFileName() + " 第 " + f.line() + " 行的规则“" + f.name() + "”";
                List<String> overlap = own.stream().filter(seen::contains).toList();
                String name = b.meta("name");
                // A roll-up collects the verdicts of other entities (its schools) in its conditions: an intended pair.
                boolean rollUp = b.matches("Verdict");
                if (!overlap.isEmpty() && !rollUp) {
                    warn(DUPLICATE, b, "id", "指标编号“" + id + "”已由" + where + "使用，且两条规则都适用于" + String.join("、", overlap)
                            + "：同一单位会得到两个结论。汇总规则应适用于另一层级；否则请改用新编号");
                } else if (name != null && !name.isBlank() && !name.strip().equals(f.meta("name") == null ? "" : f.meta("name").strip())) {
                    warn(DUPLICATE, b, "id", "指标编号“" + id + "”已由" + where + "使用，但这条规则的名称不同（“" + name
                            + "”）：像是复制规则后忘了改编号；同一指标的汇总规则可以只写 @id 和 @level");
                }
            }
            seen.addAll(own);
        }
    }

    // ---- metric names ---------------------------------------------------------------------

    private void metrics() {
        MetricDictionary dict = base.dictionary();
        List<String> names = new ArrayList<>();
        for (MetricDictionary.Def d : dict.all()) names.add(d.name());
        for (Block b : blocks) {
            List<ConsequenceCalls.MetricUse> uses = new ArrayList<>(b.calls().metrics());
            uses.addAll(boundMetrics(b));
            for (ConsequenceCalls.MetricUse u : uses) {
                if (u.implicit() || dict.get(u.metric()).isPresent()) continue;
                var alias = dict.lookup(u.metric());
                if (alias.isPresent()) {
                    warn(METRIC, b, u.at().line(), u.at().column(), "“" + u.metric() + "”是指标字典中“" + alias.get().name()
                            + "”的别名：规则中请写标准名称“" + alias.get().name() + "”（别名只在读工作簿时换成标准名称，规则按别名找不到数据）");
                    continue;
                }
                List<String> near = DroolsMessages.nearest(Text.normalize(u.metric()), names, 3);
                warn(METRIC, b, u.at().line(), u.at().column(), "指标名“" + u.metric() + "”不在指标字典（" + MetricDictionary.FILE_NAME + "）中"
                        + (near.isEmpty() ? "" : "，最接近的是：" + String.join("、", near))
                        + "；请改正名称，或在 " + MetricDictionary.FILE_NAME + " 中加一行（名称,单位,类型,别名,说明）");
            }
        }
    }

    /** A bound that names another metric ({@code >= 公务员平均工资收入}). */
    private static List<ConsequenceCalls.MetricUse> boundMetrics(Block b) {
        List<ConsequenceCalls.MetricUse> out = new ArrayList<>();
        String raw = b.meta("bound");
        // threshold(kc, e, x, limit) computes its limit; the metric named in @bound is then only its description.
        if (raw == null || b.calls().has("threshold", 4)) return out;
        Bound bound;
        try {
            bound = Bound.parse(raw);
        } catch (IllegalArgumentException e) {
            return out;
        }
        List<Bound> all = new ArrayList<>();
        all.add(bound);
        for (Bound.Part p : bound.parts()) all.add(p.bound());
        for (Bound x : all) {
            if (x.metric() != null) out.add(new ConsequenceCalls.MetricUse(x.metric(), null, b.metaAt("bound"), false));
        }
        return out;
    }

    // ---- parameters -----------------------------------------------------------------------

    private void parameters() {
        Set<String> used = new HashSet<>();
        for (Block b : blocks) {
            List<String[]> refs = new ArrayList<>(); // name, default, line, column
            for (String key : List.of("bound", "tolerance")) {
                String v = b.meta(key);
                if (v == null) continue;
                Matcher m = PARAM.matcher(v);
                while (m.find()) refs.add(new String[]{m.group(1).strip(), m.group(2), String.valueOf(b.metaAt(key).line()),
                        String.valueOf(b.metaAt(key).column())});
            }
            for (ConsequenceCalls.Literal lit : b.calls().literals()) {
                Matcher m = PARAM.matcher(lit.value());
                while (m.find()) refs.add(new String[]{m.group(1).strip(), m.group(2),
                        String.valueOf(lit.at().line()), String.valueOf(lit.at().column())});
            }
            for (String[] r : refs) {
                used.add(r[0]);
                boolean hasDefault = r[1] != null && !r[1].isBlank();
                if (!hasDefault && !base.params().containsKey(r[0])) {
                    findings.add(new Finding(PARAMETER, b.file().toString(), Integer.parseInt(r[2]), Integer.parseInt(r[3]),
                            "参数“" + r[0] + "”没有默认值，rules/" + RuleBase.PARAMS_FILE + " 中也没有设置：工作簿的参数表不填时，规则“"
                                    + b.name() + "”的结论都是“数据不足”。请写成 {" + r[0] + "|默认值}，或在 " + RuleBase.PARAMS_FILE + " 中设置"));
                }
            }
        }
        Path csv = dir.resolve(RuleBase.PARAMS_FILE);
        for (var p : base.params().values()) {
            if (used.contains(p.getName())) continue;
            List<String> near = DroolsMessages.nearest(p.getName(), used, 3);
            String line = p.getOrigin().getCell().replaceAll("\\D", "");
            findings.add(new Finding(PARAMETER, csv.toString(), line.isEmpty() ? 0 : Integer.parseInt(line), 1,
                    "参数“" + p.getName() + "”已设置，但没有规则使用它" + (near.isEmpty() ? "" : "（是否应为：" + String.join("、", near) + "？）")
                            + "：名称写错时规则会取默认值"));
        }
    }

    // ---- evaluation on empty entities -----------------------------------------------------

    /**
     * Evaluates the whole rule set on a hierarchy where every entity has a data row but no value: a
     * nation, a province, a city, a county, one school of each common 学段 and a class. Every
     * indicator must give each entity of its levels exactly one verdict (per part), and that verdict
     * must be 数据不足 or 不适用: anything else would pass (or fail) on no data, and no verdict at all
     * means missing data goes unreported.
     */
    private void emptyEntities() {
        Dataset data = emptyHierarchy();
        Evaluation ev;
        try {
            ev = new Evaluator(base, 1).evaluate(data, YEAR);
        } catch (RuntimeException e) {
            Block b = blockNamedIn(String.valueOf(e.getMessage()));
            String msg = "对没有数据的单位评估时规则运行出错：" + e.getMessage();
            if (b != null) warn(SILENT, b, b.line(), 1, msg);
            else findings.add(new Finding(SILENT, dir.toString(), 0, 0, msg));
            return;
        }
        Map<String, List<Block>> byId = new LinkedHashMap<>();
        for (Block b : blocks) if (b.meta("id") != null) byId.computeIfAbsent(b.meta("id"), k -> new ArrayList<>()).add(b);
        Map<String, List<Verdict>> byKey = new LinkedHashMap<>();
        Map<String, Set<String>> levelsGiven = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (Verdict v : ev.verdicts()) {
            byKey.computeIfAbsent(v.getIndicator() + "\u0000" + v.getEntityCode() + "\u0000" + v.getPart(), k -> new ArrayList<>()).add(v);
            levelsGiven.computeIfAbsent(v.getIndicator(), k -> new HashSet<>()).add(v.getLevel());
        }
        for (List<Verdict> same : byKey.values()) {
            Verdict v = same.get(0);
            Block b = ruleFor(byId, v.getIndicator(), v.getLevel());
            if (b == null) {
                findings.add(new Finding(SILENT, dir.toString(), 0, 0, "出现了规则目录中没有的指标“" + v.getIndicator() + "”的结论（" + v.getLevel()
                        + "）：结论应由类型函数给出，编号取自规则的 @id"));
                continue;
            }
            String subject = "没有数据的" + v.getLevel() + (v.getPart() == null ? "" : "（" + v.getPart() + "）");
            if (same.size() > 1 && reported.add(b.name() + " dup")) {
                warn(SILENT, b, b.line(), 1, "规则“" + b.name() + "”对同一个" + subject + "给出了 " + same.size()
                        + " 个结论（应只有一个）：请检查条件部分是否重复匹配，或是否另有规则使用同一编号" + hint(b));
            }
            for (Verdict x : same) {
                if ((x.getStatus() != Status.INSUFFICIENT_DATA && x.getStatus() != Status.NOT_APPLICABLE) && reported.add(b.name() + " " + x.getLevel())) {
                    warn(SILENT, b, b.line(), 1, "规则“" + b.name() + "”对" + subject + "给出了“" + x.getStatus().label()
                            + "”（" + x.getMessage() + "）：缺数据时应为“数据不足”或“不适用”，否则会默默" + (x.getStatus() == Status.FAIL ? "判为不达标" : "通过") + hint(b));
                }
            }
            Set<String> declared = new HashSet<>();
            for (Block r : byId.getOrDefault(v.getIndicator(), List.of())) if (r.meta("level") != null) declared.addAll(levels(r.meta("level")));
            if (!declared.contains(v.getLevel()) && reported.add(v.getIndicator() + " level " + v.getLevel())) {
                warn(METADATA, b, "level", "指标 " + v.getIndicator() + " 对" + v.getLevel() + "给出了结论，但 @level 中没有写“" + v.getLevel()
                        + "”（写的是：" + String.join("、", declared) + "）：请让条件部分与 @level 一致");
            }
        }
        for (Block b : blocks) {
            String id = b.meta("id");
            if (id == null || b.meta("level") == null) continue;
            for (String l : levels(b.meta("level"))) {
                if (!LEVELS.contains(l)) continue;
                if (levelsGiven.getOrDefault(id, Set.of()).contains(l)) continue;
                warn(SILENT, b, "level", "规则“" + b.name() + "”对没有数据的" + l + "没有给出任何结论：缺数据时应为“数据不足”或“不适用”，"
                        + "否则该指标在报告中悄无声息" + hint(b));
            }
        }
    }

    /** Why a rule may be silent, from its text: Metric facts matched in the conditions, a verdict built by hand. */
    private static String hint(Block b) {
        List<String> why = new ArrayList<>();
        if (b.matches("Metric")) {
            why.add("条件部分（when）匹配了 Metric 事实，缺这项数据时规则根本不会触发；请只匹配 Entity，在 then 部分用 value(\"…\") 等取值");
        }
        String rhs = RuleGuard.stripCommentsAndStrings(b.rule().consequence().text());
        if (Pattern.compile("\\bVerdict\\s*\\.\\s*builder\\b|\\bnew\\s+(org\\.dudao\\.model\\.)?Verdict\\b|\\.status\\s*\\(").matcher(rhs).find()) {
            why.add("结论是手工构造的（Verdict.builder / new Verdict），没有经过类型函数（threshold、coverage 等），缺数据时不会给出“数据不足”");
        }
        return why.isEmpty() ? "" : "。原因：" + String.join("；", why);
    }

    private Block ruleFor(Map<String, List<Block>> byId, String id, String level) {
        List<Block> rs = byId.get(id);
        if (rs == null) return null;
        for (Block b : rs) if (b.meta("level") != null && levels(b.meta("level")).contains(level)) return b;
        return rs.get(0);
    }

    private Block blockNamedIn(String message) {
        for (Block b : blocks) if (message.contains(b.name())) return b;
        return null;
    }

    /** Stages of the empty schools: a rule for any common kind of school finds one. */
    static final List<String> SCHOOL_STAGES = List.of("小学", "初中", "幼儿园", "普通高中", "中等职业学校", "特殊教育学校");

    static Dataset emptyHierarchy() {
        Map<String, Entity> entities = new LinkedHashMap<>();
        Origin o = new Origin("rules check", "空数据", null);
        add(entities, new Entity("L0", "（空）全国", EntityKind.NATION, null, null, o));
        add(entities, new Entity("L1", "（空）省", EntityKind.PROVINCE, "L0", null, o));
        add(entities, new Entity("L2", "（空）市", EntityKind.CITY, "L1", null, o));
        add(entities, new Entity("L3", "（空）县", EntityKind.COUNTY, "L2", null, o));
        for (int i = 0; i < SCHOOL_STAGES.size(); i++) {
            add(entities, new Entity("L4-" + i, "（空）" + SCHOOL_STAGES.get(i), EntityKind.SCHOOL, "L3", SCHOOL_STAGES.get(i), o));
        }
        add(entities, new Entity("L5", "（空）班级", EntityKind.CLASS, "L4-0", null, o));
        return new Dataset(entities, List.of(), List.of(), List.of(), List.of(), List.of(), new TreeSet<>(List.of(YEAR - 1, YEAR)));
    }

    private static void add(Map<String, Entity> m, Entity e) {
        m.put(e.getCode(), e.withYear(YEAR).withYear(YEAR - 1));
    }
}
