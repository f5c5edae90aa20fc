package org.dudao.engine;

import org.dudao.load.MetricDictionary;
import org.dudao.model.Indicator;
import org.dudao.model.Param;
import org.dudao.model.Reading;
import org.dudao.model.Status;
import org.dudao.util.Phases;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled rule set of a run: every {@code *.drl} under the rules folder, built once through a
 * KieFileSystem with the files' real paths (so errors name them), the metric dictionary beside them,
 * and the indicator catalogue read from the rules' metadata.
 */
public final class RuleBase {
    /** Metadata every indicator rule carries. */
    public static final List<String> REQUIRED_META = List.of("id", "name", "level", "pattern", "bound", "source");
    private static final Pattern ERROR_POSITION = Pattern.compile(
            "\\[ERR \\d+\\] Line (\\d+):(\\d+)|\\[Line: (\\d+), Column: (\\d+)\\]|\\[(\\d+),(\\d+)\\]");

    private final RuleFolder folder;
    private final boolean trusted;
    /** Null until the packages of a cache hit are needed ({@link #kieBase()}); set at once after a compile. */
    private KieBase kieBase;
    private RuleCache.Hit hit;
    private final Map<String, RuleMeta> rules;
    private final List<Indicator> catalogue;
    private final MetricDictionary dictionary;
    private final Map<String, Param> params;
    private final boolean fromCache;

    private RuleBase(RuleFolder folder, boolean trusted, KieBase kieBase, RuleCache.Hit hit, Map<String, RuleMeta> rules,
                     List<Indicator> catalogue, MetricDictionary dictionary, Map<String, Param> params) {
        this.folder = folder;
        this.trusted = trusted;
        this.params = params;
        this.fromCache = hit != null;
        this.kieBase = kieBase;
        this.hit = hit;
        this.rules = rules;
        this.catalogue = catalogue;
        this.dictionary = dictionary;
    }

    public Path dir() { return folder.dir(); }
    /** The folder the rules were compiled from: its other data (waivers, documents) is read from it when needed. */
    public RuleFolder folder() { return folder; }

    /**
     * The compiled rules. After a cache hit they are deserialized at the first call (a command that
     * needs only the catalogue never pays for it); should the entry's packages prove unusable, the
     * rules are checked and compiled as on a miss and the entry is written again.
     */
    public synchronized KieBase kieBase() {
        if (kieBase == null) {
            try {
                kieBase = hit.kieBase();
            } catch (Exception | LinkageError e) {
                kieBase = recompile(e);
            }
            hit = null;
        }
        return kieBase;
    }

    /** Starts deserializing a cache hit's packages on a thread of their own, so that {@link #kieBase()} finds them ready (while the workbooks load). */
    public void prepareInBackground() {
        synchronized (this) {
            if (kieBase != null) return;
        }
        Thread t = new Thread(() -> {
            try {
                kieBase();
            } catch (RuntimeException e) {
                // the caller's own kieBase() meets the same failure and reports it
            }
        }, "dudao-rule-base");
        t.setDaemon(true);
        t.start();
    }

    private KieBase recompile(Throwable why) {
        RuleCache cache = RuleCache.configured();
        String key = RuleCache.key(folder.hash(), trusted);
        if (cache != null) cache.discard(key);
        try {
            if (!trusted) {
                List<RuleMessage> refused = RuleGuard.check(folder);
                if (!refused.isEmpty()) throw new RuleCompileException(refused);
            }
            KieBase built = build(folder.dir(), folder.sources());
            if (cache != null) {
                cache.store(key, RuleInfo.of(built, folder.ruleLines()), hit.table(), built.getKiePackages());
            }
            return built;
        } catch (RuleCompileException e) { // the very bytes compiled when the entry was written: not expected
            IllegalStateException failed = new IllegalStateException("规则缓存中的规则无法使用，重新编译也失败：" + e.getMessage(), e);
            failed.addSuppressed(why);
            throw failed;
        }
    }

    /** Metadata by the rule's full name (package.name). */
    public Map<String, RuleMeta> rules() { return rules; }
    /** One entry per indicator id, in the order the rule files define them. */
    public List<Indicator> catalogue() { return catalogue; }
    public MetricDictionary dictionary() { return dictionary; }
    /** SHA-256 over every file under the rules folder but the test fixtures ({@code tests/}): a report names the exact rule set it used. */
    public String hash() { return folder.hash(); }
    /** Parameters set in {@code rules/params.csv} (参数名称,参数值,说明): below a workbook's 参数 sheet, above a rule's default. */
    public Map<String, Param> params() { return params; }
    /** True when the compiled rules came from the rule cache ({@link RuleCache}) rather than a compile in this run. */
    public boolean fromCache() { return fromCache; }

    public static final String PARAMS_FILE = RuleFolder.PARAMS_FILE;

    /** Compiles with the {@link RuleGuard} check on, as every command does unless told to trust the rules. */
    public static RuleBase compile(Path dir) throws RuleCompileException {
        return compile(dir, false);
    }

    public static RuleBase compile(Path dir, boolean trusted) throws RuleCompileException {
        RuleFolder folder = RuleFolder.read(dir);
        Phases.mark("rule folder read and hashed");
        return compile(folder, trusted);
    }

    /**
     * Compiles the folder's DRL and applies its thresholds table to the catalogue. A rule-cache hit
     * (stored by a compile of these very bytes that passed the same check) gives each rule's catalogue
     * data and the table's rows: nothing is checked, parsed or compiled again, the workbook (POI's
     * slowest start) is not opened, and the compiled packages are read only when {@link #kieBase()}
     * is first called.
     */
    public static RuleBase compile(RuleFolder folder, boolean trusted) throws RuleCompileException {
        Path dir = folder.dir();
        RuleCache cache = RuleCache.configured();
        String key = RuleCache.key(folder.hash(), trusted);
        RuleCache.Hit hit = cache == null ? null : cache.load(key);
        boolean fromCache = hit != null;
        Phases.mark(fromCache ? "rule cache hit" : "rule cache miss");
        if (!fromCache && !trusted) {
            List<RuleMessage> refused = RuleGuard.check(folder);
            if (!refused.isEmpty()) throw new RuleCompileException(refused);
        }
        MetricDictionary dictionary = folder.dictionary();
        Map<String, Param> params = folder.params();
        KieBase kieBase = fromCache ? null : build(dir, folder.sources());
        List<RuleInfo> infos = fromCache ? hit.rules() : RuleInfo.of(kieBase, folder.ruleLines());
        Phases.mark(fromCache ? "rules' catalogue data read" : "rules compiled");
        Map<String, RuleMeta> metas = new LinkedHashMap<>();
        List<Indicator> catalogue = new ArrayList<>();
        List<RuleMessage> errors = new ArrayList<>();
        readMetadata(dir, infos, metas, catalogue, errors);
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        if (fromCache) folder.thresholdsFromCache(hit.table());
        List<Thresholds.Entry> table = folder.thresholds();
        errors.addAll(Thresholds.apply(dir, table, metas, catalogue));
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        Phases.mark("metadata and thresholds");
        if (cache != null && !fromCache) cache.store(key, infos, table, kieBase.getKiePackages());
        return new RuleBase(folder, trusted, kieBase, hit, Collections.unmodifiableMap(metas), List.copyOf(catalogue), dictionary, params);
    }

    /** Compiles the rule files with Drools, each under its real path so that errors name it. */
    private static KieBase build(Path dir, Map<Path, byte[]> sources) throws RuleCompileException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.dudao.rules", "rules-" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Path> byKiePath = new HashMap<>();
        for (Path drl : sources.keySet()) {
            String rel = RuleFolder.relative(dir, drl);
            String kiePath = "src/main/resources/" + rel;
            byKiePath.put(kiePath, drl);
            byKiePath.put(rel, drl);
            // Explicitly UTF-8: under a POSIX locale (cron, systemd) Drools would decode in ASCII and lose every Chinese name.
            kfs.write(kiePath, ks.getResources().newByteArrayResource(sources.get(drl), "UTF-8").setSourcePath(kiePath));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<RuleMessage> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleMessage rm = toRuleMessage(m, byKiePath, dir);
            // Drools adds this after any syntax error in a file: it says nothing the first error does not.
            if (!rm.message().startsWith("Parser returned a null Package")) errors.add(DroolsMessages.explain(rm));
        }
        if (!errors.isEmpty()) throw new RuleCompileException(errors);

        return ks.newKieContainer(releaseId).getKieBase();
    }



    /**
     * Reads each rule's {@code @id @name @level @pattern @bound @source @warn} and its reading
     * ({@code @soft @tie @tolerance}). Rules sharing an id
     * (a school rule and its county roll-up) form one indicator: the later ones may leave out what the
     * first one says.
     */
    private static void readMetadata(Path dir, List<RuleInfo> infos, Map<String, RuleMeta> metas, List<Indicator> catalogue,
                                     List<RuleMessage> errors) {
        List<RuleInfo> all = new ArrayList<>(infos);
        all.sort((a, b) -> {
            int f = String.valueOf(a.source()).compareTo(String.valueOf(b.source()));
            return f != 0 ? f : Integer.compare(a.line(), b.line());
        });
        Map<String, Indicator> first = new LinkedHashMap<>();
        for (RuleInfo r : all) {
            Map<String, String> md = new HashMap<>();
            r.metadata().forEach((k, v) -> md.put(k, unquote(v)));
            String file = r.file();
            int line = r.line();
            String id = md.get("id");
            if (id == null || id.isBlank()) continue; // a helper rule, not an indicator: `rules check` lints it
            Indicator base = first.get(id);
            List<String> absent = new ArrayList<>();
            String[] v = new String[REQUIRED_META.size()];
            for (int i = 0; i < v.length; i++) {
                String key = REQUIRED_META.get(i);
                v[i] = md.get(key);
                if ((v[i] == null || v[i].isBlank()) && base != null) v[i] = inherited(base, key);
                if (v[i] == null || v[i].isBlank()) absent.add("@" + key);
            }
            if (!absent.isEmpty()) {
                errors.add(new RuleMessage(dir.resolve(file).toString(), line, 1, "规则“" + r.name() + "”缺少元数据 " + String.join("、", absent)));
                continue;
            }
            String warn = md.getOrDefault("warn", base == null ? null : base.warn());
            Bound bound;
            BigDecimal margin = null;
            Indicator ind;
            try {
                Reading reading = reading(md, base == null ? Reading.NONE : base.reading());
                ind = new Indicator(id, v[1], v[2], v[3], v[4], v[5], warn, file, r.name(), reading);
                bound = Bound.parse(ind.bound());
                if (warn != null && !warn.isBlank()) margin = new BigDecimal(warn.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new RuleMessage(dir.resolve(file).toString(), line, 1, "规则“" + r.name() + "”：" + (e instanceof NumberFormatException
                        ? "@warn 应为数值（预警幅度），而不是“" + warn + "”" : e.getMessage())));
                continue;
            }
            metas.put(r.packageName() + "." + r.name(), new RuleMeta(ind, bound, margin));
            if (base == null) {
                first.put(id, ind);
                catalogue.add(ind);
            } else if (!base.level().contains(ind.level())) {
                // A roll-up rule adds its level to the indicator's entry (学校 + 县).
                Indicator merged = new Indicator(base.id(), base.name(), base.level() + "," + ind.level(), base.pattern(),
                        base.bound(), base.source(), base.warn(), base.file(), base.rule(), base.reading());
                first.put(id, merged);
                catalogue.set(catalogue.indexOf(base), merged);
            }
        }
    }

    /**
     * The reading of a rule's words ({@code @soft @tie @tolerance}), each inherited from the first rule
     * of the indicator when a roll-up rule leaves it out; a malformed one is an {@link IllegalArgumentException}.
     */
    static Reading reading(Map<String, String> md, Reading inherited) {
        String soft = md.containsKey("soft") ? md.get("soft").strip() : inherited.soft();
        if (soft != null && soft.isEmpty()) throw new IllegalArgumentException("@soft 应写原文中使要求不具强制性的词，如 @soft(\"力争\")");
        Status tie = inherited.tie();
        if (md.containsKey("tie")) {
            String t = md.get("tie").strip();
            tie = switch (t) {
                case "达标" -> Status.PASS;
                case "预警" -> Status.WARN;
                case "不达标" -> Status.FAIL;
                default -> throw new IllegalArgumentException("@tie 应为 达标、预警 或 不达标，而不是“" + t + "”");
            };
        }
        String tolerance = md.containsKey("tolerance") ? md.get("tolerance").strip() : inherited.tolerance();
        if (tolerance != null && !numberOrParameter(tolerance)) {
            throw new IllegalArgumentException("@tolerance 应为数值或参数（如 {CLEAN-01左右容差|1}），而不是“" + tolerance + "”");
        }
        return soft == null && tie == null && tolerance == null ? Reading.NONE : new Reading(soft, tie, tolerance);
    }

    private static boolean numberOrParameter(String raw) {
        try {
            Bound b = Bound.parse("<= " + raw);
            return b.metric() == null && !b.previousYear() && !b.timeProgress() && !b.isCompound() && !b.isYesNo();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String inherited(Indicator base, String key) {
        return switch (key) {
            case "name" -> base.name();
            case "pattern" -> base.pattern();
            case "source" -> base.source();
            case "bound" -> base.bound();
            default -> null;
        };
    }

    private static String unquote(String v) {
        if (v == null) return null;
        String s = v.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static RuleMessage toRuleMessage(Message m, Map<String, Path> byKiePath, Path dir) {
        Path p = m.getPath() == null ? null : byKiePath.get(m.getPath());
        String file = p != null ? dir.resolve(RuleFolder.relative(dir, p)).toString() : m.getPath() == null ? dir.toString() : m.getPath();
        int line = m.getLine();
        int col = m.getColumn();
        String text = m.getText() == null ? "" : m.getText().strip();
        Matcher pos = ERROR_POSITION.matcher(text);
        if (pos.find()) {
            int g = pos.group(1) != null ? 1 : pos.group(3) != null ? 3 : 5;
            if (line <= 0) line = Integer.parseInt(pos.group(g));
            if (col <= 0) col = Integer.parseInt(pos.group(g + 1));
        }
        return new RuleMessage(file, Math.max(line, 0), Math.max(col, 0), text.replaceAll("\\s+", " "));
    }




}
